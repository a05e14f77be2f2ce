package dev.investigator.rotation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** {@code from} gave {@code day} to {@code to}. The last hand-off of a day decides who holds it. */
public record HandOff(LocalDate day, String from, String to, String by, Instant at) implements RotationChange {

    public HandOff {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
