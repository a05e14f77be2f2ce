package dev.investigator.source.xray;

import dev.investigator.model.EndpointStat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import software.amazon.awssdk.services.xray.model.HistogramEntry;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.ServiceId;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * Pure functions of the daily check's slowest endpoints: each service's slow threshold from its node in the
 * service graph, the one filter expression that asks for the slow traces of many services at once, which
 * service a returned trace belongs to, and the endpoints that make up a service's slow tail.
 */
final class SlowTail {

    /** A trace at or above this percentile of its service's response times is "slow". */
    static final double PERCENTILE = 0.99;
    static final int MAX_ENDPOINTS = 5;
    /** An endpoint must hold at least this share of its service's slow traces to be listed: one odd request is noise. */
    static final double MIN_SHARE = 0.05;

    private SlowTail() {
    }

    /** A service asked about: its catalog name, its node in the graph, its filter expression and slow threshold. */
    record Target(String service, String node, String filterExpression, double thresholdSeconds) {
    }

    /**
     * The {@value #PERCENTILE} percentile (nearest rank) of the response times of the graph's nodes named
     * {@code node} (by Name or Names; "client" nodes are the callers, not the service), in seconds. Empty when the
     * service served nothing in the range or the graph has no histogram for it.
     */
    static OptionalDouble threshold(List<Service> graph, String node) {
        TreeMap<Double, Long> histogram = new TreeMap<>();
        for (Service s : graph) {
            boolean named = node.equals(s.name()) || (s.hasNames() && s.names().contains(node));
            if (!named || "client".equalsIgnoreCase(s.type()) || !s.hasResponseTimeHistogram()) {
                continue;
            }
            for (HistogramEntry e : s.responseTimeHistogram()) {
                if (e.value() != null && e.count() != null && e.count() > 0 && Double.isFinite(e.value())) {
                    histogram.merge(e.value(), (long) e.count(), Long::sum);
                }
            }
        }
        long total = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return OptionalDouble.empty();
        }
        long rank = Math.max(1, (long) Math.ceil(PERCENTILE * total));
        long seen = 0;
        for (Map.Entry<Double, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return OptionalDouble.of(e.getKey());
            }
        }
        return OptionalDouble.of(histogram.lastKey());
    }

    /**
     * The slow traces of all {@code targets}:
     * {@code ((<filter a>) AND responsetime >= <a's threshold>) OR ((<filter b>) AND ...)}. Thresholds are
     * rounded down to the millisecond so a trace at the threshold is included.
     */
    static String filter(List<Target> targets) {
        List<String> clauses = new ArrayList<>();
        for (Target t : targets) {
            clauses.add(clause(t));
        }
        return String.join(" OR ", clauses);
    }

    static String clause(Target t) {
        double seconds = Math.floor(t.thresholdSeconds() * 1000) / 1000;
        return "((" + t.filterExpression() + ") AND responsetime >= " + String.format(Locale.ROOT, "%.3f", seconds) + ")";
    }

    /**
     * Packs targets into filters no longer than {@code maxChars}, in order, so one long catalog becomes a few
     * queries rather than one X-Ray refuses. A single clause longer than the limit still gets its own query.
     */
    static List<List<Target>> chunks(List<Target> targets, int maxChars) {
        List<List<Target>> chunks = new ArrayList<>();
        List<Target> current = new ArrayList<>();
        int length = 0;
        for (Target t : targets) {
            int added = clause(t).length() + (current.isEmpty() ? 0 : 4);
            if (!current.isEmpty() && length + added > maxChars) {
                chunks.add(List.copyOf(current));
                current.clear();
                length = 0;
                added = clause(t).length();
            }
            current.add(t);
            length += added;
        }
        if (!current.isEmpty()) {
            chunks.add(List.copyOf(current));
        }
        return chunks;
    }

    /**
     * The target a slow trace belongs to: the service it entered by (its EntryPoint), else the only asked service
     * among its ServiceIds; and only if it is slow by that service's own threshold (a trace of one service can
     * match another's clause by passing through it).
     */
    static Optional<Target> owner(TraceSummary trace, List<Target> targets) {
        Optional<Target> byEntry = Optional.ofNullable(trace.entryPoint()).flatMap(id -> named(id, targets));
        Optional<Target> owner = byEntry;
        if (owner.isEmpty() && trace.hasServiceIds()) {
            List<Target> among = targets.stream()
                    .filter(t -> trace.serviceIds().stream().anyMatch(id -> matches(id, t.node()))).toList();
            owner = among.size() == 1 ? Optional.of(among.get(0)) : Optional.empty();
        }
        OptionalDouble millis = XRayTranslator.millis(trace);
        return owner.filter(t -> millis.isPresent() && millis.getAsDouble() >= Math.floor(t.thresholdSeconds() * 1000));
    }

    private static Optional<Target> named(ServiceId id, List<Target> targets) {
        return targets.stream().filter(t -> matches(id, t.node())).findFirst();
    }

    private static boolean matches(ServiceId id, String node) {
        return node.equals(id.name()) || (id.hasNames() && id.names().contains(node));
    }

    /**
     * The endpoints (method and URL without query) of one service's slow traces, slowest on average first, each
     * holding at least {@value #MIN_SHARE} of them, at most {@value #MAX_ENDPOINTS}.
     */
    static List<EndpointStat> endpoints(List<TraceSummary> slow) {
        List<TraceSummary> distinct = XRayTranslator.distinct(slow);
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
        for (TraceSummary t : distinct) {
            if (t.http() == null || t.http().httpURL() == null || t.http().httpURL().isBlank()) {
                continue;
            }
            String method = t.http().httpMethod() == null ? "" : t.http().httpMethod().toUpperCase(Locale.ROOT);
            Acc acc = byUrl.computeIfAbsent(new Key(method, XRayTranslator.stripQuery(t.http().httpURL())), k -> new Acc());
            acc.count++;
            if (XRayTranslator.fault(t)) {
                acc.faults++;
            }
            OptionalDouble ms = XRayTranslator.millis(t);
            if (ms.isPresent()) {
                acc.timed++;
                acc.sum += ms.getAsDouble();
                acc.max = Math.max(acc.max, ms.getAsDouble());
            }
        }
        long total = byUrl.values().stream().mapToLong(a -> a.count).sum();
        long minimum = Math.max(1, (long) Math.ceil(MIN_SHARE * total));
        return byUrl.entrySet().stream()
                .filter(e -> e.getValue().timed > 0 && e.getValue().count >= minimum)
                .map(e -> new EndpointStat(e.getKey().method(), e.getKey().url(), e.getValue().count,
                        e.getValue().sum / e.getValue().timed, e.getValue().max, e.getValue().faults))
                .sorted(Comparator.comparingDouble(EndpointStat::avgMillis).reversed().thenComparing(EndpointStat::url))
                .limit(MAX_ENDPOINTS)
                .toList();
    }
}
