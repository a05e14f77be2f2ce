package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v2/query/timeseries}: recognises each named metric query, evaluates each formula at every
 * interval step, and answers in the v2 shape: {@code times} (epoch ms) and one series per formula, whose
 * {@code query_index} is the formula's index and whose values are {@code values[query_index]}.
 */
final class DatadogTimeseries {

    /** Datadog widens the rollup when a request asks for more points than this. */
    static final int MAX_POINTS = 1500;

    private record NamedQuery(String name, MetricKind kind, String service) {
    }

    private final Json json;
    private final Scenarios scenarios;
    private final MetricModel metrics;
    private final DatadogErrors errors;

    DatadogTimeseries(Json json, Scenarios scenarios, MetricModel metrics, DatadogErrors errors) {
        this.json = json;
        this.scenarios = scenarios;
        this.metrics = metrics;
        this.errors = errors;
    }

    HttpReply handle(SandboxRequest request) {
        JsonNode root = json.parse(request.body());
        if (root == null || !root.isObject()) {
            return errors.badInput("request body is not valid JSON");
        }
        JsonNode data = root.path("data");
        if (!"timeseries_request".equals(data.path("type").asText())) {
            return errors.badInput("Invalid type. Expected \"timeseries_request\".");
        }
        JsonNode attributes = data.path("attributes");
        if (!attributes.path("from").canConvertToLong() || !attributes.path("to").canConvertToLong()) {
            return errors.badInput("'from' and 'to' are required (epoch milliseconds)");
        }
        long from = attributes.path("from").asLong();
        long to = attributes.path("to").asLong();
        if (to <= from) {
            return errors.badInput("'to' must be after 'from'");
        }
        JsonNode queriesNode = attributes.path("queries");
        if (!queriesNode.isArray() || queriesNode.isEmpty()) {
            return errors.badInput("at least one query is required");
        }
        Map<String, NamedQuery> queries = new LinkedHashMap<>();
        for (int i = 0; i < queriesNode.size(); i++) {
            JsonNode q = queriesNode.get(i);
            String source = q.path("data_source").asText("");
            if (!source.equals("metrics")) {
                return errors.badInput("queries[" + i + "]: the sandbox serves data_source \"metrics\" only");
            }
            String text = q.path("query").asText("");
            if (text.isBlank()) {
                return errors.badInput("queries[" + i + "]: 'query' is required");
            }
            String name = q.path("name").asText("query" + (i + 1));
            MetricKind kind = MetricKind.of(text);
            String service = MetricKind.serviceOf(text).orElse("*");
            queries.put(name, new NamedQuery(name, kind, service));
        }
        List<Formula> formulas = new ArrayList<>();
        JsonNode formulasNode = attributes.path("formulas");
        try {
            if (formulasNode.isArray() && !formulasNode.isEmpty()) {
                for (JsonNode f : formulasNode) {
                    formulas.add(FormulaParser.parse(f.path("formula").asText("")));
                }
            } else {
                queries.keySet().forEach(name -> formulas.add(new Formula.Ref(name)));
            }
        } catch (FormulaParser.FormulaException e) {
            return errors.reply(400, e.getMessage());
        }
        for (Formula f : formulas) {
            for (String name : f.names()) {
                if (!queries.containsKey(name)) {
                    return errors.reply(400, "Error parsing formula: unknown query name '" + name + "'");
                }
            }
        }
        long interval = interval(attributes.path("interval"), from, to);
        return HttpReply.json(200, json.bytes(answer(queries, formulas, from, to, interval)));
    }

    private ObjectNode answer(Map<String, NamedQuery> queries, List<Formula> formulas, long from, long to,
                              long interval) {
        Instant onset = scenarios.onset();
        Instant now = scenarios.now();
        List<Long> times = new ArrayList<>();
        for (long t = Math.floorDiv(from, interval) * interval; t < to; t += interval) {
            times.add(t);
        }
        Map<String, Double> memo = new HashMap<>();
        ObjectNode body = json.object();
        ObjectNode dataOut = body.putObject("data");
        dataOut.put("id", "0");
        dataOut.put("type", "timeseries_response");
        ObjectNode attributes = dataOut.putObject("attributes");
        ArrayNode series = attributes.putArray("series");
        ArrayNode timesOut = attributes.putArray("times");
        times.forEach(timesOut::add);
        ArrayNode values = attributes.putArray("values");
        for (int i = 0; i < formulas.size(); i++) {
            ObjectNode s = series.addObject();
            s.putArray("group_tags");
            s.put("query_index", i);
            s.putNull("unit");
            ArrayNode row = values.addArray();
            Formula formula = formulas.get(i);
            for (long t : times) {
                Double v = formula.evaluate((name, shift) -> {
                    long at = t + shift * 1000;
                    String key = name + '@' + at;
                    if (memo.containsKey(key)) {
                        return memo.get(key);
                    }
                    NamedQuery q = queries.get(name);
                    Double value = metrics.value(q.kind(), q.service(), at, interval, onset, now);
                    memo.put(key, value);
                    return value;
                });
                if (v == null || v.isNaN() || v.isInfinite()) {
                    row.addNull();
                } else {
                    row.add(v);
                }
            }
        }
        return body;
    }

    /** The requested interval, widened (to whole seconds) when it would give more than MAX_POINTS points. */
    private static long interval(JsonNode requested, long from, long to) {
        long span = to - from;
        long interval = requested.canConvertToLong() && requested.asLong() > 0
                ? requested.asLong()
                : Math.max(60_000, span / 300);
        if (span / interval > MAX_POINTS) {
            long widened = (span + MAX_POINTS - 1) / MAX_POINTS;
            interval = (widened + 999) / 1000 * 1000;
        }
        return interval;
    }
}
