package dev.investigator.render;

import dev.investigator.model.Baseline;
import dev.investigator.model.ChangeEvent;
import dev.investigator.model.DataPoint;
import dev.investigator.model.Evidence;
import dev.investigator.model.Finding;
import dev.investigator.model.Investigation;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The Datadog reply: each metric's total or mean against every baseline, its peak, and the change point the
 * correlator found; golden signals before resource metrics; then deploys and changes.
 */
final class DatadogView {

    static final int MAX_SIGNALS = 30;
    static final int MAX_RESOURCES = 15;
    static final int MAX_CHANGES = 10;
    private static final String INDENT = "      ";

    private final Phrases phrases;
    private final Messages messages;
    private final Markup markup;

    DatadogView(Phrases phrases) {
        this.phrases = phrases;
        this.messages = phrases.messages();
        this.markup = phrases.markup();
    }

    SourceView view(SourceReport report, Evidence.Metrics metrics, Investigation investigation) {
        if (metrics.series().isEmpty() && metrics.changes().isEmpty()) {
            return SourceViews.empty(phrases, SourceKind.DATADOG, messages.get("datadog.empty"), report.link());
        }
        Map<String, Finding.MetricShift> shifts = firstShifts(investigation);
        long shifted = metrics.series().stream().filter(s -> shifts.containsKey(s.id())).count();
        String body = messages.get("datadog.headline", metrics.series().size(), messages.count(metrics.series().size()),
                shifted, messages.count(shifted));

        List<MetricSeries> signals = metrics.series().stream().filter(s -> s.role() != MetricRole.RESOURCE).toList();
        List<MetricSeries> resources = metrics.series().stream().filter(s -> s.role() == MetricRole.RESOURCE).toList();
        Function<MetricSeries, String> entry = s -> entry(s, Optional.ofNullable(shifts.get(s.id())));
        List<Group> groups = new ArrayList<>();
        if (!signals.isEmpty()) {
            groups.add(Group.capped(markup.bold(messages.get("datadog.signals")), signals, MAX_SIGNALS, entry));
        }
        if (!resources.isEmpty()) {
            groups.add(Group.capped(markup.bold(messages.get("datadog.resources")), resources, MAX_RESOURCES, entry));
        }
        if (!metrics.changes().isEmpty()) {
            List<ChangeEvent> changes = metrics.changes().stream().sorted(Comparator.comparing(ChangeEvent::at)).toList();
            groups.add(Group.capped(markup.bold(messages.get("datadog.changes")), changes, MAX_CHANGES,
                    c -> messages.get("datadog.change", phrases.times().at(c.at()), phrases.event(new Finding.Deployment(c)))));
        }
        return new SourceView(SourceKind.DATADOG, SourceViews.headline(phrases, SourceKind.DATADOG, body, report.link()),
                groups, SourceViews.summary(messages, SourceKind.DATADOG, body));
    }

    private static Map<String, Finding.MetricShift> firstShifts(Investigation investigation) {
        Map<String, Finding.MetricShift> shifts = new HashMap<>();
        for (Finding finding : investigation.timeline()) {
            if (finding instanceof Finding.MetricShift s) {
                shifts.merge(s.metricId(), s, (a, b) -> b.at().isBefore(a.at()) ? b : a);
            }
        }
        return shifts;
    }

    /** "• *Error rate* mean 6.2% · peak 9.1% at 14:07 / vs 1 day ago 0.3% (×21) · … / left baseline at 14:03: …". */
    private String entry(MetricSeries series, Optional<Finding.MetricShift> shift) {
        String label = markup.bold(markup.text(series.label(), Phrases.MAX_TITLE));
        OptionalDouble summary = MetricStats.summary(series.points(), series.role(), series.unit());
        if (summary.isEmpty()) {
            return messages.get("datadog.metric.noData", label);
        }
        String aggregate = messages.get(MetricStats.adds(series.role(), series.unit()) ? "datadog.total" : "datadog.mean",
                messages.value(summary.getAsDouble(), series.unit()));
        DataPoint peak = MetricStats.peak(series.points()).orElseThrow();
        StringBuilder entry = new StringBuilder(messages.get("datadog.metric", label, aggregate,
                messages.get("datadog.peak", messages.value(peak.value(), series.unit()), phrases.times().at(peak.at()))));
        List<String> comparisons = new ArrayList<>();
        for (Baseline baseline : series.baselines()) {
            comparisons.add(comparison(baseline, summary.getAsDouble(), series));
        }
        if (!comparisons.isEmpty()) {
            entry.append('\n').append(INDENT).append(String.join(messages.get("separator"), comparisons));
        }
        shift.ifPresent(s -> entry.append('\n').append(INDENT).append(messages.get("datadog.shift",
                phrases.times().at(s.at()), messages.value(s.baseline(), s.unit()), messages.value(s.observed(), s.unit()))));
        return entry.toString();
    }

    private String comparison(Baseline baseline, double current, MetricSeries series) {
        String when = offset(baseline.offset());
        OptionalDouble before = MetricStats.summary(baseline.points(), series.role(), series.unit());
        if (before.isEmpty()) {
            return messages.get("datadog.vs.noData", when);
        }
        String value = messages.value(before.getAsDouble(), series.unit());
        OptionalDouble ratio = MetricStats.ratio(current, before.getAsDouble());
        if (ratio.isEmpty()) {
            return messages.get("datadog.vs.noRatio", when, value);
        }
        return messages.get("datadog.vs", when, value, messages.ratio(ratio.getAsDouble()));
    }

    private String offset(Duration signed) {
        Duration offset = signed.abs();
        if (offset.equals(Duration.ofDays(1))) {
            return messages.get("datadog.offset.day");
        }
        if (offset.equals(Duration.ofDays(7))) {
            return messages.get("datadog.offset.week");
        }
        return messages.get("datadog.offset.other", messages.duration(offset));
    }
}
