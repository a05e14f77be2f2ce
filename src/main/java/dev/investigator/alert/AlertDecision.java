package dev.investigator.alert;

import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Slack layer does with one message event, per service the alert names.
 *
 * @param <R> the Slack layer's reference to a post (its thread), as passed to {@link AlertTriage#decide}
 */
public sealed interface AlertDecision<R> {

    /** Do nothing visible. {@code alert} is present when the post was an alert (for logs and metrics). */
    record Ignore<R>(IgnoreReason reason, Optional<Alert> alert) implements AlertDecision<R> {
        public Ignore {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(alert, "alert");
        }
    }

    /**
     * Run the investigation of {@code service} over {@code window} and reply in the alert post's thread
     * (the post is the storm's lead: later alerts of the storm link to this thread).
     */
    record Investigate<R>(Alert alert, ServiceDefinition service, TimeWindow window, String stormId) implements AlertDecision<R> {
        public Investigate {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(stormId, "stormId");
        }
    }

    /**
     * The alert joins a storm already being investigated: reply one line in the alert's thread linking the lead's
     * thread, or react, as {@code style} says.
     *
     * @param alerts how many alerts the storm has had so far, this one included
     */
    record FollowUp<R>(Alert alert, ServiceDefinition service, R leadRef, String stormId, int alerts, FollowUpStyle style)
            implements AlertDecision<R> {
        public FollowUp {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(leadRef, "leadRef");
            Objects.requireNonNull(stormId, "stormId");
            Objects.requireNonNull(style, "style");
        }
    }

    /** A recovery matched with its firing alert: add a short note with the duration in {@code match.leadRef()}'s thread. */
    record Recovered<R>(Alert alert, AlertLedger.RecoveryMatch<R> match) implements AlertDecision<R> {
        public Recovered {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(match, "match");
        }
    }

    /** A recovery of nothing this bot investigated (or investigated more than two days ago): usually nothing to do. */
    record RecoveredUnmatched<R>(Alert alert) implements AlertDecision<R> {
        public RecoveredUnmatched {
            Objects.requireNonNull(alert, "alert");
        }
    }

    /**
     * Reply once, briefly, in the alert's thread: which names were looked for ({@code lookedFor}, possibly empty:
     * then the tags read were {@code tagKeys}) and how to add an alias. Given at most once per channel and name set
     * per storm window.
     */
    record UnknownService<R>(Alert alert, List<String> lookedFor, List<String> tagKeys) implements AlertDecision<R> {
        public UnknownService {
            Objects.requireNonNull(alert, "alert");
            lookedFor = List.copyOf(lookedFor);
            tagKeys = List.copyOf(tagKeys);
        }
    }

    /** Today's cap of {@code cap} investigations in {@code channel} is used up: say so, once a day. */
    record CapReached<R>(String channel, int cap, Alert alert) implements AlertDecision<R> {
        public CapReached {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(alert, "alert");
        }
    }
}
