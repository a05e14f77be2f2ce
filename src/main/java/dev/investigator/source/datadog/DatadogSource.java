package dev.investigator.source.datadog;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.v1.api.EventsApi;
import com.datadog.api.client.v2.api.MetricsApi;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import dev.investigator.investigation.Deadline;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.model.ChangeEvent;
import dev.investigator.model.Evidence;
import dev.investigator.model.GapReason;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import dev.investigator.source.SourceRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datadog metrics (with their baselines) and deploy events for one service and window.
 *
 * <p>One {@code POST /api/v2/query/timeseries} carries every metric and every baseline, so an investigation
 * costs one metrics call however many baselines the catalog asks for. When the service has event tags, one
 * {@code GET /api/v1/events} runs alongside it; if only that call fails the metrics are still reported.
 *
 * <p>Each HTTP request runs on a small pool this source owns ({@link DatadogRequests}), and the caller waits for
 * it no longer than the deadline (or the request timeout): the client's own read timeout does not bound a slow,
 * trickling body.
 */
public final class DatadogSource implements EvidenceSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatadogSource.class);
    /** A deploy just before the window is often the cause, so events are read from an hour earlier. */
    private static final Duration EVENTS_LOOKBACK = Duration.ofHours(1);

    private final DatadogConnection connection;
    private final Clock clock;
    private final Retries retries;
    private final DatadogLinks links;
    private final DatadogTranslator translator;
    private final DatadogFailures failures;
    private final ApiClient client;
    private final MetricsApi metricsApi;
    private final EventsApi eventsApi;
    private final DatadogRequests requests;

    public DatadogSource(DatadogConnection connection, Clock clock, Retries retries) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.links = new DatadogLinks(connection.appBaseUrl());
        this.translator = new DatadogTranslator(links);
        this.failures = new DatadogFailures(connection.apiKey(), connection.appKey());
        // Building the client configures Jersey in memory; nothing is sent until collect().
        this.client = DatadogClients.build(connection, DatadogRequests.MAX_CONCURRENT_REQUESTS);
        this.metricsApi = new MetricsApi(client);
        this.eventsApi = new EventsApi(client);
        this.requests = new DatadogRequests(connection.requestTimeout(), failures, "datadog-http");
    }

    @Override
    public String consoleLink(InvestigationQuery query) {
        return links.forService(query.service(), query.window());
    }

    @Override
    public SourceKind kind() {
        return SourceKind.DATADOG;
    }

    @Override
    public SourceReport collect(InvestigationQuery query, Deadline deadline) {
        ServiceDefinition service = query.service();
        TimeWindow window = query.window();
        String link = links.forService(service, window);
        return SourceRun.report(SourceKind.DATADOG, clock, link, calls -> gather(service, window, deadline, calls));
    }

    private Evidence gather(ServiceDefinition service, TimeWindow window, Deadline deadline, AtomicInteger calls) {
        if (!connection.hasKeys()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "DD_API_KEY and DD_APP_KEY are not set");
        }
        ServiceDefinition.Datadog datadog = service.datadog();
        if (!datadog.enabled() || datadog.metrics().isEmpty()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "no Datadog metrics are configured for " + service.name());
        }
        TimeseriesPlan plan = TimeseriesPlan.of(datadog, window);
        TimeseriesFormulaQueryRequest request = plan.request();
        Future<List<ChangeEvent>> changes = startEvents(service, window, calls);
        try {
            TimeseriesFormulaQueryResponse response =
                    retries.call(deadline, () -> requests.send(calls, deadline, () -> metricsApi.queryTimeseriesData(request)));
            List<MetricSeries> series = translator.series(plan, response);
            return new Evidence.Metrics(series, awaitChanges(changes, service, deadline));
        } finally {
            changes.cancel(true); // nothing if already done; otherwise the metrics failed and events are moot
        }
    }

    private Future<List<ChangeEvent>> startEvents(ServiceDefinition service, TimeWindow window, AtomicInteger calls) {
        String tags = service.datadog().eventTags();
        if (tags.isBlank()) {
            return CompletableFuture.completedFuture(List.of());
        }
        long start = window.from().minus(EVENTS_LOOKBACK).getEpochSecond();
        long end = ceilSeconds(window.to());
        EventsApi.ListEventsOptionalParameters parameters = new EventsApi.ListEventsOptionalParameters()
                .tags(tags)
                .unaggregated(true);
        try {
            return requests.submit(() -> {
                calls.incrementAndGet();
                return translator.changes(eventsApi.listEvents(start, end, parameters));
            });
        } catch (RejectedExecutionException busy) {
            log.warn("Datadog events for {} skipped: too many requests in flight", service.name());
            return CompletableFuture.completedFuture(List.of());
        }
    }

    /** Events explain, metrics matter: any failure here is logged and the report goes on without events. */
    private List<ChangeEvent> awaitChanges(Future<List<ChangeEvent>> changes, ServiceDefinition service, Deadline deadline) {
        Duration budget = requests.budget(deadline);
        try {
            return changes.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            log.warn("Datadog events for {} did not arrive within {} ms; reporting metrics without them",
                    service.name(), budget.toMillis());
        } catch (ExecutionException failed) {
            SourceFailure failure = failures.classify(failed.getCause());
            log.warn("Datadog events for {} unavailable ({} {}); reporting metrics without them",
                    service.name(), failure.reason(), failure.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    /** Stops the request pool and the HTTP client; in-flight requests are abandoned. */
    @Override
    public void close() {
        requests.close();
        client.getHttpClient().close();
    }

    private static long ceilSeconds(Instant instant) {
        return instant.getNano() == 0 ? instant.getEpochSecond() : instant.getEpochSecond() + 1;
    }

    @Override
    public String toString() {
        return "DatadogSource[" + connection + "]";
    }
}
