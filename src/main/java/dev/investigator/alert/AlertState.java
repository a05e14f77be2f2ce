package dev.investigator.alert;

/** Where an alert stands, in the vendors' common vocabulary. */
public enum AlertState {
    FIRING,
    WARNING,
    NO_DATA,
    RECOVERED
}
