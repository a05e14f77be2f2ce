package dev.investigator.rotation;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a hand-off request.
 *
 * @param owner who holds the day now (the new owner when handed off), empty when the day has no owner
 * @param handOff the recorded hand-off, when there was one
 */
public record HandOffResult(Outcome outcome, Optional<String> owner, Optional<HandOff> handOff) {

    public enum Outcome {
        /** The day moved to {@link #owner()}. */
        HANDED_OFF,
        /** Only the current owner may hand the day off; a second press by the previous owner lands here. */
        NOT_OWNER,
        /** The day is already checked: nothing left to hand off. */
        ALREADY_CHECKED,
        /** Every other member has already handed this day off, or is away. */
        NO_ONE_LEFT,
        /** The day has no owner (a day off, or the rotation has no members). */
        NO_OWNER,
        /** The day is over. */
        PAST_DAY,
        /** The named person already holds the day. */
        SAME_PERSON
    }

    public HandOffResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(handOff, "handOff");
    }

    public boolean handedOff() {
        return outcome == Outcome.HANDED_OFF;
    }
}
