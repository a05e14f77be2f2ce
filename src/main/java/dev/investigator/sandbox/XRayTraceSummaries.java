package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code POST /TraceSummaries}: the traces that started in the range and match the filter, newest first (as
 * X-Ray's first page holds the most recent), {@value #PAGE_SIZE} a page with an opaque {@code NextToken}.
 */
final class XRayTraceSummaries {

    static final int PAGE_SIZE = 100;
    /** Remember at most this many service names asked about, so BatchGetTraces can find their traces. */
    private static final int MAX_REMEMBERED = 1000;

    private final Json json;
    private final Scenarios scenarios;
    private final TraceModel traces;
    private final TraceSummaryWriter writer;
    private final Set<String> askedServices = ConcurrentHashMap.newKeySet();

    XRayTraceSummaries(Json json, Scenarios scenarios, TraceModel traces, TraceSummaryWriter writer) {
        this.json = json;
        this.scenarios = scenarios;
        this.traces = traces;
        this.writer = writer;
    }

    /** Every service whose traces may have been handed out: the scripted ones and any asked about by name. */
    List<String> servicesWithTraces() {
        List<String> all = new ArrayList<>();
        scenarios.known().forEach(p -> all.add(p.name()));
        askedServices.stream().filter(s -> !scenarios.isKnown(s)).sorted().forEach(all::add);
        return all;
    }

    HttpReply handle(JsonNode body) {
        XRayRange range = XRayRange.of(body);
        String expression = body.path("FilterExpression").asText("");
        XRayFilter filter = XRayFilter.parse(expression);
        boolean sampling = body.path("Sampling").asBoolean(false);
        String fingerprint = Integer.toHexString((range + "|" + expression + "|" + sampling).hashCode());
        int offset = offsetOf(body.path("NextToken").asText(""), fingerprint);

        Instant onset = scenarios.onset();
        Instant now = scenarios.now();
        List<String> services = filter.service().map(List::of).orElseGet(() -> scenarios.known().stream()
                .map(ServiceProfile::name).toList());
        filter.service().ifPresent(s -> {
            if (askedServices.size() < MAX_REMEMBERED) {
                askedServices.add(s);
            }
        });
        List<SimTrace> matching = new ArrayList<>();
        for (String service : services) {
            for (SimTrace t : traces.traces(service, range.start(), range.end(), onset, now)) {
                if (filter.matches(t) && (!sampling || (t.id().hashCode() & 3) == 0)) {
                    matching.add(t);
                }
            }
        }
        matching.sort(Comparator.comparing(SimTrace::start).reversed().thenComparing(SimTrace::id));

        ObjectNode out = json.object();
        ArrayNode summaries = out.putArray("TraceSummaries");
        int end = Math.min(matching.size(), offset + PAGE_SIZE);
        for (SimTrace t : matching.subList(Math.min(offset, end), end)) {
            summaries.add(writer.write(t));
        }
        Instant approximate = range.end().isBefore(now) ? range.end() : now;
        out.set("ApproximateTime", Json.epochSeconds(Instant.ofEpochSecond(approximate.getEpochSecond())));
        out.put("TracesProcessedCount", matching.size());
        if (end < matching.size()) {
            out.put("NextToken", token(end, fingerprint));
        }
        return HttpReply.json(200, json.bytes(out));
    }

    private static String token(int offset, String fingerprint) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + offset + ":" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    /** The offset a NextToken stands for; it must come from the same query. */
    private static int offsetOf(String token, String fingerprint) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("v1") && parts[2].equals(fingerprint)) {
                return Integer.parseInt(parts[1]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the vendor's error
        }
        throw new XRayErrors.Invalid("Invalid NextToken: it does not belong to this query");
    }
}
