package dev.investigator.sandbox.slack;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Message timestamps as Slack writes them: epoch seconds, a dot, six digits of microseconds. Like Slack's, they
 * are unique and strictly increasing, even under a fixed test clock (then they step by one microsecond).
 */
final class SlackTs {

    private final Clock clock;
    private long lastMicros;

    SlackTs(Clock clock) {
        this.clock = clock;
    }

    synchronized String next() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
        lastMicros = Math.max(now, lastMicros + 1);
        return format(lastMicros);
    }

    static String format(long epochMicros) {
        return String.format("%d.%06d", epochMicros / 1_000_000, epochMicros % 1_000_000);
    }
}
