package dev.investigator.sandbox.slack;

import java.util.Map;

/** One HTTP answer of the fake Web API. */
record Reply(int status, Map<String, String> headers, String body) {

    static Reply ok(String json) {
        return new Reply(200, Map.of(), json);
    }

    /** Slack answers method errors with HTTP 200 and {@code {"ok":false,"error":"..."}}. */
    static Reply error(String error) {
        return ok("{\"ok\":false,\"error\":\"" + error + "\"}");
    }

    static Reply rateLimited(int retryAfterSeconds) {
        return new Reply(429, Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
                "{\"ok\":false,\"error\":\"ratelimited\"}");
    }
}
