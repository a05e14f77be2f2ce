package dev.investigator.model;

/** What started an investigation. */
public enum Origin {
    COMMAND_LINE,
    SLASH_COMMAND,
    ALERT,
    DAILY_CHECK,
    BUTTON
}
