package dev.investigator.source.xray;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.investigation.Deadline;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.ServiceEdge;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import dev.investigator.source.SourceRun;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.GetServiceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.TimeRangeType;
import software.amazon.awssdk.services.xray.model.Trace;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * AWS X-Ray as evidence: the service's trace summaries (paged up to a bound), its edges in the service graph,
 * and, when failed traces lack a root cause, the segment documents of a few of them.
 *
 * <p>Calls per investigation: summary pages + 1 graph + 0 or 1 BatchGetTraces, each retried by {@link Retries}
 * inside the deadline. The graph and the full traces only add detail: if they fail, the summaries still report.
 * With a sub-request executor the window's summaries are asked in time slices at once ({@link SummarySlices}),
 * beside the graph, so a window of several pages costs about one round trip; the page bound stays a total.
 */
public final class XRaySource implements EvidenceSource {

    private static final Logger log = LoggerFactory.getLogger(XRaySource.class);

    /** GetTraceSummaries pages per collection, all time slices together: bounds both calls and memory. */
    public static final int DEFAULT_MAX_PAGES = 5;
    /** X-Ray refuses GetTraceSummaries ranges longer than this; longer windows keep their last 24 hours. */
    static final Duration MAX_RANGE = Duration.ofHours(24);
    static final int MAX_TRACES_TO_ENRICH = 3;

    private final XRayClient client;
    private final Clock clock;
    private final int maxPages;
    private final XRayLinks links;
    private final XRayTranslator translator;
    private final XRayCalls xrayCalls;
    private final SegmentRootCause segments;
    private final Optional<Executor> subRequests;
    private final Optional<SummarySlices> slices;

    /** Requests one after another; see {@link #XRaySource(XRayClient, String, Clock, Retries, int, Executor)}. */
    public XRaySource(XRayClient client, String region, Clock clock, Retries retries) {
        this(client, region, clock, retries, DEFAULT_MAX_PAGES, null);
    }

    public XRaySource(XRayClient client, String region, Clock clock, Retries retries, int maxPages) {
        this(client, region, clock, retries, maxPages, null);
    }

