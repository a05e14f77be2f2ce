package dev.investigator.investigation;

import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;

/** What a line of user input asked for, once parsed and validated. Nothing in it is raw user text. */
public sealed interface Command {

    record Help() implements Command {
    }

    /** The daily check's digest, now. */
    record Daily() implements Command {
    }

    /** Who is on duty today and the next working days; with a change, that change first. */
    record Rotation(java.util.Optional<Change> change) implements Command {

        public Rotation() {
            this(java.util.Optional.empty());
        }

        /** A change to the rotation, with Slack user ids checked for their shape. */
        public sealed interface Change {
        }

        /** The asker's day ({@code day}, or today) swaps with {@code member}'s next day. */
        public record Swap(String member, java.util.Optional<java.time.LocalDate> day) implements Change {
        }

        /** {@code substitute} takes {@code absent}'s days from {@code from} to {@code to}, inclusive. */
        public record Cover(String absent, String substitute, java.time.LocalDate from, java.time.LocalDate to) implements Change {
        }
    }

    record Investigate(ServiceDefinition service, TimeWindow window) implements Command {
    }
}
