package dev.investigator.model;

import java.util.Objects;
import java.util.OptionalDouble;

/** A headline figure of the window (mean or total) against its baseline, judged against the thresholds. */
public record KeyNumber(MetricRole role, String label, MetricUnit unit, double observed, OptionalDouble baseline, Severity severity) {
    public KeyNumber {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(severity, "severity");
    }

    public OptionalDouble ratio() {
        if (baseline.isEmpty() || baseline.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(observed / baseline.getAsDouble());
    }
}
