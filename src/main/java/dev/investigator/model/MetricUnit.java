package dev.investigator.model;

public enum MetricUnit {
    /** Plain counts (requests, errors) per interval. */
    COUNT,
    /** Percent, 0-100. */
    PERCENT,
    /** Milliseconds. */
    MILLISECONDS,
    /** Bytes. */
    BYTES,
    /** Anything else, shown as a plain number. */
    NUMBER
}
