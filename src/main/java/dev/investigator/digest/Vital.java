package dev.investigator.digest;

/** The three numbers the daily check compares for every service. */
public enum Vital {
    /** Requests served in the period (a count). */
    REQUESTS,
    /** Errors as a percent of requests, 0-100. */
    ERROR_RATE,
    /** 95th percentile latency in milliseconds. */
    P95_LATENCY
}
