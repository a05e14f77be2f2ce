package dev.investigator.model;

/** The evidence sources the investigation consults. */
public enum SourceKind {
    DATADOG("Datadog"),
    SENTRY("Sentry"),
    XRAY("AWS X-Ray");

    private final String displayName;

    SourceKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
