package dev.investigator.investigation;

import dev.investigator.model.Baseline;
import dev.investigator.model.DataPoint;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.MetricUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Builds one-minute metric series over a 30-minute window starting at {@link #START}, for tests. */
final class Series {

    static final Instant START = Instant.parse("2026-11-20T05:00:00Z");
    static final int POINTS = 30;

    private Series() {
    }

    static Instant minute(int i) {
        return START.plus(Duration.ofMinutes(i));
    }

    static List<DataPoint> points(IntToDoubleFunction value) {
        List<DataPoint> points = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            points.add(new DataPoint(minute(i), value.applyAsDouble(i)));
        }
        return points;
    }

    /** A series with day and week baselines that both follow {@code baseline}. */
    static MetricSeries of(String id, MetricRole role, MetricUnit unit, IntToDoubleFunction now, IntToDoubleFunction baseline) {
        return new MetricSeries(id, id, role, unit, points(now),
                List.of(new Baseline(Duration.ofDays(1), points(baseline)), new Baseline(Duration.ofDays(7), points(baseline))));
    }

    static MetricSeries withoutBaseline(String id, MetricRole role, MetricUnit unit, IntToDoubleFunction now) {
        return new MetricSeries(id, id, role, unit, points(now), List.of());
    }

    /** value before minute {@code at}, then {@code after}; small deterministic noise. */
    static IntToDoubleFunction step(double before, double after, int at) {
        return i -> (i < at ? before : after) * (1 + 0.03 * Math.sin(i * 1.7));
    }

    static IntToDoubleFunction flat(double v) {
        return step(v, v, 0);
    }
}
