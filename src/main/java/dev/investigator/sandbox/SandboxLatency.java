package dev.investigator.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each simulated vendor waits before it answers a request. The benchmark sets these to see how the
 * investigation's wall time relates to its slowest source.
 */
public record SandboxLatency(Duration datadog, Duration sentry, Duration xray) {

    public SandboxLatency {
        requireNonNegative(datadog, "datadog");
        requireNonNegative(sentry, "sentry");
        requireNonNegative(xray, "xray");
    }

    /** Answer at once. */
    public static SandboxLatency none() {
        return new SandboxLatency(Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /** The same delay for all three vendors. */
    public static SandboxLatency uniform(Duration each) {
        return new SandboxLatency(each, each, each);
    }

    private static void requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " latency must not be negative: " + d);
        }
    }
}
