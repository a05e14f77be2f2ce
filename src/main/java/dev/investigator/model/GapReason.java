package dev.investigator.model;

/** Why a source could not contribute. Classified once, in the source adapter, so every renderer can explain it. */
public enum GapReason {
    /** The source's or the investigation's deadline passed. */
    TIMEOUT,
    /** 401: the credential was rejected. */
    AUTH_REJECTED,
    /** 403: the credential lacks a permission or scope. */
    FORBIDDEN,
    /** 404: the organisation, project, or endpoint does not exist. */
    NOT_FOUND,
    /** 429 after the retries the deadline allowed. */
    RATE_LIMITED,
    /** 5xx after the retries the deadline allowed. */
    SERVER_ERROR,
    /** Another 4xx (bad query, bad parameter). */
    CLIENT_ERROR,
    /** The body could not be parsed or had the wrong shape. */
    MALFORMED_RESPONSE,
    /** Connection refused, reset, DNS failure. */
    NETWORK,
    /** The source has no credentials or no settings for this service. */
    NOT_CONFIGURED,
    /** A bug on our side; the detail says what. */
    INTERNAL
}
