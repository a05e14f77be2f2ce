package dev.investigator.source.xray;

import dev.investigator.model.EndpointStat;
import dev.investigator.model.RootCause;
import dev.investigator.model.ServiceEdge;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.TraceExample;
import dev.investigator.model.TraceStats;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.EdgeStatistics;
import software.amazon.awssdk.services.xray.model.ErrorRootCause;
import software.amazon.awssdk.services.xray.model.ErrorRootCauseEntity;
import software.amazon.awssdk.services.xray.model.ErrorRootCauseService;
import software.amazon.awssdk.services.xray.model.FaultRootCause;
import software.amazon.awssdk.services.xray.model.FaultRootCauseEntity;
import software.amazon.awssdk.services.xray.model.FaultRootCauseService;
import software.amazon.awssdk.services.xray.model.Http;
import software.amazon.awssdk.services.xray.model.RootCauseException;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * Pure functions from X-Ray's trace summaries and service graph to the neutral {@link TraceStats}. No I/O, no
 * clock: everything it needs comes in as arguments, so each rule is unit-tested on SDK model objects.
 */
final class XRayTranslator {

    static final int MAX_EXAMPLES = 5;
    static final int MAX_ENDPOINTS = 5;
    /**
     * Root causes and graph edges kept, most telling first: thousands of traces can blame thousands of distinct
     * (service, exception) pairs and a graph can have thousands of nodes, but a report reads only the top few.
     */
    static final int MAX_ROOT_CAUSES = 10;
    static final int MAX_EDGES = 20;
    /** A minute is a fault onset when it has at least this many faulty traces... */
    static final int ONSET_MIN_FAULTS = 2;
    /** ...that are at least this share of the minute's traces. */
    static final double ONSET_MIN_RATE = 0.05;

    private final XRayLinks links;

    XRayTranslator(XRayLinks links) {
        this.links = links;
    }

    /** The service (and its first exception) that one trace's root-cause analysis blames. */
    record Culprit(String service, String exception) {
    }

    /** One service of a root-cause path, with each entity along its path. */
    private record PathService(String name, List<Entity> entities) {
    }

    /** An entity of a root-cause path: a segment or subsegment; {@code remote} for a call to another service. */
    private record Entity(String name, boolean remote, List<String> exceptions) {
    }

    TraceStats stats(List<TraceSummary> summaries, boolean truncated, List<ServiceEdge> edges,
            Map<String, String> enrichedRootCauses, TimeWindow window) {
        List<TraceSummary> traces = distinct(summaries);
        return new TraceStats(
                traces.size(),
                traces.stream().filter(XRayTranslator::fault).count(),
                traces.stream().filter(XRayTranslator::error).count(),
                traces.stream().filter(XRayTranslator::throttle).count(),
                p95Millis(traces),
                truncated,
                faultOnset(traces, window),
                rootCauses(traces),
                slowestEndpoints(traces),
                edges,
                examples(traces, enrichedRootCauses, window));
    }

    /** Pages may overlap when traces are updated while paging; a trace counts once. */
    static List<TraceSummary> distinct(List<TraceSummary> summaries) {
        Set<String> seen = new HashSet<>();
        List<TraceSummary> out = new ArrayList<>(summaries.size());
        for (TraceSummary s : summaries) {
            if (s.id() == null || seen.add(s.id())) {
                out.add(s);
            }
        }
        return out;
    }

    static boolean fault(TraceSummary s) {
        return Boolean.TRUE.equals(s.hasFault());
    }

    static boolean error(TraceSummary s) {
        return Boolean.TRUE.equals(s.hasError());
    }

    static boolean throttle(TraceSummary s) {
        return Boolean.TRUE.equals(s.hasThrottle());
    }

    /** Response time of the root segment in ms, falling back to the trace's duration. */
    static OptionalDouble millis(TraceSummary s) {
        Double seconds = s.responseTime() != null ? s.responseTime() : s.duration();
        return seconds == null ? OptionalDouble.empty() : OptionalDouble.of(seconds * 1000.0);
    }

