package dev.investigator.sandbox.slack;

import java.time.Instant;
import java.util.Objects;

/**
 * One POST to a {@code response_url} the fake handed out with a slash command or block action (what Bolt's
 * {@code ctx.respond(...)} sends).
 *
 * @param responseId the last path segment of the response_url ({@link FakeSlack#responseUrlBase()} + id)
 * @param json       the request body as sent (Slack's response_url takes JSON)
 * @param at         when it arrived, by the fake's clock
 * @param nanoTime   {@link System#nanoTime()} on arrival
 */
public record ResponsePost(String responseId, String json, Instant at, long nanoTime) {

    public ResponsePost {
        Objects.requireNonNull(responseId, "responseId");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(at, "at");
    }
}
