package dev.investigator.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open interval {@code [from, to)} of instants. */
public record TimeWindow(Instant from, Instant to) {

    public TimeWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("window must end after it starts: " + from + " .. " + to);
        }
    }

    public static TimeWindow ending(Instant to, Duration length) {
        return new TimeWindow(to.minus(length), to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    /** The same window moved by {@code offset} (negative moves it into the past). */
    public TimeWindow shiftedBy(Duration offset) {
        return new TimeWindow(from.plus(offset), to.plus(offset));
    }

    /** The window of the same length that ends where this one starts. */
    public TimeWindow previous() {
        return shiftedBy(length().negated());
    }

    /** A window of twice the length, ending at the same instant. */
    public TimeWindow widened() {
        return new TimeWindow(from.minus(length()), to);
    }
}
