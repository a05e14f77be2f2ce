package dev.investigator.model;

public enum Verdict {
    HEALTHY,
    DEGRADED,
    INCIDENT,
    /** Every source failed: nothing can be claimed either way. */
    UNKNOWN
}
