package dev.investigator.model;

import java.util.List;
import java.util.Objects;

/**
 * One metric over the investigated window, with its baselines (the same window one day / one week earlier),
 * aligned to the window's own timestamps. Points with no data are omitted, not zero.
 */
public record MetricSeries(
        String id, String label, MetricRole role, MetricUnit unit, List<DataPoint> points, List<Baseline> baselines) {

    public MetricSeries {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(unit, "unit");
        points = List.copyOf(points);
        baselines = List.copyOf(baselines);
    }
}
