package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/monitor/search?query=...&page=&per_page=}: the scripted monitors, each in Alert or Warn while
 * its service's incident runs and OK otherwise, in the v1 search shape (status, muted, tag and type facets;
 * {@code metadata} with the page count). Of Datadog's search syntax it honours {@code status:} with one value
 * or {@code status:(a OR b)}; other terms are ignored.
 */
final class DatadogMonitors {

    static final int DEFAULT_PER_PAGE = 30;
    static final int MAX_PER_PAGE = 1000;
    private static final Pattern STATUS = Pattern.compile("status:(?:\\(([^)]*)\\)|\"([^\"]+)\"|(\\S+))", Pattern.CASE_INSENSITIVE);

    /** One scripted monitor; {@code incidentState} is its state while its service's incident runs. */
    private record Script(long id, String service, String env, String name, String query, String incidentState,
                          String calmState, String metric) {
    }

    private static final List<Script> SCRIPTS = List.of(
            new Script(9101, "checkout", "prod", "High error rate on checkout",
                    "sum(last_5m):sum:trace.http.request.errors{service:checkout,env:prod}.as_count() / "
                            + "sum:trace.http.request.hits{service:checkout,env:prod}.as_count() * 100 > 5",
                    "Alert", "OK", "trace.http.request.errors"),
            new Script(9102, "search", "prod", "p95 latency above 300 ms on search",
                    "avg(last_10m):p95:trace.http.request{service:search,env:prod} > 400", "Warn", "OK", "trace.http.request"),
            new Script(9103, "catalog", "prod", "CPU above 70% on catalog",
                    "avg(last_10m):avg:ecs.fargate.cpu.percent{service:catalog,env:prod} > 70", "Alert", "OK",
                    "ecs.fargate.cpu.percent"),
            new Script(9104, "catalog", "prod", "Request rate spike on catalog",
                    "sum(last_10m):sum:trace.http.request.hits{service:catalog,env:prod}.as_count() > 50000", "Warn", "OK",
                    "trace.http.request.hits"),
            new Script(9105, "payment", "prod", "Card decline rate on payment",
                    "sum(last_15m):sum:payment.declines{env:prod}.as_count() > 200", "OK", "OK", "payment.declines"),
            new Script(9106, "inventory", "prod-jp", "Reservation queue depth on inventory",
                    "avg(last_5m):avg:aws.sqs.approximate_number_of_messages_visible{service:inventory} > 1000", "OK", "OK",
                    "aws.sqs.approximate_number_of_messages_visible"),
            new Script(9107, "checkout", "staging", "Disk almost full on checkout-db",
                    "avg(last_15m):avg:system.disk.in_use{service:checkout,env:staging} > 0.9", "Alert", "Alert",
                    "system.disk.in_use"));

    private final Json json;
    private final Scenarios scenarios;
    private final DatadogErrors errors;

    DatadogMonitors(Json json, Scenarios scenarios, DatadogErrors errors) {
        this.json = json;
        this.scenarios = scenarios;
        this.errors = errors;
    }

    HttpReply handle(SandboxRequest request) {
        int page;
        int perPage;
        try {
            page = Integer.parseInt(request.param("page").orElse("0").trim());
            perPage = Integer.parseInt(request.param("per_page").orElse(Integer.toString(DEFAULT_PER_PAGE)).trim());
        } catch (NumberFormatException e) {
            return errors.reply(400, "page and per_page must be integers");
        }
        if (page < 0 || perPage < 1 || perPage > MAX_PER_PAGE) {
            return errors.reply(400, "per_page must be 1.." + MAX_PER_PAGE + " and page >= 0");
        }
        Set<String> statuses = statuses(request.param("query").orElse(""));
        Instant now = scenarios.now();
        Instant onset = scenarios.onset();
        boolean incident = Scenarios.incidentAt(now, onset);

        List<ObjectNode> matching = new ArrayList<>();
        Map<String, Integer> statusCounts = new LinkedHashMap<>();
        for (Script s : SCRIPTS) {
            boolean scripted = scenarios.profile(s.service()).incident() != Incident.HEALTHY;
            String state = incident && scripted ? s.incidentState() : s.calmState();
            if (!statuses.isEmpty() && !statuses.contains(state.toLowerCase(Locale.ROOT))) {
                continue;
            }
            statusCounts.merge(state, 1, Integer::sum);
            Instant changed = state.equals("OK") ? onset.minus(Duration.ofDays(3))
                    : s.env().equals("staging") ? onset.minus(Duration.ofHours(30)) : onset.plus(Duration.ofMinutes(2 + s.id() % 3));
            matching.add(monitor(s, state, changed));
        }
        ObjectNode body = json.object();
        ObjectNode counts = body.putObject("counts");
        ArrayNode status = counts.putArray("status");
        statusCounts.forEach((name, count) -> status.addObject().put("count", count).put("name", name));
        counts.putArray("muted").addObject().put("count", matching.size()).put("name", false);
        counts.putArray("tag");
        counts.putArray("type").addObject().put("count", matching.size()).put("name", "metric");
        ArrayNode monitors = body.putArray("monitors");
        int from = Math.min(matching.size(), page * perPage);
        matching.subList(from, Math.min(matching.size(), from + perPage)).forEach(monitors::add);
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("total_count", matching.size());
        metadata.put("page_count", (matching.size() + perPage - 1) / perPage);
        metadata.put("page", page);
        metadata.put("per_page", perPage);
        return HttpReply.json(200, json.bytes(body));
    }

    private ObjectNode monitor(Script s, String state, Instant changed) {
        ObjectNode o = json.object();
        o.put("status", state);
        o.putArray("scopes").add("env:" + s.env());
        o.put("classification", "metric");
        ObjectNode creator = o.putObject("creator");
        creator.put("handle", "sre@example-shop.jp");
        creator.put("id", 1445416);
        creator.put("name", "SRE");
        o.putArray("metrics").add(s.metric());
        o.putArray("notifications").addObject().put("handle", "slack-sre-alerts").put("name", "slack-sre-alerts");
        o.putNull("muted_until_ts");
        o.put("query", s.query());
        o.put("id", s.id());
        if (state.equals("OK")) {
            o.put("last_triggered_ts", changed.minus(Duration.ofHours(1)).getEpochSecond());
        } else {
            o.put("last_triggered_ts", changed.getEpochSecond());
        }
        o.put("name", s.name());
        ArrayNode tags = o.putArray("tags");
        tags.add("service:" + s.service()).add("env:" + s.env()).add("team:sre");
        o.put("org_id", 321813);
        o.put("priority", state.equals("Alert") ? 1 : 3);
        o.put("overall_state_modified", changed.getEpochSecond());
        o.putArray("restricted_roles");
        o.put("type", "metric alert");
        return o;
    }

    /** The statuses a query asks for, lower case; empty for all. */
    static Set<String> statuses(String query) {
        Matcher m = STATUS.matcher(query);
        if (!m.find()) {
            return Set.of();
        }
        String values = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        List<String> out = new ArrayList<>();
        for (String v : values.split("(?i)\\s+or\\s+")) {
            String t = v.trim().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return Set.copyOf(out);
    }
}
