package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final int RECENT_QUERIES = 4;

    private final Json json;
    private final Scenarios scenarios;
    private final TraceModel traces;
    private final TraceSummaryWriter writer;
    private final Set<String> askedServices = ConcurrentHashMap.newKeySet();
    /**
     * The matching traces of the last few queries, by query and the instant their pages see the data as of: a
     * day of traces takes a while to simulate, and every later page of a query would simulate it again.
     */
    private final Map<String, List<SimTrace>> recentQueries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<SimTrace>> eldest) {
            return size() > RECENT_QUERIES;
        }
    });

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
        XRayQuery filter = XRayQuery.parse(expression);
        boolean sampling = body.path("Sampling").asBoolean(false);
        String fingerprint = Integer.toHexString((range + "|" + expression + "|" + sampling).hashCode());
        Page page = Page.of(body.path("NextToken").asText(""), fingerprint, scenarios.now());

        // Later pages see the data as of the first page, so traces finishing meanwhile do not shift the offsets.
        Instant now = page.asOf();
        Instant onset = Scenarios.onsetAt(now);
        List<String> services = filter.services().orElseGet(() -> scenarios.known().stream()
                .map(ServiceProfile::name).toList());
        filter.services().ifPresent(named -> named.forEach(s -> {
            if (askedServices.size() < MAX_REMEMBERED) {
                askedServices.add(s);
            }
        }));
        String key = fingerprint + "@" + now.toEpochMilli();
        List<SimTrace> matching = recentQueries.get(key);
        if (matching == null) {
            matching = new ArrayList<>();
            for (String service : services) {
                for (SimTrace t : traces.traces(service, range.start(), range.end(), onset, now)) {
                    if (filter.matches(t) && (!sampling || (t.id().hashCode() & 3) == 0)) {
                        matching.add(t);
                    }
                }
            }
            matching.sort(Comparator.comparing(SimTrace::start).reversed().thenComparing(SimTrace::id));
            recentQueries.put(key, List.copyOf(matching));
        }

        ObjectNode out = json.object();
        ArrayNode summaries = out.putArray("TraceSummaries");
        int end = Math.min(matching.size(), page.offset() + PAGE_SIZE);
        for (SimTrace t : matching.subList(Math.min(page.offset(), end), end)) {
            summaries.add(writer.write(t));
        }
        Instant approximate = range.end().isBefore(now) ? range.end() : now;
        out.set("ApproximateTime", Json.epochSeconds(Instant.ofEpochSecond(approximate.getEpochSecond())));
        out.put("TracesProcessedCount", matching.size());
        if (end < matching.size()) {
            out.put("NextToken", new Page(end, now).token(fingerprint));
        }
        return HttpReply.json(200, json.bytes(out));
    }

    /** Where a page starts, and the instant the whole pagination sees the data as of. */
    private record Page(int offset, Instant asOf) {

        String token(String fingerprint) {
            String plain = "v1:" + offset + ":" + asOf.toEpochMilli() + ":" + fingerprint;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        /** The first page (no token) or the page a NextToken of the same query stands for. */
        static Page of(String token, String fingerprint, Instant now) {
            if (token.isEmpty()) {
                return new Page(0, now);
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                        .split(":");
                if (parts.length == 4 && parts[0].equals("v1") && parts[3].equals(fingerprint)) {
                    return new Page(Integer.parseInt(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])));
                }
            } catch (IllegalArgumentException e) {
                // falls through to the vendor's error
            }
            throw new XRayErrors.Invalid("Invalid NextToken: it does not belong to this query");
        }
    }
}
