package dev.investigator.rotation;

import dev.investigator.model.TimeWindow;
import java.time.LocalDate;
import java.util.Objects;

/** Something the Slack scheduler should do now, as {@link DailyCheck#due()} says. */
public sealed interface DueAction permits DueAction.PostPrompt, DueAction.Remind, DueAction.Escalate {

    LocalDate day();

    /**
     * Post the day's prompt in the rotation channel mentioning {@code owner}, with the digest over {@code period}
     * (since the previous prompt, or the last 24 hours when there was none); then call
     * {@link DailyCheck#promptPosted} (or {@link DailyCheck#promptFailed}).
     */
    record PostPrompt(LocalDate day, String owner, TimeWindow period) implements DueAction {
        public PostPrompt {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(period, "period");
        }
    }

    /** Remind {@code owner} in the prompt's thread; then call {@link DailyCheck#reminded}. */
    record Remind(LocalDate day, String owner, PromptRef prompt) implements DueAction {
        public Remind {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /**
     * Mention {@code backup} (a user U… or a user group S…) in the prompt's thread because {@code owner} has not
     * checked; then call {@link DailyCheck#escalated}.
     */
    record Escalate(LocalDate day, String backup, String owner, PromptRef prompt) implements DueAction {
        public Escalate {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(backup, "backup");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(prompt, "prompt");
        }
    }
}
