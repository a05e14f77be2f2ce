package dev.investigator.source.datadog;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.v1.api.MonitorsApi;
import com.datadog.api.client.v1.model.MonitorSearchResponse;
import com.datadog.api.client.v1.model.MonitorSearchResponseMetadata;
import com.datadog.api.client.v1.model.MonitorSearchResult;
import com.datadog.api.client.v2.api.MetricsApi;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import dev.investigator.digest.ActiveMonitor;
import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.digest.DigestSource;
import dev.investigator.digest.VitalReading;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.DataPoint;
import dev.investigator.model.GapReason;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.source.DigestRun;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datadog's part of the daily check: requests, error rate and p95 of every catalog service over the period,
 * the same period a week earlier and the median of the seven previous days, and the monitors alerting now.
 *
 * <p>Calls: {@code ceil(queries / maxQueriesPerRequest)} {@code POST /api/v2/query/timeseries} (three queries a
 * service: requests, errors, p95; see {@link VitalsPlan}), plus one {@code GET /api/v1/monitor/search} for
 * {@value MonitorTranslator#SEARCH_QUERY} running alongside (more pages only past {@value #MONITORS_PER_PAGE}
 * alerting monitors). For the five services of the example catalog: 2 calls.
 *
 * <p>Datadog publishes no limit on the queries of one request; {@value #DEFAULT_MAX_QUERIES_PER_REQUEST} is a
 * conservative default (the limit is a constructor argument). The monitors only add detail: if their search
 * fails, the vitals are still reported and the failure is logged.
 */
public final class DatadogDigestSource implements DigestSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatadogDigestSource.class);

    public static final int DEFAULT_MAX_QUERIES_PER_REQUEST = 20;
    static final long MONITORS_PER_PAGE = 100;
    static final int MAX_MONITOR_PAGES = 3;

    private final DatadogConnection connection;
    private final Clock clock;
    private final Retries retries;
    private final int maxQueriesPerRequest;
    private final DatadogFailures failures;
    private final VitalsTranslator vitals = new VitalsTranslator();
    private final MonitorTranslator monitors;
    private final ApiClient client;
    private final MetricsApi metricsApi;
    private final MonitorsApi monitorsApi;
    private final DatadogRequests requests;

    public DatadogDigestSource(DatadogConnection connection, Clock clock, Retries retries) {
        this(connection, clock, retries, DEFAULT_MAX_QUERIES_PER_REQUEST);
    }

    /** @param maxQueriesPerRequest how many metric queries one timeseries request carries at most */
    public DatadogDigestSource(DatadogConnection connection, Clock clock, Retries retries, int maxQueriesPerRequest) {
        if (maxQueriesPerRequest < 1) {
            throw new IllegalArgumentException("maxQueriesPerRequest must be >= 1");
        }
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.maxQueriesPerRequest = maxQueriesPerRequest;
        this.failures = new DatadogFailures(connection.apiKey(), connection.appKey());
        this.monitors = new MonitorTranslator(new DatadogLinks(connection.appBaseUrl()));
        // Building the client configures Jersey in memory; nothing is sent until collect().
        this.client = DatadogClients.build(connection, DatadogRequests.MAX_CONCURRENT_REQUESTS);
        this.metricsApi = new MetricsApi(client);
        this.monitorsApi = new MonitorsApi(client);
        this.requests = new DatadogRequests(connection.requestTimeout(), failures, "datadog-digest-http");
    }

    @Override
    public SourceKind kind() {
        return SourceKind.DATADOG;
    }

    @Override
    public DigestReport collect(DigestQuery query, Deadline deadline) {
        return DigestRun.report(SourceKind.DATADOG, clock, calls -> gather(query, deadline, calls));
    }

    private DigestEvidence gather(DigestQuery query, Deadline deadline, AtomicInteger calls) {
        if (!connection.hasKeys()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "DD_API_KEY and DD_APP_KEY are not set");
        }
        VitalsPlan plan = VitalsPlan.of(query, maxQueriesPerRequest);
        if (plan.isEmpty()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED,
                    "no catalog service has a Datadog query with role requests, errors or latency_p95");
        }
        Future<Map<String, List<ActiveMonitor>>> alerting = startMonitors(query.services(), deadline, calls);
        try {
            Map<String, List<DataPoint>> series = new HashMap<>();
            for (VitalsPlan.Batch batch : plan.batches()) {
                TimeseriesFormulaQueryRequest request = plan.request(batch);
                TimeseriesFormulaQueryResponse response = retries.call(deadline,
                        () -> requests.send(calls, deadline, () -> metricsApi.queryTimeseriesData(request)));
                series.putAll(vitals.series(batch, response));
            }
            Map<String, List<VitalReading>> readings = vitals.readings(plan, series);
            return new DigestEvidence.Vitals(readings, awaitMonitors(alerting, deadline));
        } finally {
            alerting.cancel(true); // nothing if already done; otherwise the vitals failed and monitors are moot
        }
    }

    private Future<Map<String, List<ActiveMonitor>>> startMonitors(List<ServiceDefinition> services, Deadline deadline,
            AtomicInteger calls) {
        try {
            return requests.submit(() -> monitors.byService(services, searchMonitors(deadline, calls)));
        } catch (RejectedExecutionException busy) {
            log.warn("Datadog monitors skipped: too many requests in flight");
            return CompletableFuture.completedFuture(Map.of());
        }
    }

    /** Page 0, then more only while Datadog says there are more pages, up to {@value #MAX_MONITOR_PAGES}. */
    private List<MonitorSearchResult> searchMonitors(Deadline deadline, AtomicInteger calls) {
        List<MonitorSearchResult> found = new ArrayList<>();
        for (long page = 0; page < MAX_MONITOR_PAGES; page++) {
            MonitorsApi.SearchMonitorsOptionalParameters parameters = new MonitorsApi.SearchMonitorsOptionalParameters()
                    .query(MonitorTranslator.SEARCH_QUERY)
                    .page(page)
                    .perPage(MONITORS_PER_PAGE);
            MonitorSearchResponse response = retries.call(deadline,
                    () -> requests.send(calls, deadline, () -> monitorsApi.searchMonitors(parameters)));
            if (response == null || response.getMonitors() == null) {
                throw SourceFailure.of(GapReason.MALFORMED_RESPONSE, "monitor search response has no monitors list");
            }
            found.addAll(response.getMonitors());
            MonitorSearchResponseMetadata metadata = response.getMetadata();
            Long pageCount = metadata == null ? null : metadata.getPageCount();
            if (pageCount == null || page + 1 >= pageCount) {
                return found;
            }
        }
        log.warn("Datadog monitor search has more than {} pages of alerting monitors; the rest are left out", MAX_MONITOR_PAGES);
        return found;
    }

    /** Monitors add detail, vitals matter: any failure here is logged and the vitals go out without monitors. */
    private Map<String, List<ActiveMonitor>> awaitMonitors(Future<Map<String, List<ActiveMonitor>>> alerting, Deadline deadline) {
        Duration budget = deadline.remaining();
        try {
            return alerting.get(Math.max(1, budget.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.warn("Datadog monitors did not arrive within {} ms; reporting vitals without them", budget.toMillis());
        } catch (ExecutionException failed) {
            SourceFailure failure = failures.classify(failed.getCause());
            log.warn("Datadog monitors unavailable ({} {}); reporting vitals without them", failure.reason(), failure.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return Map.of();
    }

    /** Stops the request pool and the HTTP client; in-flight requests are abandoned. */
    @Override
    public void close() {
        requests.close();
        client.getHttpClient().close();
    }

    @Override
    public String toString() {
        return "DatadogDigestSource[" + connection + "]";
    }
}
