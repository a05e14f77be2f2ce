package dev.investigator.alert;

/** Why a message event leads to nothing (log it, count it, say nothing in Slack). */
public enum IgnoreReason {
    /** Not a message event, or a message no vendor parser recognises. */
    NOT_ALERT,
    /** Posted by this bot. */
    OWN_MESSAGE,
    CHANNEL_NOT_WATCHED,
    /** The channel is listed with {@code enabled: false}. */
    DISABLED,
    /** An edit, a deletion, a join, a thread reply. */
    NOT_A_NEW_POST,
    /** The same post delivered again (Socket Mode retries). */
    DUPLICATE,
    /** Older than the channel's {@code max_age}, e.g. replayed after a reconnect. */
    STALE,
    VENDOR_FILTERED,
    /** A state the channel does not investigate (e.g. no-data when {@code states} leaves it out). */
    STATE_NOT_INVESTIGATED,
    BELOW_SEVERITY,
    /** No service found and the channel is silent about it, or it was already told within the storm window. */
    UNKNOWN_SERVICE,
    /** Today's cap was reached and the channel was already told. */
    CAP_REACHED
}
