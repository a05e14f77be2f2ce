package dev.investigator.digest;

import dev.investigator.model.Severity;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Something the rotation owner should look at, with the number behind it.
 *
 * @param ratio current against the baseline that tripped the flag (for vitals), empty otherwise
 * @param count how many (new issues, monitors), 0 when not a count
 */
public record DigestFlag(Kind kind, Severity severity, OptionalDouble ratio, int count) {

    public enum Kind {
        TRAFFIC_SURGE,
        TRAFFIC_DROP,
        ERROR_RATE,
        LATENCY,
        NEW_ISSUES,
        MONITORS_ALERTING,
        SOURCE_UNAVAILABLE
    }

    public DigestFlag {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(ratio, "ratio");
    }
}
