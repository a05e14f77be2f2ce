package dev.investigator.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The same series over the same window moved {@code offset} into the past (for example one day or one week). */
public record Baseline(Duration offset, List<DataPoint> points) {
    public Baseline {
        Objects.requireNonNull(offset, "offset");
        points = List.copyOf(points);
    }
}
