package dev.investigator.render;

import java.util.List;
import java.util.Objects;

/** A parent message and its thread replies, one per source (Datadog, Sentry, X-Ray), in posting order. */
public record SlackThread(SlackMessage parent, List<SlackMessage> replies) {
    public SlackThread {
        Objects.requireNonNull(parent, "parent");
        replies = List.copyOf(replies);
    }
}
