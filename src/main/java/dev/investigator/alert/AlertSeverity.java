package dev.investigator.alert;

import java.util.Locale;
import java.util.Optional;

/**
 * How serious the vendor says an alert is, normalised. {@link #UNKNOWN} is for vendors that do not say
 * (CloudWatch alarms, untagged Grafana rules); it passes every {@code min_severity} filter, because dropping an
 * alert we cannot grade would hide real incidents.
 */
public enum AlertSeverity {
    CRITICAL(4),
    ERROR(3),
    WARNING(2),
    INFO(1),
    UNKNOWN(0);

    private final int rank;

    AlertSeverity(int rank) {
        this.rank = rank;
    }

    /** True when this severity passes a filter set to {@code minimum}; unknown always passes. */
    public boolean passes(AlertSeverity minimum) {
        return this == UNKNOWN || minimum == UNKNOWN || rank >= minimum.rank;
    }

    /** Priority labels as Datadog and PagerDuty write them: P1..P5, SEV-1, sev1. */
    public static Optional<AlertSeverity> fromPriority(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String p = raw.trim().toLowerCase(Locale.ROOT).replace("sev-", "p").replace("sev", "p");
        return switch (p) {
            case "p1", "p0" -> Optional.of(CRITICAL);
            case "p2" -> Optional.of(ERROR);
            case "p3" -> Optional.of(WARNING);
            case "p4", "p5" -> Optional.of(INFO);
            default -> Optional.empty();
        };
    }

    /** Free-form level words: Sentry levels, Grafana/Prometheus {@code severity} labels, urgency words. */
    public static Optional<AlertSeverity> fromWord(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String w = raw.trim().toLowerCase(Locale.ROOT);
        Optional<AlertSeverity> priority = fromPriority(w);
        if (priority.isPresent()) {
            return priority;
        }
        return switch (w) {
            case "critical", "crit", "fatal", "emergency", "alert", "page", "high", "disaster" -> Optional.of(CRITICAL);
            case "error", "err", "major", "severe" -> Optional.of(ERROR);
            case "warning", "warn", "minor", "medium", "average" -> Optional.of(WARNING);
            case "info", "informational", "information", "low", "notice", "debug", "none", "ok" -> Optional.of(INFO);
            default -> Optional.empty();
        };
    }
}
