package dev.investigator.model;

public enum IssueFlag {
    /** First seen inside the window. */
    NEW,
    /** Was resolved, came back. */
    REGRESSED,
    /** Events in the window far above its rate before the window. */
    SPIKING
}
