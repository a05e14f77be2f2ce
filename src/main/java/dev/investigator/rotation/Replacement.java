package dev.investigator.rotation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** {@code substitute} takes every day {@code absent} holds from {@code from} to {@code to}, both inclusive. */
public record Replacement(String absent, String substitute, LocalDate from, LocalDate to, String by, Instant at)
        implements RotationChange {

    public Replacement {
        Objects.requireNonNull(absent, "absent");
        Objects.requireNonNull(substitute, "substitute");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("replacement ends before it starts: " + from + " .. " + to);
        }
        if (absent.equals(substitute)) {
            throw new IllegalArgumentException("a member cannot replace themself: " + absent);
        }
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
