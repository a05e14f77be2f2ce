package dev.investigator.rotation;

import java.util.Objects;

/** A swap or replacement that cannot be made; {@link #reason()} lets the Slack layer word it in the user's language. */
public final class RotationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** A day that is over. */
        PAST_DAY,
        /** A weekend, holiday or day before the rotation starts: nobody holds it. */
        NOT_A_WORKING_DAY,
        /** Both sides are the same person or the same day. */
        SAME_PERSON,
        /** The named member holds no day in the coming months. */
        NO_UPCOMING_DAY,
        /** Not a Slack user id (U… or W…). */
        NOT_A_USER,
        /** A range that ends before it starts. */
        BAD_RANGE,
        /** The day was handed off; the hand-off decides it (hand off again instead). */
        HANDED_OFF
    }

    private final Reason reason;

    public RotationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
