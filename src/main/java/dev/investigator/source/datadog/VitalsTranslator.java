package dev.investigator.source.datadog;

import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesResponseAttributes;
import com.datadog.api.client.v2.model.TimeseriesResponseSeries;
import dev.investigator.digest.Vital;
import dev.investigator.digest.VitalReading;
import dev.investigator.model.DataPoint;
import dev.investigator.model.GapReason;
import dev.investigator.model.MetricRole;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.SourceFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns the daily check's timeseries answers into one {@link VitalReading} per service and vital. Every window
 * (the period and the seven days before it) is a set of whole buckets: counts are summed (a bucket without data
 * counts as no requests, as Datadog sends nothing for an hour without traffic, unless the whole window is
 * empty), the error rate is the errors over the requests of the whole window, and p95 is the mean of the
 * buckets' p95 weighted by their requests (an idle night hour must not outweigh a busy one) — an approximation
 * of the period's p95, as Datadog's own "avg" time aggregation is.
 */
final class VitalsTranslator {

    /**
     * The answer of one batch, by query name: the finite points of each query's series.
     *
     * @throws SourceFailure MALFORMED_RESPONSE when the answer cannot be lined up with the batch's queries
     */
    Map<String, List<DataPoint>> series(VitalsPlan.Batch batch, TimeseriesFormulaQueryResponse response) {
        TimeseriesResponseAttributes attributes = DatadogTranslator.attributesOf(response);
        List<TimeseriesResponseSeries> series = attributes.getSeries() == null ? List.of() : attributes.getSeries();
        List<Long> times = attributes.getTimes();
        List<List<Double>> values = attributes.getValues();
        if (!series.isEmpty() && (times == null || values == null || values.size() < series.size())) {
            throw malformed("timeseries response has " + series.size() + " series but "
                    + (values == null ? "no" : values.size()) + " value rows" + (times == null ? " and no times" : ""));
        }
        Map<String, List<DataPoint>> byName = new LinkedHashMap<>();
        for (int i = 0; i < series.size(); i++) {
            TimeseriesResponseSeries one = series.get(i);
            Integer index = one == null ? null : one.getQueryIndex();
            if (index == null || index < 0 || index >= batch.queries().size()) {
                throw malformed("series " + i + " refers to formula " + index + " of " + batch.queries().size());
            }
            List<Double> row = values.get(i);
            if (row == null || row.size() != times.size()) {
                throw malformed("series " + i + " has " + (row == null ? 0 : row.size()) + " values for " + times.size() + " times");
            }
            // A grouped query ("by {host}") would answer several series per formula; the first one is kept.
            byName.putIfAbsent(batch.queries().get(index).name(), DatadogTranslator.points(times, row));
        }
        return byName;
    }

    /** Every service's vitals over the period and its baselines, in the order requests, error rate, p95. */
    Map<String, List<VitalReading>> readings(VitalsPlan plan, Map<String, List<DataPoint>> byName) {
        Map<String, Map<MetricRole, List<DataPoint>>> byService = new LinkedHashMap<>();
        for (VitalsPlan.VitalQuery q : plan.queries()) {
            byService.computeIfAbsent(q.service(), s -> new HashMap<>())
                    .put(q.role(), byName.getOrDefault(q.name(), List.of()));
        }
        List<TimeWindow> windows = plan.windows();
        Map<String, List<VitalReading>> readings = new LinkedHashMap<>();
        byService.forEach((service, roles) -> {
            List<VitalReading> vitals = new ArrayList<>();
            List<DataPoint> requests = roles.get(MetricRole.REQUESTS);
            List<DataPoint> errors = roles.get(MetricRole.ERRORS);
            if (requests != null) {
                vitals.add(reading(Vital.REQUESTS, windows, w -> sum(requests, w)));
            }
            if (requests != null && errors != null) {
                vitals.add(reading(Vital.ERROR_RATE, windows, w -> rate(errors, requests, w)));
            } else if (roles.containsKey(MetricRole.ERROR_RATE)) {
                List<DataPoint> rates = roles.get(MetricRole.ERROR_RATE);
                vitals.add(reading(Vital.ERROR_RATE, windows, w -> weightedMean(rates, requests, w)));
            }
            if (roles.containsKey(MetricRole.LATENCY_P95)) {
                List<DataPoint> latency = roles.get(MetricRole.LATENCY_P95);
                vitals.add(reading(Vital.P95_LATENCY, windows, w -> weightedMean(latency, requests, w)));
            }
            if (!vitals.isEmpty()) {
                readings.put(service, List.copyOf(vitals));
            }
        });
        return readings;
    }

    @FunctionalInterface
    private interface Aggregate {
        OptionalDouble over(TimeWindow window);
    }

    /** windows.get(0) is the period, then the previous days most recent first: day 7 is the same day last week. */
    private static VitalReading reading(Vital vital, List<TimeWindow> windows, Aggregate aggregate) {
        OptionalDouble current = aggregate.over(windows.get(0));
        double[] days = windows.subList(1, windows.size()).stream().map(aggregate::over)
                .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).toArray();
        OptionalDouble lastWeek = aggregate.over(windows.get(windows.size() - 1));
        return new VitalReading(vital, current, lastWeek, median(days));
    }

    static OptionalDouble sum(List<DataPoint> points, TimeWindow window) {
        double total = 0;
        boolean any = false;
        for (DataPoint p : points) {
            if (window.contains(p.at())) {
                total += p.value();
                any = true;
            }
        }
        return any ? OptionalDouble.of(total) : OptionalDouble.empty();
    }

    /** 100 × errors / requests over the window; empty without requests. No error points at all means none. */
    static OptionalDouble rate(List<DataPoint> errors, List<DataPoint> requests, TimeWindow window) {
        OptionalDouble served = sum(requests, window);
        if (served.isEmpty() || served.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * sum(errors, window).orElse(0) / served.getAsDouble());
    }

    /** The mean of the window's values, each weighted by the requests of its bucket when those are known. */
    static OptionalDouble weightedMean(List<DataPoint> values, List<DataPoint> requests, TimeWindow window) {
        Map<Instant, Double> weights = new HashMap<>();
        if (requests != null) {
            requests.forEach(p -> weights.put(p.at(), p.value()));
        }
        double weighted = 0;
        double weightSum = 0;
        double plain = 0;
        int count = 0;
        for (DataPoint p : values) {
            if (!window.contains(p.at())) {
                continue;
            }
            plain += p.value();
            count++;
            Double w = weights.get(p.at());
            if (w != null && w > 0) {
                weighted += p.value() * w;
                weightSum += w;
            }
        }
        if (count == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(weightSum > 0 ? weighted / weightSum : plain / count);
    }

    static OptionalDouble median(double[] values) {
        if (values.length == 0) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    private static SourceFailure malformed(String detail) {
        return SourceFailure.of(GapReason.MALFORMED_RESPONSE, detail);
    }
}