    /** Nearest-rank p95 of the response times, 0 when there are none. */
    static double p95Millis(List<TraceSummary> traces) {
        double[] sorted = traces.stream().map(XRayTranslator::millis).filter(OptionalDouble::isPresent)
                .mapToDouble(OptionalDouble::getAsDouble).sorted().toArray();
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(0.95 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /**
     * Root causes of the faulty traces, or of the erroneous ones when nothing faulted. {@code share} is the
     * fraction of those traces that blame the (service, exception); sorted by count, most first.
     */
    static List<RootCause> rootCauses(List<TraceSummary> traces) {
        long faults = traces.stream().filter(XRayTranslator::fault).count();
        boolean useFaults = faults > 0;
        List<TraceSummary> affected = traces.stream()
                .filter(t -> useFaults ? fault(t) : error(t) || throttle(t)).toList();
        if (affected.isEmpty()) {
            return List.of();
        }
        Map<Culprit, Long> counts = new LinkedHashMap<>();
        for (TraceSummary t : affected) {
            Optional<Culprit> c = useFaults ? faultCulprit(t) : errorCulprit(t);
            c.ifPresent(culprit -> counts.merge(culprit, 1L, Long::sum));
        }
        double denominator = affected.size();
        return counts.entrySet().stream()
                .sorted(Map.Entry.<Culprit, Long>comparingByValue().reversed()
                        .thenComparing(e -> e.getKey().service()).thenComparing(e -> e.getKey().exception()))
                .limit(MAX_ROOT_CAUSES)
                .map(e -> new RootCause(e.getKey().service(), e.getKey().exception(), e.getValue(),
                        e.getValue() / denominator))
                .toList();
    }

    /** The culprit of a trace by its own kind of failure: fault root causes for faults, error ones otherwise. */
    static Optional<Culprit> culprit(TraceSummary t) {
        if (fault(t)) {
            return faultCulprit(t);
        }
        if (error(t) || throttle(t)) {
            return errorCulprit(t);
        }
        return Optional.empty();
    }

    static Optional<Culprit> faultCulprit(TraceSummary t) {
        if (!t.hasFaultRootCauses()) {
            return Optional.empty();
        }
        for (FaultRootCause rc : t.faultRootCauses()) {
            if (rc.hasServices()) {
                Optional<Culprit> c = pick(rc.services().stream().map(XRayTranslator::path).toList());
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Culprit> errorCulprit(TraceSummary t) {
        if (!t.hasErrorRootCauses()) {
            return Optional.empty();
        }
        for (ErrorRootCause rc : t.errorRootCauses()) {
            if (rc.hasServices()) {
                Optional<Culprit> c = pick(rc.services().stream().map(XRayTranslator::path).toList());
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    private static PathService path(FaultRootCauseService s) {
        List<Entity> entities = new ArrayList<>();
        if (s.hasEntityPath()) {
            for (FaultRootCauseEntity e : s.entityPath()) {
                entities.add(new Entity(e.name() == null ? "" : e.name(), Boolean.TRUE.equals(e.remote()),
                        exceptionNames(e.hasExceptions() ? e.exceptions() : List.of())));
            }
        }
        return new PathService(serviceName(s.name(), s.hasNames() ? s.names() : List.of()), entities);
    }

    private static PathService path(ErrorRootCauseService s) {
        List<Entity> entities = new ArrayList<>();
        if (s.hasEntityPath()) {
            for (ErrorRootCauseEntity e : s.entityPath()) {
                entities.add(new Entity(e.name() == null ? "" : e.name(), Boolean.TRUE.equals(e.remote()),
                        exceptionNames(e.hasExceptions() ? e.exceptions() : List.of())));
            }
        }
        return new PathService(serviceName(s.name(), s.hasNames() ? s.names() : List.of()), entities);
    }

    private static List<String> exceptionNames(List<RootCauseException> exceptions) {
        return exceptions.stream().map(RootCauseException::name).filter(n -> n != null && !n.isBlank()).toList();
    }

    private static String serviceName(String name, List<String> names) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return names.stream().filter(n -> n != null && !n.isBlank()).findFirst().orElse("");
    }

    /**
     * X-Ray lists a root cause's services from the entry point down; the one to blame is the last whose entity
     * path ends in an exception, else simply the last one listed. When that exception was thrown by a remote
     * entity (a call from the service to a dependency that X-Ray did not trace itself, e.g. an external
     * payment API), the dependency is the culprit, not the service that called it.
     */
    private static Optional<Culprit> pick(List<PathService> services) {
        List<PathService> named = services.stream().filter(s -> !s.name().isEmpty()).toList();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        for (int i = named.size() - 1; i >= 0; i--) {
            PathService s = named.get(i);
            List<Entity> path = s.entities();
            if (!path.isEmpty() && !path.get(path.size() - 1).exceptions().isEmpty()) {
                return Optional.of(blame(s, path.get(path.size() - 1)));
            }
        }
        PathService last = named.get(named.size() - 1);
        for (int i = last.entities().size() - 1; i >= 0; i--) {
            if (!last.entities().get(i).exceptions().isEmpty()) {
                return Optional.of(blame(last, last.entities().get(i)));
            }
        }
        return Optional.of(new Culprit(last.name(), ""));
    }

    private static Culprit blame(PathService service, Entity thrower) {
        boolean dependency = thrower.remote() && !thrower.name().isEmpty() && !thrower.name().equals(service.name());
        return new Culprit(dependency ? thrower.name() : service.name(), thrower.exceptions().get(0));
    }

    /** Per (method, URL without query or fragment): the five with the highest average response time. */
    static List<EndpointStat> slowestEndpoints(List<TraceSummary> traces) {
        record Key(String method, String url) {
        }
        final class Acc {
            long count;
            long timed;
            double sum;
            double max;
            long faults;
        }
        Map<Key, Acc> byUrl = new LinkedHashMap<>();
        for (TraceSummary t : traces) {
            Http http = t.http();
            if (http == null || http.httpURL() == null || http.httpURL().isBlank()) {
                continue;
            }
            String method = http.httpMethod() == null ? "" : http.httpMethod().toUpperCase(Locale.ROOT);
            Acc acc = byUrl.computeIfAbsent(new Key(method, stripQuery(http.httpURL())), k -> new Acc());
            acc.count++;
            if (fault(t)) {
                acc.faults++;
            }
            OptionalDouble ms = millis(t);
            if (ms.isPresent()) {
                acc.timed++;
                acc.sum += ms.getAsDouble();
                acc.max = Math.max(acc.max, ms.getAsDouble());
            }
        }
        return byUrl.entrySet().stream()
                .filter(e -> e.getValue().timed > 0)
                .map(e -> new EndpointStat(e.getKey().method(), e.getKey().url(), e.getValue().count,
                        e.getValue().sum / e.getValue().timed, e.getValue().max, e.getValue().faults))
                .sorted(Comparator.comparingDouble(EndpointStat::avgMillis).reversed()
                        .thenComparing(EndpointStat::url))
                .limit(MAX_ENDPOINTS)
                .toList();
    }

    static String stripQuery(String url) {
        int cut = url.length();
        int q = url.indexOf('?');
        int f = url.indexOf('#');
        if (q >= 0) {
            cut = Math.min(cut, q);
        }
        if (f >= 0) {
            cut = Math.min(cut, f);
        }
        return url.substring(0, cut);
    }

    /** Faulty traces first, then the slowest of the rest, each slowest first. */
    static List<TraceSummary> worstFirst(List<TraceSummary> traces) {
        Comparator<TraceSummary> slowestFirst = Comparator.comparingDouble(
                (TraceSummary t) -> millis(t).orElse(-1)).reversed();
        List<TraceSummary> ordered = new ArrayList<>(traces.stream().filter(XRayTranslator::fault).sorted(slowestFirst).toList());
        ordered.addAll(traces.stream().filter(t -> !fault(t)).sorted(slowestFirst).toList());
        return ordered;
    }

    /**
     * The trace ids worth a BatchGetTraces: failed traces among the examples whose summaries name no root cause.
     * Empty when nothing failed or the summaries already say everything.
     */
    static List<String> idsToEnrich(List<TraceSummary> summaries, int max) {
        return worstFirst(distinct(summaries)).stream()
                .limit(MAX_EXAMPLES)
                .filter(t -> t.id() != null && (fault(t) || error(t) || throttle(t)) && culprit(t).isEmpty())
                .map(TraceSummary::id)
                .limit(max)
                .toList();
    }

    List<TraceExample> examples(List<TraceSummary> traces, Map<String, String> enrichedRootCauses, TimeWindow window) {
        return worstFirst(traces).stream().filter(t -> t.id() != null).limit(MAX_EXAMPLES).map(t -> {
            Http http = t.http();
            String rootCause = culprit(t).map(Culprit::service)
                    .orElseGet(() -> enrichedRootCauses.getOrDefault(t.id(), ""));
            return new TraceExample(
                    t.id(),
                    startOf(t, window),
                    http == null ? "" : http.httpMethod(),
                    http == null || http.httpURL() == null ? "" : stripQuery(http.httpURL()),
                    http == null || http.httpStatus() == null ? 0 : http.httpStatus(),
                    millis(t).orElse(0),
                    fault(t), error(t), throttle(t),
                    rootCause,
                    links.trace(t.id(), window));
        }).toList();
    }

    /**
     * The start of the first minute (on the clock's minute boundaries, in the traces' start times) with at least
     * {@value #ONSET_MIN_FAULTS} faulty traces making up at least 5% of that minute's traces.
     */
    static Optional<Instant> faultOnset(List<TraceSummary> traces, TimeWindow window) {
        TreeMap<Instant, long[]> minutes = new TreeMap<>();
        for (TraceSummary t : traces) {
            long[] counts = minutes.computeIfAbsent(startOf(t, window).truncatedTo(ChronoUnit.MINUTES), m -> new long[2]);
            counts[0]++;
            if (fault(t)) {
                counts[1]++;
            }
        }
        return minutes.entrySet().stream()
                .filter(e -> e.getValue()[1] >= ONSET_MIN_FAULTS
                        && (double) e.getValue()[1] / e.getValue()[0] >= ONSET_MIN_RATE)
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * When the trace started: its StartTime, else the epoch seconds X-Ray writes into every trace id
     * ({@code 1-5759e988-...}), else the window start.
     */
    static Instant startOf(TraceSummary t, TimeWindow window) {
        if (t.startTime() != null) {
            return t.startTime();
        }
        String id = t.id();
        if (id != null) {
            String[] parts = id.split("-");
            if (parts.length >= 3 && parts[1].length() == 8) {
                try {
                    return Instant.ofEpochSecond(Long.parseLong(parts[1], 16));
                } catch (NumberFormatException notHex) {
                    // fall through to the window start
                }
            }
        }
        return window.from();
    }

    /**
     * Calls from the service's node (matched on Name or Names; "client" nodes are the callers, not the service)
     * to each node it calls, summed when the service appears as several nodes.
     */
    static List<ServiceEdge> edges(List<Service> graph, String node) {
        if (node == null || node.isBlank()) {
            return List.of();
        }
        Map<Integer, Service> byRef = new LinkedHashMap<>();
        for (Service s : graph) {
            if (s.referenceId() != null) {
                byRef.put(s.referenceId(), s);
            }
        }
        List<Service> own = graph.stream().filter(s -> matches(s, node) && !"client".equalsIgnoreCase(s.type())).toList();
        Set<Integer> ownRefs = new HashSet<>();
        own.forEach(s -> ownRefs.add(s.referenceId()));
        final class Acc {
            long requests;
            long faults;
            long errors;
            long throttles;
            double totalSeconds;
        }
        Map<String, Acc> byTarget = new LinkedHashMap<>();
        for (Service s : own) {
            if (!s.hasEdges()) {
                continue;
            }
            for (Edge e : s.edges()) {
                Service target = e.referenceId() == null ? null : byRef.get(e.referenceId());
                if (target == null || ownRefs.contains(target.referenceId())) {
                    continue;
                }
                String name = serviceName(target.name(), target.hasNames() ? target.names() : List.of());
                if (name.isEmpty()) {
                    continue;
                }
                Acc acc = byTarget.computeIfAbsent(name, n -> new Acc());
                EdgeStatistics st = e.summaryStatistics();
                if (st == null) {
                    continue;
                }
                acc.requests += orZero(st.totalCount());
                acc.faults += st.faultStatistics() == null ? 0 : orZero(st.faultStatistics().totalCount());
                acc.errors += st.errorStatistics() == null ? 0 : orZero(st.errorStatistics().totalCount());
                acc.throttles += st.errorStatistics() == null ? 0 : orZero(st.errorStatistics().throttleCount());
                acc.totalSeconds += st.totalResponseTime() == null ? 0 : st.totalResponseTime();
            }
        }
        return byTarget.entrySet().stream()
                .map(e -> new ServiceEdge(node, e.getKey(), e.getValue().requests, e.getValue().faults,
                        e.getValue().errors, e.getValue().throttles,
                        e.getValue().requests == 0 ? 0 : e.getValue().totalSeconds / e.getValue().requests * 1000.0))
                .sorted(Comparator.comparingLong(ServiceEdge::faults).reversed()
                        .thenComparing(Comparator.comparingLong(ServiceEdge::errors).reversed())
                        .thenComparing(Comparator.comparingLong(ServiceEdge::requests).reversed())
                        .thenComparing(ServiceEdge::to))
                .limit(MAX_EDGES)
                .toList();
    }

    private static boolean matches(Service s, String node) {
        return node.equals(s.name()) || (s.hasNames() && s.names().contains(node));
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
