package dev.investigator.render;

import dev.investigator.model.DataPoint;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The figure that summarises a series over a window: the total for counted events (requests and errors add up),
 * the mean for everything else (a rate, a latency, or a resource gauge such as DB connections does not), and the
 * peak point.
 */
final class MetricStats {

    private MetricStats() {
    }

    static boolean adds(MetricRole role, MetricUnit unit) {
        return unit == MetricUnit.COUNT && role != MetricRole.RESOURCE;
    }

    static OptionalDouble summary(List<DataPoint> points, MetricRole role, MetricUnit unit) {
        if (points.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (DataPoint p : points) {
            sum += p.value();
        }
        return OptionalDouble.of(adds(role, unit) ? sum : sum / points.size());
    }

    /** The highest point; the earliest of equal peaks. */
    static Optional<DataPoint> peak(List<DataPoint> points) {
        DataPoint best = null;
        for (DataPoint p : points) {
            if (best == null || p.value() > best.value()) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** current / baseline, infinite when the baseline is zero and the current is not, empty when both are zero. */
    static OptionalDouble ratio(double current, double baseline) {
        if (baseline == 0) {
            return current == 0 ? OptionalDouble.empty() : OptionalDouble.of(Double.POSITIVE_INFINITY);
        }
        return OptionalDouble.of(current / baseline);
    }
}
