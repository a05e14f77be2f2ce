package dev.investigator.source.datadog;

import com.datadog.api.client.v1.model.Event;
import com.datadog.api.client.v1.model.EventListResponse;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesResponse;
import com.datadog.api.client.v2.model.TimeseriesResponseAttributes;
import com.datadog.api.client.v2.model.TimeseriesResponseSeries;
import dev.investigator.model.Baseline;
import dev.investigator.model.ChangeEvent;
import dev.investigator.model.DataPoint;
import dev.investigator.model.GapReason;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricSeries;
import dev.investigator.source.SourceFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the client's response models into the neutral model. The one place that knows how Datadog lays out a
 * timeseries answer: one shared {@code times} array, one {@code values} row per series, and each series naming
 * its formula by {@code query_index}. Because every baseline is a timeshift formula in the same request, its
 * values already sit on the window's own timestamps.
 */
final class DatadogTranslator {

    private static final Logger log = LoggerFactory.getLogger(DatadogTranslator.class);
    private static final int MAX_TITLE = 200;
    /**
     * Points kept per series: more than ten times the 60 to 120 the plan asks for, so a real answer is never cut.
     * A denser one (a proxy, a misread interval) keeps its most recent points, where the incident is.
     */
    static final int MAX_POINTS = 1_500;

    private final DatadogLinks links;

    DatadogTranslator(DatadogLinks links) {
        this.links = Objects.requireNonNull(links, "links");
    }

    /**
     * One {@link MetricSeries} per catalog metric, in catalog order, each with one {@link Baseline} per configured
     * offset. Missing data is no points, never zeros.
     *
     * @throws SourceFailure MALFORMED_RESPONSE when the answer cannot be lined up with the request
     */
    List<MetricSeries> series(TimeseriesPlan plan, TimeseriesFormulaQueryResponse response) {
        TimeseriesResponseAttributes attributes = attributesOf(response);
        List<TimeseriesResponseSeries> series = orEmpty(attributes.getSeries());
        List<Long> times = attributes.getTimes();
        List<List<Double>> values = attributes.getValues();
        List<List<DataPoint>> bySlot = new ArrayList<>();
        for (int k = 0; k < plan.formulaCount(); k++) {
            bySlot.add(null);
        }
        if (!series.isEmpty()) {
            if (times == null || values == null || values.size() < series.size()) {
                throw malformed("timeseries response has " + series.size() + " series but "
                        + (values == null ? "no" : values.size()) + " value rows" + (times == null ? " and no times" : ""));
            }
        }
        for (int i = 0; i < series.size(); i++) {
            TimeseriesResponseSeries one = series.get(i);
            Integer queryIndex = one == null ? null : one.getQueryIndex();
            if (queryIndex == null || queryIndex < 0 || queryIndex >= plan.formulaCount()) {
                throw malformed("series " + i + " refers to formula " + queryIndex + " of " + plan.formulaCount());
            }
            List<Double> row = values.get(i);
            if (row == null || row.size() != times.size()) {
                throw malformed("series " + i + " has " + (row == null ? 0 : row.size()) + " values for " + times.size() + " times");
            }
            // A grouped query ("by {host}") would answer several series per formula; the first one is kept.
            if (bySlot.get(queryIndex) == null) {
                bySlot.set(queryIndex, points(times, row));
            }
        }
        List<MetricSeries> result = new ArrayList<>();
        int k = 0;
        for (int m = 0; m < plan.metrics().size(); m++) {
            MetricQuery metric = plan.metrics().get(m);
            List<DataPoint> current = orEmpty(bySlot.get(k++));
            List<Baseline> baselines = new ArrayList<>();
            for (int b = 0; b < plan.baselines().size(); b++) {
                baselines.add(new Baseline(plan.baselines().get(b), orEmpty(bySlot.get(k++))));
            }
            // Datadog sometimes sends a unit; the catalog's unit is what the team declared, so it wins.
            result.add(new MetricSeries(metric.id(), metric.label(), metric.role(), metric.unit(), current, baselines));
        }
        return result;
    }

