package dev.investigator.source.datadog;

import com.datadog.api.client.v2.model.MetricsDataSource;
import com.datadog.api.client.v2.model.MetricsTimeseriesQuery;
import com.datadog.api.client.v2.model.QueryFormula;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestAttributes;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestType;
import com.datadog.api.client.v2.model.TimeseriesQuery;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one timeseries request of an investigation: every metric of the service and every baseline of every
 * metric, as formulas over the service's queries. Datadog answers each series with the index of its formula
 * ({@code query_index}); {@link #slot(int)} says which metric and which baseline that index stands for.
 */
final class TimeseriesPlan {

    /** What formula {@code query_index} computes: metric {@code metric} (catalog order), {@code baseline} -1 for the window itself. */
    record Slot(int metric, int baseline) {
        boolean isCurrent() {
            return baseline < 0;
        }
    }

    /** Steps a person would pick; consecutive ones at most 2x apart, so a window gets 60 to 120 points. */
    private static final long[] STEPS_SECONDS = {
        60, 120, 180, 240, 300, 600, 900, 1800, 3600, 7200, 14400, 21600, 43200, 86400};
    private static final int TARGET_POINTS = 60;

    private final List<MetricQuery> metrics;
    private final List<Duration> baselines;
    private final TimeWindow window;
    private final Duration interval;
    private final List<String> formulas;
    private final List<Slot> slots;

    private TimeseriesPlan(List<MetricQuery> metrics, List<Duration> baselines, TimeWindow window) {
        this.metrics = List.copyOf(metrics);
        this.baselines = List.copyOf(baselines);
        this.window = window;
        this.interval = interval(window.length());
        Set<String> queryNames = new LinkedHashSet<>();
        for (MetricQuery metric : metrics) {
            if (!metric.isFormula()) {
                queryNames.add(metric.id());
            }
        }
        List<String> formulaList = new ArrayList<>();
        List<Slot> slotList = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            MetricQuery metric = metrics.get(m);
            String current = metric.isFormula() ? metric.formula() : metric.id();
            formulaList.add(current);
            slotList.add(new Slot(m, -1));
            for (int b = 0; b < baselines.size(); b++) {
                formulaList.add(Timeshift.apply(current, queryNames, baselines.get(b)));
                slotList.add(new Slot(m, b));
            }
        }
        this.formulas = List.copyOf(formulaList);
        this.slots = List.copyOf(slotList);
    }

    static TimeseriesPlan of(ServiceDefinition.Datadog datadog, TimeWindow window) {
        return new TimeseriesPlan(datadog.metrics(), datadog.baselines(), window);
    }

    /** The largest step giving at least {@value #TARGET_POINTS} points, never under a minute. */
    static Duration interval(Duration window) {
        long wanted = Math.max(window.getSeconds() / TARGET_POINTS, STEPS_SECONDS[0]);
        long step = STEPS_SECONDS[0];
        for (long candidate : STEPS_SECONDS) {
            if (candidate <= wanted) {
                step = candidate;
            }
        }
        long largest = STEPS_SECONDS[STEPS_SECONDS.length - 1];
        if (wanted > largest * 2) {
            step = (wanted / largest) * largest; // windows of months: whole days
        }
        return Duration.ofSeconds(step);
    }

    TimeseriesFormulaQueryRequest request() {
        TimeseriesFormulaRequestAttributes attributes = new TimeseriesFormulaRequestAttributes()
                .from(window.from().toEpochMilli())
                .to(window.to().toEpochMilli())
                .interval(interval.toMillis());
        for (MetricQuery metric : metrics) {
            if (!metric.isFormula()) {
                attributes.addQueriesItem(new TimeseriesQuery(new MetricsTimeseriesQuery()
                        .dataSource(MetricsDataSource.METRICS)
                        .name(metric.id())
                        .query(metric.query())));
            }
        }
        for (String formula : formulas) {
            attributes.addFormulasItem(new QueryFormula().formula(formula));
        }
        return new TimeseriesFormulaQueryRequest()
                .data(new TimeseriesFormulaRequest()
                        .type(TimeseriesFormulaRequestType.TIMESERIES_REQUEST)
                        .attributes(attributes));
    }

    List<MetricQuery> metrics() {
        return metrics;
    }

    List<Duration> baselines() {
        return baselines;
    }

    List<String> formulas() {
        return formulas;
    }

    Duration interval() {
        return interval;
    }

    int formulaCount() {
        return slots.size();
    }

    Slot slot(int queryIndex) {
        return slots.get(queryIndex);
    }
}
