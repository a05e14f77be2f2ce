package dev.investigator.source.xray;

import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.digest.DigestSource;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.EndpointStat;
import dev.investigator.model.GapReason;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.DigestRun;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetServiceGraphRequest;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * X-Ray's part of the daily check: each service's slowest endpoints over the period.
 *
 * <p>How, and why: the endpoints are in the trace summaries, but a day of every service's summaries is tens of
 * thousands of traces, and "slow" means something different for a 60 ms stock lookup and a 400 ms search. So:
 * <ol>
 *   <li>one {@code GetServiceGraph} over the period gives each service's response-time histogram, hence its own
 *       {@value SlowTail#PERCENTILE} percentile (one graph covers every service of an X-Ray group);</li>
 *   <li>one {@code GetTraceSummaries} query then asks for the slow traces of every service at once,
 *       {@code ((service filter) AND responsetime >= its p99) OR ...}, paged up to a bound (the newest pages
 *       first); each trace is attributed to the service it entered by, and the endpoints of each service's slow
 *       tail are ranked by their average response time.</li>
 * </ol>
 * Calls: 1 graph a group + 1..{@code maxPages} summary pages a filter ({@value #MAX_FILTER_CHARS} characters
 * each, so a long catalog takes a few). For the example catalog: 1 + 1 to 5. X-Ray answers at most 24 hours of
 * summaries, so a longer period (a weekend) keeps its last 24 hours.
 */
public final class XRayDigestSource implements DigestSource {

    private static final Logger log = LoggerFactory.getLogger(XRayDigestSource.class);

    public static final int DEFAULT_MAX_PAGES = 5;
    static final int MAX_GRAPH_PAGES = 3;
    static final int MAX_FILTER_CHARS = 1_000;

    private final XRayClient client;
    private final Clock clock;
    private final int maxPages;
    private final XRayCalls calls;

    public XRayDigestSource(XRayClient client, Clock clock, Retries retries) {
        this(client, clock, retries, DEFAULT_MAX_PAGES);
    }

    /** @param maxPages how many pages of slow trace summaries one filter reads at most */
    public XRayDigestSource(XRayClient client, Clock clock, Retries retries, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxPages = maxPages;
        this.calls = new XRayCalls(Objects.requireNonNull(retries, "retries"), new XRayFailures(clock));
    }

    @Override
    public SourceKind kind() {
        return SourceKind.XRAY;
    }

    @Override
    public DigestReport collect(DigestQuery query, Deadline deadline) {
        return DigestRun.report(SourceKind.XRAY, clock, counter -> gather(query, deadline, counter));
    }

    private DigestEvidence gather(DigestQuery query, Deadline deadline, AtomicInteger counter) {
        Map<String, List<ServiceDefinition>> groups = new LinkedHashMap<>();
        for (ServiceDefinition service : query.services()) {
            // Without a filter X-Ray would return every service's traces: such a service is left out.
            if (service.xray().enabled() && !service.xray().filterExpression().isBlank()) {
                groups.computeIfAbsent(service.xray().group(), g -> new ArrayList<>()).add(service);
            }
        }
        if (groups.isEmpty()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "no catalog service has X-Ray enabled with a filter expression");
        }
        TimeWindow window = XRaySource.lastDayOf(query.period());
        if (!window.equals(query.period())) {
            log.info("X-Ray answers 24 hours at most: slowest endpoints cover {} .. {}", window.from(), window.to());
        }
        Map<String, List<EndpointStat>> endpoints = new LinkedHashMap<>();
        for (Map.Entry<String, List<ServiceDefinition>> group : groups.entrySet()) {
            List<Service> graph = graph(group.getKey(), window, deadline, counter);
            List<SlowTail.Target> targets = targets(group.getValue(), graph);
            for (List<SlowTail.Target> chunk : SlowTail.chunks(targets, MAX_FILTER_CHARS)) {
                Map<String, List<TraceSummary>> slow = new LinkedHashMap<>();
                for (TraceSummary trace : slowTraces(SlowTail.filter(chunk), window, deadline, counter)) {
                    SlowTail.owner(trace, chunk).ifPresent(t -> slow.computeIfAbsent(t.service(), s -> new ArrayList<>()).add(trace));
                }
                slow.forEach((service, traces) -> {
                    List<EndpointStat> stats = SlowTail.endpoints(traces);
                    if (!stats.isEmpty()) {
                        endpoints.put(service, stats);
                    }
                });
            }
        }
        return new DigestEvidence.SlowEndpoints(endpoints);
    }

    /** The services of a group that served requests in the range, each with its own slow threshold. */
    private static List<SlowTail.Target> targets(List<ServiceDefinition> services, List<Service> graph) {
        List<SlowTail.Target> targets = new ArrayList<>();
        for (ServiceDefinition service : services) {
            String node = service.xray().node().isBlank() ? service.name() : service.xray().node();
            OptionalDouble threshold = SlowTail.threshold(graph, node);
            if (threshold.isEmpty()) {
                log.debug("X-Ray graph has no response times for {} (node {}); no slow endpoints", service.name(), node);
                continue;
            }
            targets.add(new SlowTail.Target(service.name(), node, service.xray().filterExpression(), threshold.getAsDouble()));
        }
        return targets;
    }

    private List<Service> graph(String group, TimeWindow window, Deadline deadline, AtomicInteger counter) {
        List<Service> services = new ArrayList<>();
        String token = null;
        for (int page = 1; page <= MAX_GRAPH_PAGES; page++) {
            String nextToken = token;
            GetServiceGraphResponse response = calls.call("GetServiceGraph", deadline, counter, timeout ->
                    client.getServiceGraph(GetServiceGraphRequest.builder()
                            .startTime(window.from())
                            .endTime(window.to())
                            .groupName(group.isBlank() ? null : group)
                            .nextToken(nextToken)
                            .overrideConfiguration(o -> o.apiCallTimeout(timeout))
                            .build()));
            if (!response.hasServices() && response.startTime() == null && response.endTime() == null) {
                throw SourceFailure.of(GapReason.MALFORMED_RESPONSE,
                        "GetServiceGraph: the response has none of Services, StartTime, EndTime");
            }
            services.addAll(response.services());
            token = response.nextToken();
            if (token == null || token.isEmpty()) {
                return services;
            }
        }
        log.warn("X-Ray service graph has more than {} pages; thresholds use the first ones", MAX_GRAPH_PAGES);
        return services;
    }

    private List<TraceSummary> slowTraces(String filter, TimeWindow window, Deadline deadline, AtomicInteger counter) {
        List<TraceSummary> traces = new ArrayList<>();
        String token = null;
        for (int page = 1; page <= maxPages; page++) {
            String nextToken = token;
            GetTraceSummariesResponse response;
            try {
                response = calls.call("GetTraceSummaries", deadline, counter, timeout ->
                        client.getTraceSummaries(r -> r
                                .startTime(window.from())
                                .endTime(window.to())
                                .filterExpression(filter)
                                .sampling(false)
                                .nextToken(nextToken)
                                .overrideConfiguration(o -> o.apiCallTimeout(timeout))));
            } catch (SourceFailure f) {
                if (page == 1) {
                    throw f;
                }
                log.warn("X-Ray slow traces stopped at page {}: {} {}; ranking the {} read", page, f.reason(), f.getMessage(), traces.size());
                return traces;
            }
            if (!response.hasTraceSummaries() && response.approximateTime() == null && response.tracesProcessedCount() == null) {
                throw SourceFailure.of(GapReason.MALFORMED_RESPONSE,
                        "GetTraceSummaries: the response has none of TraceSummaries, ApproximateTime, TracesProcessedCount");
            }
            traces.addAll(response.traceSummaries());
            token = response.nextToken();
            if (token == null || token.isEmpty()) {
                return traces;
            }
        }
        log.info("X-Ray slow traces: {} pages read, more were left; endpoints are ranked on the newest ones", maxPages);
        return traces;
    }
}
