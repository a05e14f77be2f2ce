package dev.investigator.rotation;

import java.time.Instant;

/**
 * A change people make to the rotation at run time; each is kept in the store and survives restarts.
 * How they compose is described on {@link RotationSchedule#owner(java.time.LocalDate, Overrides)}.
 */
public sealed interface RotationChange permits HandOff, Swap, Replacement {

    /** The Slack user who made the change. */
    String by();

    Instant at();
}
