package dev.investigator.model;

import java.time.Instant;
import java.util.Objects;

public record DataPoint(Instant at, double value) {
    public DataPoint {
        Objects.requireNonNull(at, "at");
    }
}
