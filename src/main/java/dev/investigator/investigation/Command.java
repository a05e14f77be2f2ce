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

    /** Who is on duty today and the next working days. */
    record Rotation() implements Command {
    }

    record Investigate(ServiceDefinition service, TimeWindow window) implements Command {
    }
}