    /**
     * @param maxPages      GetTraceSummaries pages at most, all time slices together
     * @param subRequests   runs GetServiceGraph and all but the newest time slice of the trace summaries while
     *                      the calling thread pages the newest, so the source takes as long as its slowest chain
     *                      of requests, not their sum. Not the investigator's own source pool: a task waiting on
     *                      a queued sibling there could starve under load. Null: one query over the whole window,
     *                      then the graph.
     */
    public XRaySource(XRayClient client, String region, Clock clock, Retries retries, int maxPages, Executor subRequests) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPages = maxPages;
        this.links = new XRayLinks(Objects.requireNonNull(region, "region"));
        this.translator = new XRayTranslator(links);
        this.xrayCalls = new XRayCalls(Objects.requireNonNull(retries, "retries"), new XRayFailures(clock));
        this.segments = new SegmentRootCause(new ObjectMapper());
        this.subRequests = Optional.ofNullable(subRequests);
        this.slices = this.subRequests.map(SummarySlices::new);
    }

    @Override
    public String consoleLink(InvestigationQuery query) {
        return links.traces(query.service().xray().filterExpression(), lastDayOf(query.window()));
    }

    @Override
    public SourceKind kind() {
        return SourceKind.XRAY;
    }

    @Override
    public SourceReport collect(InvestigationQuery query, Deadline deadline) {
        ServiceDefinition.XRay xray = query.service().xray();
        TimeWindow window = lastDayOf(query.window());
        String link = links.traces(xray.filterExpression(), window);
        if (!xray.enabled()) {
            return SourceReport.failed(Gap.of(SourceKind.XRAY, GapReason.NOT_CONFIGURED,
                    "X-Ray is turned off for " + query.service().name()), Duration.ZERO, 0, link);
        }
        if (xray.filterExpression().isBlank()) {
            // Without a filter X-Ray would return every service's traces: worse than nothing.
            return SourceReport.failed(Gap.of(SourceKind.XRAY, GapReason.NOT_CONFIGURED,
                    "no X-Ray filter expression for " + query.service().name()), Duration.ZERO, 0, link);
        }
        boolean clamped = !window.equals(query.window());
        String node = xray.node().isBlank() ? query.service().name() : xray.node();
        return SourceRun.report(SourceKind.XRAY, clock, link, calls -> {
            SummaryPages summaries;
            List<ServiceEdge> edges;
            if (subRequests.isPresent()) {
                CompletableFuture<List<ServiceEdge>> graph = startGraph(subRequests.get(), xray.group(), node, window, deadline, calls);
                try {
                    summaries = slicedSummaries(xray.filterExpression(), window, deadline, calls);
                } catch (RuntimeException e) {
                    graph.cancel(true);
                    throw e;
                }
                edges = awaitGraph(graph, deadline);
            } else {
                summaries = summaries(xray.filterExpression(), window, false, PageBudget.single(maxPages), deadline, calls);
                edges = edges(xray.group(), node, window, deadline, calls);
            }
            Map<String, String> enriched = rootCausesFromSegments(summaries.traces(), deadline, calls);
            return new Evidence.Traces(
                    translator.stats(summaries.traces(), summaries.truncated() || clamped, edges, enriched, window));
        });
    }

    /** X-Ray answers at most 24 hours per query: a longer window keeps its most recent 24 hours. */
    static TimeWindow lastDayOf(TimeWindow window) {
        return window.length().compareTo(MAX_RANGE) > 0 ? TimeWindow.ending(window.to(), MAX_RANGE) : window;
    }

    /** The window in time slices at once; a window that cannot be split is one query, as without an executor. */
    private SummaryPages slicedSummaries(String filter, TimeWindow window, Deadline deadline, AtomicInteger calls) {
        List<TimeWindow> parts = SummarySlices.split(window, maxPages);
        if (parts.size() == 1) {
            return summaries(filter, window, false, PageBudget.single(maxPages), deadline, calls);
        }
        return slices.orElseThrow().collect(parts, maxPages, deadline,
                (slice, budget) -> summaries(filter, slice, true, budget, deadline, calls));
    }

    /**
     * The pages of one query, each after the first claimed from {@code budget}.
     *
     * @param byTraceStart asks by trace start time ({@code TimeRangeType=TraceId}), so that slices split on it
     *                     hold each trace once; an unsplit window is asked as it always was
     * @throws SourceFailure when the first page fails: there is nothing to report
     */
    private SummaryPages summaries(String filter, TimeWindow window, boolean byTraceStart, PageBudget budget,
            Deadline deadline, AtomicInteger calls) {
        List<TraceSummary> traces = new ArrayList<>();
        String token = null;
        for (int page = 1; ; page++) {
            if (page > 1 && !budget.takeLaterPage()) {
                return new SummaryPages(traces, true);
            }
            String nextToken = token;
            GetTraceSummariesResponse response;
            try {
                response = call("GetTraceSummaries", deadline, calls, timeout ->
                        client.getTraceSummaries(r -> r
                                .startTime(window.from())
                                .endTime(window.to())
                                .timeRangeType(byTraceStart ? TimeRangeType.TRACE_ID : null)
                                .filterExpression(filter)
                                .sampling(false)
                                .nextToken(nextToken)
                                .overrideConfiguration(o -> o.apiCallTimeout(timeout))));
            } catch (SourceFailure f) {
                if (page == 1) {
                    throw f;
                }
                // Later pages only add to a sample we already have: report it, marked truncated.
                log.warn("X-Ray trace summaries stopped at page {}: {} {}", page, f.reason(), f.getMessage());
                return new SummaryPages(traces, true);
            }
            if (!response.hasTraceSummaries() && response.approximateTime() == null
                    && response.tracesProcessedCount() == null) {
                throw SourceFailure.of(GapReason.MALFORMED_RESPONSE,
                        "GetTraceSummaries: the response has none of TraceSummaries, ApproximateTime, TracesProcessedCount");
            }
            traces.addAll(response.traceSummaries());
            token = response.nextToken();
            if (token == null || token.isEmpty()) {
                return new SummaryPages(traces, false);
            }
        }
    }

    private CompletableFuture<List<ServiceEdge>> startGraph(Executor executor, String group, String node, TimeWindow window,
            Deadline deadline, AtomicInteger calls) {
        try {
            return CompletableFuture.supplyAsync(() -> edges(group, node, window, deadline, calls), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(edges(group, node, window, deadline, calls));
        }
    }

    /** The graph is a nice-to-have: if it is not there by the deadline, the traces go out without edges. */
    private static List<ServiceEdge> awaitGraph(CompletableFuture<List<ServiceEdge>> graph, Deadline deadline) {
        try {
            return graph.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            graph.cancel(true);
            log.warn("X-Ray service graph unavailable, reporting traces without edges: {}", e.toString());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private List<ServiceEdge> edges(String group, String node, TimeWindow window, Deadline deadline, AtomicInteger calls) {
        try {
            GetServiceGraphResponse graph = call("GetServiceGraph", deadline, calls, timeout ->
                    client.getServiceGraph(GetServiceGraphRequest.builder()
                            .startTime(window.from())
                            .endTime(window.to())
                            .groupName(group.isBlank() ? null : group)
                            .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                            .build()));
            return XRayTranslator.edges(graph.services(), node);
        } catch (SourceFailure f) {
            log.warn("X-Ray service graph unavailable, reporting traces without edges: {} {}", f.reason(), f.getMessage());
            return List.of();
        }
    }

    private Map<String, String> rootCausesFromSegments(List<TraceSummary> traces, Deadline deadline, AtomicInteger calls) {
        List<String> ids = XRayTranslator.idsToEnrich(traces, MAX_TRACES_TO_ENRICH);
        if (ids.isEmpty()) {
            return Map.of();
        }
        try {
            BatchGetTracesResponse response = call("BatchGetTraces", deadline, calls, timeout ->
                    client.batchGetTraces(r -> r.traceIds(ids).overrideConfiguration(o -> o.apiCallTimeout(timeout))));
            Map<String, String> found = new HashMap<>();
            for (Trace trace : response.traces()) {
                if (trace.id() != null) {
                    segments.culprit(trace).ifPresent(c -> found.put(trace.id(), c.service()));
                }
            }
            return found;
        } catch (SourceFailure f) {
            log.warn("X-Ray full traces unavailable, examples keep the summaries' root causes: {} {}",
                    f.reason(), f.getMessage());
            return Map.of();
        }
    }

    /** One retried request: counted per attempt, bounded by what is left of the deadline, failures classified. */
    private <T> T call(String operation, Deadline deadline, AtomicInteger calls, Function<Duration, T> request) {
        return xrayCalls.call(operation, deadline, calls, request);
    }
}
