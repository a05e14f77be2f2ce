package dev.investigator.sandbox;

/** The scripted story a simulated service tells from the onset on. */
enum Incident {
    /** A failing downstream (payment-gateway) turns into errors, a new Sentry issue and faulty traces. */
    ERROR_SPIKE,
    /** A deploy just before the onset makes one endpoint slow; nothing fails. */
    LATENCY_REGRESSION,
    /** Four times the traffic on one URL: a bit more latency and errors, CPU up, throttling downstream. */
    TRAFFIC_SURGE,
    /** Flat metrics with mild noise. */
    HEALTHY
}
