package dev.investigator.source;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.investigator.investigation.Deadline;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and jitter for one vendor call, honouring the vendor's
 * {@code Retry-After} when it gives one (as given: {@code maxDelay} caps the backoff only), and never sleeping
 * past the deadline: a retry that could not start in time is not attempted, and the last failure is reported
 * instead.
 */
public final class Retries {

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxDelay;

    public Retries(int maxRetries, Duration initialDelay, Duration maxDelay) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0");
        }
        this.maxRetries = maxRetries;
        this.initialDelay = Objects.requireNonNull(initialDelay);
        this.maxDelay = Objects.requireNonNull(maxDelay);
    }

    public static Retries standard() {
        return new Retries(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    public static Retries none() {
        return new Retries(0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * Runs {@code call}; a retryable {@link SourceFailure} is retried while the deadline allows.
     *
     * @throws SourceFailure the last failure, classified
     */
    public <T> T call(Deadline deadline, CheckedSupplier<T> call) {
        RetryPolicy<T> policy = RetryPolicy.<T>builder()
                .handleIf((result, failure) -> failure instanceof SourceFailure sf && sf.retryable()
                        && delayFor(sf, 1).compareTo(deadline.remaining()) < 0)
                .withMaxRetries(maxRetries)
                .withDelayFn(ctx -> delayFor(ctx.getLastException(), ctx.getAttemptCount()))
                .build();
        try {
            return Failsafe.with(policy).get(call);
        } catch (SourceFailure e) {
            throw e;
        } catch (FailsafeException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SourceFailure sf) {
                throw sf;
            }
            throw SourceFailure.of(dev.investigator.model.GapReason.INTERNAL,
                    cause == null ? e.toString() : cause.getClass().getSimpleName(), cause);
        }
    }

    /**
     * Retry-After when given, as given: asking again sooner only draws another refusal, and a wait the deadline
     * cannot hold means no retry at all. Else initial * 2^(attempt-1), capped by maxDelay, with ±25% jitter.
     */
    Duration delayFor(Throwable failure, int attempt) {
        if (failure instanceof SourceFailure sf && sf.retryAfter().isPresent()) {
            return sf.retryAfter().get();
        }
        long base = initialDelay.toMillis() << Math.min(Math.max(attempt - 1, 0), 16);
        long capped = Math.min(base, maxDelay.toMillis());
        double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis((long) (capped * jitter));
    }
}
