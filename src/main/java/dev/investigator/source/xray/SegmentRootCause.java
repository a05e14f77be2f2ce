package dev.investigator.source.xray;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.source.xray.XRayTranslator.Culprit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.xray.model.Segment;
import software.amazon.awssdk.services.xray.model.Trace;

/**
 * Reads a full trace's segment documents (JSON strings inside BatchGetTraces' JSON) to name the service that
 * failed, for traces whose summary carried no root cause.
 *
 * <p>An exception thrown in a service itself ({@code remote} not set) blames that service, a downstream one
 * (a segment with a {@code parent_id}) before the entry point; an exception that only came back from a call
 * ({@code remote: true}) blames the service that was called, named by the subsegment. A document that does not
 * parse is skipped: this is enrichment, never a reason to fail.
 */
final class SegmentRootCause {

    private final ObjectMapper json;

    SegmentRootCause(ObjectMapper json) {
        this.json = json;
    }

    private record Candidate(String service, String exception, boolean remote, boolean downstream) {
    }

    Optional<Culprit> culprit(Trace trace) {
        if (!trace.hasSegments()) {
            return Optional.empty();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Segment segment : trace.segments()) {
            if (segment.document() == null) {
                continue;
            }
            JsonNode doc;
            try {
                doc = json.readTree(segment.document());
            } catch (JsonProcessingException unreadable) {
                continue;
            }
            if (doc == null || !doc.isObject()) {
                continue;
            }
            String service = doc.path("name").asText("");
            boolean downstream = doc.hasNonNull("parent_id") || doc.path("inferred").asBoolean(false);
            collect(doc, service, downstream, candidates);
        }
        return candidates.stream()
                .filter(c -> !c.service().isEmpty())
                .min(Comparator.comparing((Candidate c) -> c.remote())
                        .thenComparing(c -> !c.downstream())
                        .thenComparing(c -> c.exception().isEmpty()))
                .map(c -> new Culprit(c.service(), c.exception()));
    }

    private static void collect(JsonNode entity, String service, boolean downstream, List<Candidate> out) {
        boolean failed = entity.path("fault").asBoolean(false) || entity.path("error").asBoolean(false)
                || entity.path("throttle").asBoolean(false);
        if (failed) {
            JsonNode exceptions = entity.path("cause").path("exceptions");
            if (exceptions.isArray() && !exceptions.isEmpty()) {
                for (JsonNode ex : exceptions) {
                    boolean remote = ex.path("remote").asBoolean(false);
                    // A remote exception came back from the callee, which this entity names.
                    String blamed = remote ? entity.path("name").asText(service) : service;
                    out.add(new Candidate(blamed, ex.path("type").asText(""), remote, downstream || remote));
                }
            } else if (downstream && entity.has("trace_id")) {
                // A failed downstream segment with no exception of its own (e.g. an inferred AWS resource).
                out.add(new Candidate(service, "", false, true));
            }
        }
        JsonNode subsegments = entity.path("subsegments");
        if (subsegments.isArray()) {
            for (JsonNode sub : subsegments) {
                collect(sub, service, downstream, out);
            }
        }
    }
}
