package dev.investigator.investigation;

import dev.investigator.model.Baseline;
import dev.investigator.model.DataPoint;
import dev.investigator.model.Finding.MetricShift;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.ServiceDefinition.Thresholds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds when a series left its baseline, and by how much.
 *
 * <p>The expected value at each point is the median of the baselines at the same moment (one day ago, one
 * week ago...), or, with no baseline, the median of the window's first quarter. A point is "out" when it
 * departs from that by the role's threshold (taken from the service's thresholds, so the detector and the
 * verdict agree). The change point is the first out point that the following points confirm (three in a
 * row, or every point left when fewer remain), so a single spike is not a change. Deliberately simple:
 * every result can be explained in one sentence to the person reading it.
 */
public final class ChangePointDetector {

    private static final int CONFIRMING_POINTS = 3;
    private static final double RESOURCE_RATIO = 1.5;
    private static final double ERROR_COUNT_RATIO = 3.0;
    private static final double ERROR_COUNT_FLOOR = 3.0;

    public Optional<MetricShift> detect(MetricSeries series, Thresholds thresholds, String link) {
        List<DataPoint> points = series.points();
        int n = points.size();
        if (n < 2) {
            return Optional.empty();
        }
        double[] expected = expected(series);
        if (expected == null) {
            return Optional.empty();
        }
        int[] direction = new int[n];
        for (int i = 0; i < n; i++) {
            direction[i] = Double.isNaN(expected[i]) ? 0 : direction(series.role(), points.get(i).value(), expected[i], thresholds);
        }
        int firstChecked = series.baselines().isEmpty() ? Math.max(1, n / 4) : 0;
        for (int i = firstChecked; i < n; i++) {
            if (direction[i] == 0) {
                continue;
            }
            int needed = Math.min(CONFIRMING_POINTS, n - i);
            if (needed < 2 && n > 2) {
                break; // one point at the very end is not yet a change
            }
            boolean confirmed = true;
            for (int j = i; j < i + needed; j++) {
                confirmed &= direction[j] == direction[i];
            }
            if (confirmed) {
                double observed = mean(points, i, n);
                double base = median(Arrays.copyOfRange(expected, i, n));
                Instant at = points.get(i).at();
                return Optional.of(new MetricShift(at, series.id(), series.label(), series.role(), series.unit(),
                        base, observed, link));
            }
        }
        return Optional.empty();
    }

    /** The expected value at each point, NaN where nothing is known; null when the series cannot be judged. */
    static double[] expected(MetricSeries series) {
        List<DataPoint> points = series.points();
        int n = points.size();
        double[] expected = new double[n];
        if (!series.baselines().isEmpty()) {
            List<Map<Instant, Double>> byTime = new ArrayList<>();
            for (Baseline b : series.baselines()) {
                Map<Instant, Double> m = new HashMap<>();
                b.points().forEach(p -> m.put(p.at(), p.value()));
                byTime.add(m);
            }
            boolean any = false;
            for (int i = 0; i < n; i++) {
                Instant t = points.get(i).at();
                double[] values = byTime.stream().map(m -> m.get(t)).filter(v -> v != null && !v.isNaN())
                        .mapToDouble(Double::doubleValue).toArray();
                expected[i] = values.length == 0 ? Double.NaN : median(values);
                any |= values.length > 0;
            }
            if (any) {
                return expected;
            }
        }
        int head = Math.max(1, n / 4);
        if (n < 4) {
            return null;
        }
        double reference = median(points.subList(0, head).stream().mapToDouble(DataPoint::value).toArray());
        Arrays.fill(expected, reference);
        return expected;
    }

    /** +1 when the value is out above its expected value, -1 when out below (where that matters), else 0. */
    static int direction(MetricRole role, double value, double expected, Thresholds t) {
        return switch (role) {
            case REQUESTS -> expected <= 0 ? 0
                    : value >= expected * t.trafficSurgeRatio() ? 1 : value <= expected * t.trafficDropRatio() ? -1 : 0;
            case ERRORS -> value >= Math.max(expected * ERROR_COUNT_RATIO, expected + ERROR_COUNT_FLOOR) ? 1 : 0;
            case ERROR_RATE -> value >= Math.max(expected * 2, expected + t.errorRateWarnPct()) ? 1 : 0;
            case LATENCY_P95, LATENCY_P99 -> expected > 0 && value >= expected * t.latencyWarnRatio() ? 1 : 0;
            case RESOURCE -> expected <= 0 ? 0
                    : value >= expected * RESOURCE_RATIO ? 1 : value <= expected / RESOURCE_RATIO && expected - value > 1 ? -1 : 0;
        };
    }

    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    private static double mean(List<DataPoint> points, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += points.get(i).value();
        }
        return sum / (to - from);
    }
}
