package dev.investigator.alert;

/** What the bot does when it cannot tell which service an alert is about. */
public enum UnknownServiceReply {
    /** One short reply naming what it looked for and how to add an alias. */
    REPLY,
    SILENT
}
