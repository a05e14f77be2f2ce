package dev.investigator.faults;

/**
 * What a fake vendor does to the source's main endpoint (Datadog's timeseries query, Sentry's issues search,
 * X-Ray's trace summaries). Every other endpoint of the fake stays healthy, so each cell tests one failure.
 */
enum Fault {
    /** Answers normally. */
    NONE,
    /** Answers, but only long after the deadline. */
    SLOW,
    UNAUTHORIZED_401,
    FORBIDDEN_403,
    NOT_FOUND_404,
    /** One 429 with {@code Retry-After: 1}, then normal answers. */
    RATE_LIMITED_ONCE_429,
    /** 429 with {@code Retry-After: 1} every time. */
    RATE_LIMITED_429,
    /** 429 asking to wait 30 s, far beyond what the deadline leaves. */
    RATE_LIMITED_PAST_DEADLINE_429,
    SERVER_ERROR_500,
    UNAVAILABLE_503,
    /** The connection is closed before any byte of the answer. */
    DROPPED_CONNECTION,
    /** A 200 whose connection is closed while the body is being sent. */
    DROPPED_MID_BODY,
    /** A 200 whose JSON body is cut off half-way. */
    TRUNCATED_JSON,
    /** A 200 with valid JSON of another shape. */
    WRONG_SHAPE,
    /** A 200 saying there is nothing in the window. */
    EMPTY,
    /** A 200 with far more than one investigation could use (thousands of issues, traces, series). */
    HUGE;

    /** Seconds the vendor asks to wait in its 429, for the rate-limit cells. */
    long retryAfterSeconds() {
        return this == RATE_LIMITED_PAST_DEADLINE_429 ? 30 : 1;
    }
}
