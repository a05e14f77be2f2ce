package dev.investigator.render;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one day's check that the prompt shows beside the digest: whose turn it is, and whether it was
 * checked or handed off. The Slack layer keeps it; the renderer only reads it.
 *
 * @param ownerUserId who is on duty now (after a hand-off, the person it was handed to)
 * @param handOff     the latest hand-off of the day, if any
 * @param onDemand    asked for with {@code /investigate daily}: {@code ownerUserId} is who asked, nobody is
 *                    told they are on duty, and there is nothing to check or hand off
 */
public record DailyPromptView(LocalDate day, String ownerUserId, Optional<Checked> checked, Optional<HandOff> handOff,
        boolean onDemand) {

    public DailyPromptView {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(ownerUserId, "ownerUserId");
        Objects.requireNonNull(checked, "checked");
        Objects.requireNonNull(handOff, "handOff");
    }

    /** A check nobody has acted on yet. */
    public static DailyPromptView open(LocalDate day, String ownerUserId) {
        return new DailyPromptView(day, ownerUserId, Optional.empty(), Optional.empty(), false);
    }

    /** The digest asked for now by {@code requesterId}, outside the rotation. */
    public static DailyPromptView onDemand(LocalDate day, String requesterId) {
        return new DailyPromptView(day, requesterId, Optional.empty(), Optional.empty(), true);
    }

    public DailyPromptView checkedBy(String userId, Instant at) {
        return new DailyPromptView(day, ownerUserId, Optional.of(new Checked(userId, at)), handOff, onDemand);
    }

    /** Today moves from the current owner to {@code toUserId}. */
    public DailyPromptView handedOff(String toUserId, Instant at) {
        return new DailyPromptView(day, toUserId, checked, Optional.of(new HandOff(ownerUserId, toUserId, at)), onDemand);
    }

    public boolean isChecked() {
        return checked.isPresent();
    }

    public record Checked(String userId, Instant at) {
        public Checked {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(at, "at");
        }
    }

    public record HandOff(String fromUserId, String toUserId, Instant at) {
        public HandOff {
            Objects.requireNonNull(fromUserId, "fromUserId");
            Objects.requireNonNull(toUserId, "toUserId");
            Objects.requireNonNull(at, "at");
        }
    }
}
