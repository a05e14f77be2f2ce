package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulated AWS X-Ray API (restJson1): {@code POST /TraceSummaries}, {@code /ServiceGraph} and
 * {@code /Traces}. Requests must carry a SigV4 {@code Authorization} header (its signature is not checked);
 * errors come in AWS's shape, with the type in {@code x-amzn-ErrorType}.
 */
final class XRayApi implements VendorApi {

    private final Json json;
    private final XRayTraceSummaries summaries;
    private final XRayServiceGraph graph;
    private final XRayBatchTraces batch;
    private final XRayErrors errors;
    private final AtomicLong requestIds = new AtomicLong();

    XRayApi(Json json, XRayTraceSummaries summaries, XRayServiceGraph graph, XRayBatchTraces batch,
            XRayErrors errors) {
        this.json = json;
        this.summaries = summaries;
        this.graph = graph;
        this.batch = batch;
        this.errors = errors;
    }

    @Override
    public HttpReply handle(SandboxRequest request) {
        return route(request).withHeader("x-amzn-RequestId", requestId());
    }

    private HttpReply route(SandboxRequest request) {
        String path = request.path();
        boolean known = path.equals("/TraceSummaries") || path.equals("/ServiceGraph") || path.equals("/Traces");
        if (!known || !request.is("POST")) {
            return errors.reply(404, "UnknownOperationException", "Unknown operation " + request.method() + " "
                    + path);
        }
        String auth = request.header("Authorization").orElse("");
        if (auth.isBlank()) {
            return errors.reply(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        if (!auth.startsWith("AWS4-HMAC-SHA256 ") || !auth.contains("Credential=")) {
            return errors.reply(403, "IncompleteSignatureException",
                    "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
        }
        JsonNode body = json.parse(request.body());
        if (body == null || !body.isObject()) {
            return errors.reply(400, "SerializationException", "Request body is not a JSON object");
        }
        try {
            return switch (path) {
                case "/TraceSummaries" -> summaries.handle(body);
                case "/ServiceGraph" -> graph.handle(body);
                default -> batch.handle(body);
            };
        } catch (XRayErrors.Invalid e) {
            return errors.invalid(e.getMessage());
        }
    }

    @Override
    public HttpReply internalError() {
        return errors.reply(500, "InternalFailure", "The request processing has failed because of an unknown "
                + "error, exception or failure.").withHeader("x-amzn-RequestId", requestId());
    }

    private String requestId() {
        return String.format("5a4b1e9c-0000-4000-8000-%012x", requestIds.incrementAndGet());
    }
}
