package dev.investigator.sandbox.slack;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One Web API request the fake received, whatever it answered (rate-limited and failed calls are recorded too,
 * so a test can count attempts).
 *
 * @param method   the Web API method, e.g. {@code chat.postMessage}
 * @param token    the token sent (Bearer header, else the {@code token} parameter); null when none was sent
 * @param params   every parameter, form or JSON alike; JSON values that are not strings (blocks, attachments)
 *                 are kept as their JSON text, so {@code params().get("blocks")} is always a JSON array text
 * @param at       when it arrived, by the fake's clock
 * @param nanoTime {@link System#nanoTime()} on arrival, to measure latencies against {@link Ack}s
 */
public record ApiCall(String method, String token, Map<String, String> params, Instant at, long nanoTime) {

    public ApiCall {
        Objects.requireNonNull(method, "method");
        params = Map.copyOf(params);
        Objects.requireNonNull(at, "at");
    }

    /** A parameter, or null when it was not sent. */
    public String param(String name) {
        return params.get(name);
    }

    // The token is masked: an assertion message must not print a real token if one ever reaches the fake.
    @Override
    public String toString() {
        return "ApiCall[" + method + ", token=" + mask(token) + ", params=" + params + ", at=" + at + "]";
    }

    static String mask(String token) {
        if (token == null) {
            return "none";
        }
        int dash = token.indexOf('-');
        return (dash > 0 && dash < 6 ? token.substring(0, dash + 1) : "") + "…(" + token.length() + " chars)";
    }
}
