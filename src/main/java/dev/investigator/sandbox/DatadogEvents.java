package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /api/v1/events?start=<s>&end=<s>&tags=a,b}: the scripted events inside [start, end] that carry
 * every requested tag (and, when given, come from one of the requested sources), newest first, in the v1
 * list shape.
 */
final class DatadogEvents {

    private final Json json;
    private final Scenarios scenarios;
    private final EventScript script;
    private final DatadogErrors errors;

    DatadogEvents(Json json, Scenarios scenarios, EventScript script, DatadogErrors errors) {
        this.json = json;
        this.scenarios = scenarios;
        this.script = script;
        this.errors = errors;
    }

    HttpReply handle(SandboxRequest request) {
        Optional<Long> start = seconds(request.param("start"));
        Optional<Long> end = seconds(request.param("end"));
        if (start.isEmpty() || end.isEmpty()) {
            return errors.reply(400, "Invalid parameters: 'start' and 'end' are required (epoch seconds)");
        }
        List<String> tags = split(request.param("tags").orElse(""));
        List<String> sources = split(request.param("sources").orElse(""));
        int page = request.param("page").map(DatadogEvents::intOrZero).orElse(0);
        Instant from = Instant.ofEpochSecond(start.get());
        Instant to = Instant.ofEpochSecond(end.get());
        Instant now = scenarios.now();

        ObjectNode body = json.object();
        ArrayNode out = body.putArray("events");
        if (page == 0) {
            script.events(scenarios.onset()).stream()
                    .filter(e -> !e.at().isBefore(from) && !e.at().isAfter(to) && !e.at().isAfter(now))
                    .filter(e -> e.tags().containsAll(tags))
                    .filter(e -> sources.isEmpty() || sources.stream()
                            .anyMatch(s -> s.equalsIgnoreCase(e.sourceTypeName())))
                    .sorted((a, b) -> b.at().compareTo(a.at()))
                    .forEach(e -> write(out.addObject(), e));
        }
        body.put("status", "ok");
        return HttpReply.json(200, json.bytes(body));
    }

    private static void write(ObjectNode o, DatadogEvent e) {
        o.put("alert_type", e.alertType());
        o.put("date_happened", e.at().getEpochSecond());
        o.putNull("device_name");
        if (e.host() == null) {
            o.putNull("host");
        } else {
            o.put("host", e.host());
        }
        o.put("id", e.id());
        o.put("id_str", Long.toString(e.id()));
        o.put("payload", "{}");
        o.put("priority", "normal");
        o.put("source_type_name", e.sourceTypeName());
        ArrayNode tags = o.putArray("tags");
        e.tags().forEach(tags::add);
        o.put("text", e.text());
        o.put("title", e.title());
        o.put("url", "/event/event?id=" + e.id());
    }

    private static Optional<Long> seconds(Optional<String> s) {
        try {
            return s.map(String::trim).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int intOrZero(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .filter(t -> !t.isEmpty())
                .map(t -> t.toLowerCase(Locale.ROOT))
                .toList();
    }
}
