package dev.investigator.slack;

import dev.investigator.model.Investigation;
import java.time.Duration;

/** What the Slack app reports about itself (metrics, logs); every method may be called from any thread. */
public interface SlackObserver {

    default void commandReceived(String kind) {
    }

    default void acked(Duration latency) {
    }

    default void slackCall(String method, String outcome) {
    }

    default void investigationFinished(Investigation investigation) {
    }

    SlackObserver NONE = new SlackObserver() {
    };
}
