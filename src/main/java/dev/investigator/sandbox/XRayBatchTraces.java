package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code POST /Traces} (BatchGetTraces): full traces by id; ids it does not know are "unprocessed". */
final class XRayBatchTraces {

    private final Json json;
    private final Scenarios scenarios;
    private final TraceModel traces;
    private final XRayTraceSummaries summaries;
    private final SegmentDocuments documents;

    XRayBatchTraces(Json json, Scenarios scenarios, TraceModel traces, XRayTraceSummaries summaries,
                    SegmentDocuments documents) {
        this.json = json;
        this.scenarios = scenarios;
        this.traces = traces;
        this.summaries = summaries;
        this.documents = documents;
    }

    HttpReply handle(JsonNode body) {
        JsonNode ids = body.get("TraceIds");
        if (ids == null || !ids.isArray()) {
            throw new XRayErrors.Invalid("TraceIds is required");
        }
        Instant onset = scenarios.onset();
        List<String> services = summaries.servicesWithTraces();
        ObjectNode out = json.object();
        ArrayNode found = out.putArray("Traces");
        ArrayNode unprocessed = out.putArray("UnprocessedTraceIds");
        for (JsonNode idNode : ids) {
            String id = idNode.asText();
            Optional<SimTrace> trace = traces.find(id, services, onset);
            if (trace.isEmpty() || trace.get().end().isAfter(scenarios.now())) {
                unprocessed.add(id);
                continue;
            }
            SimTrace t = trace.get();
            ObjectNode o = found.addObject();
            o.put("Id", t.id());
            o.put("Duration", t.responseTime());
            o.put("LimitExceeded", false);
            ArrayNode segments = o.putArray("Segments");
            for (SegmentDocuments.Document d : documents.of(t)) {
                segments.addObject().put("Id", d.id()).put("Document", d.text());
            }
        }
        return HttpReply.json(200, json.bytes(out));
    }
}
