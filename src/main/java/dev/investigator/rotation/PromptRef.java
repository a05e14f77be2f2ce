package dev.investigator.rotation;

import java.time.Instant;
import java.util.Objects;

/** Where and when a day's prompt was posted: enough for the Slack layer to reply in its thread or update it. */
public record PromptRef(String channel, String ts, Instant at) {

    public PromptRef {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ts, "ts");
        Objects.requireNonNull(at, "at");
    }
}