    /** Deploys and other changes, oldest first; events without a date, and monitor alerts, are skipped. */
    List<ChangeEvent> changes(EventListResponse response) {
        if (response == null || response.getEvents() == null) {
            return List.of();
        }
        List<ChangeEvent> changes = new ArrayList<>();
        for (Event event : response.getEvents()) {
            if (event == null || event.getDateHappened() == null || isMonitorAlert(event)) {
                continue;
            }
            String title = titleOf(event);
            changes.add(new ChangeEvent(
                    Instant.ofEpochSecond(event.getDateHappened()), title, kindOf(event, title), links.absolute(event.getUrl())));
        }
        changes.sort(Comparator.comparing(ChangeEvent::at));
        return changes;
    }

    /**
     * The answer's attributes; Datadog's own error text when it sent no data (a CLIENT_ERROR), MALFORMED_RESPONSE
     * when the shape is wrong. Shared with the daily check's {@link VitalsTranslator}.
     */
    static TimeseriesResponseAttributes attributesOf(TimeseriesFormulaQueryResponse response) {
        if (response == null) {
            throw malformed("empty timeseries response");
        }
        String errors = response.getErrors();
        TimeseriesResponse data = response.getData();
        if (data == null) {
            if (errors != null && !errors.isBlank()) {
                throw SourceFailure.of(GapReason.CLIENT_ERROR, DatadogFailures.truncate("Datadog: " + errors));
            }
            throw malformed("timeseries response has no data");
        }
        if (data.getAttributes() == null) {
            throw malformed("timeseries response has no attributes");
        }
        if (errors != null && !errors.isBlank()) {
            log.warn("Datadog answered with partial errors: {}", DatadogFailures.truncate(errors));
        }
        return data.getAttributes();
    }

    /** The row's finite values on their times (the most recent {@link #MAX_POINTS}); nulls (no data) are dropped, never zero. */
    static List<DataPoint> points(List<Long> times, List<Double> row) {
        int first = Math.max(0, row.size() - MAX_POINTS);
        if (first > 0) {
            log.warn("Datadog answered {} points for one series; keeping the last {}", row.size(), MAX_POINTS);
        }
        List<DataPoint> points = new ArrayList<>(row.size() - first);
        for (int j = first; j < row.size(); j++) {
            Double value = row.get(j);
            Long at = times.get(j);
            if (value != null && at != null && Double.isFinite(value)) {
                points.add(new DataPoint(Instant.ofEpochMilli(at), value));
            }
        }
        return points;
    }

    private static String titleOf(Event event) {
        String title = event.getTitle();
        if (title == null || title.isBlank()) {
            String text = event.getText();
            title = text == null ? "" : text.strip().lines().findFirst().orElse("");
        }
        title = title.strip();
        if (title.isEmpty()) {
            return "(untitled event)";
        }
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
    }

    /**
     * A monitor's own alert is a symptom the metrics already show, not a change someone made: listing it among
     * deploys would make it a candidate cause.
     */
    private static boolean isMonitorAlert(Event event) {
        String source = event.getSourceTypeName();
        return source != null && source.toLowerCase(Locale.ROOT).contains("monitor");
    }

    private static String kindOf(Event event, String title) {
        StringBuilder haystack = new StringBuilder(title);
        if (event.getSourceTypeName() != null) {
            haystack.append(' ').append(event.getSourceTypeName());
        }
        for (String tag : orEmpty(event.getTags())) {
            haystack.append(' ').append(tag);
        }
        String text = haystack.toString().toLowerCase(Locale.ROOT);
        return text.contains("deploy") || text.contains("release") ? "deploy" : "change";
    }

    private static SourceFailure malformed(String detail) {
        return SourceFailure.of(GapReason.MALFORMED_RESPONSE, detail);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
