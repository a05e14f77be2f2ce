package dev.investigator.rotation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The people scheduled on {@code first} and {@code second} exchange those two days. */
public record Swap(LocalDate first, LocalDate second, String by, Instant at) implements RotationChange {

    public Swap {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        if (first.equals(second)) {
            throw new IllegalArgumentException("a swap needs two different days: " + first);
        }
    }

    public boolean involves(LocalDate day) {
        return first.equals(day) || second.equals(day);
    }
}
