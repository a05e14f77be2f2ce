package dev.investigator.model;

/**
 * What a metric means to the verdict. The correlator reasons about roles, never about metric names,
 * so teams can name their queries however they like.
 */
public enum MetricRole {
    REQUESTS,
    ERRORS,
    ERROR_RATE,
    LATENCY_P95,
    LATENCY_P99,
    /** CPU, memory, DB connections, queue depth...: shown, flagged when they move, never the verdict's basis. */
    RESOURCE
}
