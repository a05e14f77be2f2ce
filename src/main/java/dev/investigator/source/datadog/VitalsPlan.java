package dev.investigator.source.datadog;

import com.datadog.api.client.v2.model.MetricsDataSource;
import com.datadog.api.client.v2.model.MetricsTimeseriesQuery;
import com.datadog.api.client.v2.model.QueryFormula;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestAttributes;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestType;
import com.datadog.api.client.v2.model.TimeseriesQuery;
import dev.investigator.digest.DigestQuery;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The timeseries requests of one daily check: for every service, its requests, errors and p95 queries (found by
 * the catalog's roles) over the eight days from a week before the period to its end, in buckets that line up
 * with the period. Each window (the period, and the same period on each of the seven days before) is then a
 * set of whole buckets, summed for counts and averaged for latency by {@link VitalsTranslator}.
 *
 * <p>Why this shape: the period is "since the last check" (10:00 to 10:00 in Tokyo), which daily buckets
 * aligned on UTC midnight would cut in two; hour (or finer) buckets aligned on the period's own start fit it
 * exactly, and a week of them is ~200 points a series. One query per service and vital, no timeshift formulas,
 * so a request holds as many services as the per-request query limit allows and the queries are packed into
 * the fewest requests.
 */
final class VitalsPlan {

    /** Datadog widens the rollup beyond about this many points per series. */
    static final int MAX_POINTS = 1500;
    /** Bucket sizes that divide a day, largest first: the largest that lines up with the period wins. */
    private static final long[] STEPS_SECONDS = {86_400, 43_200, 21_600, 10_800, 7_200, 3_600, 1_800, 900, 600, 300, 60};

    /** The roles a daily check reads; an error-rate query is only used when errors or requests are missing. */
    static final List<MetricRole> ROLES = List.of(MetricRole.REQUESTS, MetricRole.ERRORS, MetricRole.LATENCY_P95, MetricRole.ERROR_RATE);

    /** One metric query of one service, named uniquely within the whole check. */
    record VitalQuery(String service, MetricRole role, String name, String query) {
    }

    /** One request's queries, in formula order: {@code query_index} i answers {@code queries.get(i)}. */
    record Batch(List<VitalQuery> queries) {
        Batch {
            queries = List.copyOf(queries);
        }
    }

    private final TimeWindow period;
    private final TimeWindow span;
    private final Duration interval;
    private final List<VitalQuery> queries;
    private final List<Batch> batches;

    private VitalsPlan(TimeWindow period, List<VitalQuery> queries, int maxQueriesPerRequest) {
        this.period = period;
        this.span = new TimeWindow(period.from().minus(Duration.ofDays(DigestQuery.MEDIAN_DAYS)), period.to());
        this.interval = interval(period, span);
        this.queries = List.copyOf(queries);
        List<Batch> packed = new ArrayList<>();
        for (int i = 0; i < queries.size(); i += maxQueriesPerRequest) {
            packed.add(new Batch(queries.subList(i, Math.min(queries.size(), i + maxQueriesPerRequest))));
        }
        this.batches = List.copyOf(packed);
    }

    /**
     * @param maxQueriesPerRequest how many queries one timeseries request may carry; queries are packed in
     *                             catalog order, so a request holds every vital of as many services as fit
     */
    static VitalsPlan of(DigestQuery query, int maxQueriesPerRequest) {
        if (maxQueriesPerRequest < 1) {
            throw new IllegalArgumentException("maxQueriesPerRequest must be >= 1");
        }
        List<VitalQuery> queries = new ArrayList<>();
        List<ServiceDefinition> services = query.services();
        for (int s = 0; s < services.size(); s++) {
            ServiceDefinition service = services.get(s);
            int index = s;
            if (!service.datadog().enabled()) {
                continue;
            }
            for (MetricRole role : ROLES) {
                if (role == MetricRole.ERROR_RATE && has(service, MetricRole.ERRORS) && has(service, MetricRole.REQUESTS)) {
                    continue; // the rate over the whole period is errors / requests, not an average of rates
                }
                firstQueryWith(service, role).ifPresent(metric -> queries.add(new VitalQuery(
                        service.name(), role, "s" + index + "_" + metric.id(), metric.query())));
            }
        }
        return new VitalsPlan(query.period(), queries, maxQueriesPerRequest);
    }

    private static boolean has(ServiceDefinition service, MetricRole role) {
        return firstQueryWith(service, role).isPresent();
    }

    /**
     * The first plain query with this role. A formula metric cannot be summed over a day from its own buckets
     * (an average of ratios is not the ratio of the totals), so formulas are not read here.
     */
    private static Optional<MetricQuery> firstQueryWith(ServiceDefinition service, MetricRole role) {
        return service.datadog().metrics().stream().filter(m -> m.role() == role && !m.isFormula()).findFirst();
    }

    /**
     * The largest step that divides a day, the period's length and the period's start (as epoch seconds, which is
     * how Datadog aligns buckets), with at most {@value #MAX_POINTS} points over the span. Without one, whole hours
     * that keep under the point limit: buckets are then assigned to windows by their start.
     */
    static Duration interval(TimeWindow period, TimeWindow span) {
        long start = period.from().getEpochSecond();
        long length = period.length().getSeconds();
        long spanSeconds = span.length().getSeconds();
        boolean wholeSeconds = period.from().getNano() == 0 && period.to().getNano() == 0;
        for (long step : STEPS_SECONDS) {
            if (wholeSeconds && start % step == 0 && length % step == 0 && spanSeconds / step <= MAX_POINTS) {
                return Duration.ofSeconds(step);
            }
        }
        long hours = Math.max(1, (spanSeconds / MAX_POINTS + 3_599) / 3_600);
        return Duration.ofHours(hours);
    }

    TimeseriesFormulaQueryRequest request(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        TimeseriesFormulaRequestAttributes attributes = new TimeseriesFormulaRequestAttributes()
                .from(span.from().toEpochMilli())
                .to(span.to().toEpochMilli())
                .interval(interval.toMillis());
        for (VitalQuery q : batch.queries()) {
            attributes.addQueriesItem(new TimeseriesQuery(new MetricsTimeseriesQuery()
                    .dataSource(MetricsDataSource.METRICS)
                    .name(q.name())
                    .query(q.query())));
            // One formula per query, so each answer names its query by query_index.
            attributes.addFormulasItem(new QueryFormula().formula(q.name()));
        }
        return new TimeseriesFormulaQueryRequest()
                .data(new TimeseriesFormulaRequest()
                        .type(TimeseriesFormulaRequestType.TIMESERIES_REQUEST)
                        .attributes(attributes));
    }

    /** The period itself, then the same period on each of the previous days, most recent first. */
    List<TimeWindow> windows() {
        List<TimeWindow> windows = new ArrayList<>();
        windows.add(period);
        for (int d = 1; d <= DigestQuery.MEDIAN_DAYS; d++) {
            windows.add(period.shiftedBy(Duration.ofDays(-d)));
        }
        return windows;
    }

    TimeWindow period() {
        return period;
    }

    TimeWindow span() {
        return span;
    }

    Duration interval() {
        return interval;
    }

    List<VitalQuery> queries() {
        return queries;
    }

    List<Batch> batches() {
        return batches;
    }

    boolean isEmpty() {
        return queries.isEmpty();
    }
}
