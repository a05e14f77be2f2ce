package dev.investigator.investigation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An absolute instant by which work must be done, read against an injected clock. */
public record Deadline(Instant at, Clock clock) {

    public Deadline {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clock, "clock");
    }

    public static Deadline after(Duration budget, Clock clock) {
        return new Deadline(clock.instant().plus(budget), clock);
    }

    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean passed() {
        return !clock.instant().isBefore(at);
    }

    /** The earlier of this deadline and {@code budget} from now. */
    public Deadline within(Duration budget) {
        Instant candidate = clock.instant().plus(budget);
        return candidate.isBefore(at) ? new Deadline(candidate, clock) : this;
    }
}
