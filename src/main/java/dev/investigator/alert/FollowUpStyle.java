package dev.investigator.alert;

/** How a later alert of a storm is answered: a one-line reply linking the investigation, or just a reaction. */
public enum FollowUpStyle {
    REPLY,
    REACTION
}
