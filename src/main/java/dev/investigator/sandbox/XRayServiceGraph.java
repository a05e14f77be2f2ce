package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code POST /ServiceGraph}: the account's service map for the range, aggregated from the same traces the
 * summaries come from: one node per scripted service (Root when it served requests) and per downstream it
 * called, edges with ok/error/throttle/fault counts and response-time histograms. Client nodes are left out.
 */
final class XRayServiceGraph {

    /** Counts of one node or edge. */
    private static final class Stats {
        long ok;
        long throttle;
        long otherErrors;
        long faults;
        double totalResponseTime;
        Instant first;
        Instant last;
        final Map<Double, Long> histogram = new TreeMap<>();

        void add(Instant start, double seconds, boolean fault, boolean error, boolean throttled) {
            if (fault) {
                faults++;
            } else if (throttled) {
                throttle++;
            } else if (error) {
                otherErrors++;
            } else {
                ok++;
            }
            totalResponseTime += seconds;
            histogram.merge(Math.round(seconds * 100) / 100.0, 1L, Long::sum);
            Instant end = start.plusMillis(Math.round(seconds * 1000));
            first = first == null || start.isBefore(first) ? start : first;
            last = last == null || end.isAfter(last) ? end : last;
        }
    }

    private static final class Node {
        final int referenceId;
        final String name;
        final String type;
        boolean root;
        final Stats stats = new Stats();
        final Map<String, Stats> edges = new LinkedHashMap<>();

        Node(int referenceId, String name, String type) {
            this.referenceId = referenceId;
            this.name = name;
            this.type = type;
        }
    }

    private final Json json;
    private final Scenarios scenarios;
    private final TraceModel traces;

    XRayServiceGraph(Json json, Scenarios scenarios, TraceModel traces) {
        this.json = json;
        this.scenarios = scenarios;
        this.traces = traces;
    }

    HttpReply handle(JsonNode body) {
        XRayRange range = XRayRange.of(body);
        Instant onset = scenarios.onset();
        Instant now = scenarios.now();
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (ServiceProfile p : scenarios.known()) {
            for (SimTrace t : traces.traces(p.name(), range.start(), range.end(), onset, now)) {
                Node root = node(nodes, t.service(), SimTrace.SERVICE_TYPE);
                root.root = true;
                root.stats.add(t.start(), t.responseTime(), t.fault(), t.error(), t.status() == 429);
                for (SimTrace.Call c : t.calls()) {
                    Instant at = t.start().plusMillis(Math.round(c.offset() * 1000));
                    Node target = node(nodes, c.target(), c.targetType());
                    target.stats.add(at, c.duration(), c.fault(), c.error(), c.throttle());
                    root.edges.computeIfAbsent(c.target(), k -> new Stats())
                            .add(at, c.duration(), c.fault(), c.error(), c.throttle());
                }
            }
        }
        ObjectNode out = json.object();
        ArrayNode services = out.putArray("Services");
        for (Node n : nodes.values()) {
            ObjectNode o = services.addObject();
            o.put("ReferenceId", n.referenceId);
            o.put("Name", n.name);
            o.putArray("Names").add(n.name);
            if (n.root) {
                o.put("Root", true);
            }
            boolean instrumented = SimTrace.SERVICE_TYPE.equals(n.type);
            if (instrumented) {
                o.put("AccountId", SimTrace.ACCOUNT);
            }
            o.put("Type", n.type);
            o.put("State", instrumented ? "active" : "unknown");
            o.set("StartTime", Json.epochSeconds(n.stats.first));
            o.set("EndTime", Json.epochSeconds(n.stats.last));
            ArrayNode edges = o.putArray("Edges");
            n.edges.forEach((target, stats) -> {
                ObjectNode e = edges.addObject();
                e.put("ReferenceId", nodes.get(target).referenceId);
                e.set("StartTime", Json.epochSeconds(stats.first));
                e.set("EndTime", Json.epochSeconds(stats.last));
                e.set("SummaryStatistics", statistics(stats));
                e.set("ResponseTimeHistogram", histogram(stats));
                e.putArray("Aliases");
            });
            o.set("SummaryStatistics", statistics(n.stats));
            o.set("DurationHistogram", histogram(n.stats));
            o.set("ResponseTimeHistogram", histogram(n.stats));
        }
        out.set("StartTime", Json.epochSeconds(range.start()));
        out.set("EndTime", Json.epochSeconds(range.end()));
        out.put("ContainsOldGroupVersions", false);
        return HttpReply.json(200, json.bytes(out));
    }

    private static Node node(Map<String, Node> nodes, String name, String type) {
        return nodes.computeIfAbsent(name, k -> new Node(nodes.size(), name, type));
    }

    private ObjectNode statistics(Stats s) {
        ObjectNode o = json.object();
        o.put("OkCount", s.ok);
        ObjectNode errors = o.putObject("ErrorStatistics");
        errors.put("ThrottleCount", s.throttle);
        errors.put("OtherCount", s.otherErrors);
        errors.put("TotalCount", s.throttle + s.otherErrors);
        ObjectNode faults = o.putObject("FaultStatistics");
        faults.put("OtherCount", s.faults);
        faults.put("TotalCount", s.faults);
        o.put("TotalCount", s.ok + s.throttle + s.otherErrors + s.faults);
        o.put("TotalResponseTime", Math.round(s.totalResponseTime * 1000) / 1000.0);
        return o;
    }

    private ArrayNode histogram(Stats s) {
        ArrayNode a = json.array();
        s.histogram.forEach((value, count) -> a.addObject().put("Value", value).put("Count", count));
        return a;
    }
}
