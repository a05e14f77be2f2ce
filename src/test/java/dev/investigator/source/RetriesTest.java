package dev.investigator.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.GapReason;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetriesTest {

    private final Clock clock = Clock.systemUTC();

    @Test
    void retriesRateLimitsAndServerErrorsThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();
        String result = new Retries(3, Duration.ofMillis(1), Duration.ofMillis(5)).call(Deadline.after(Duration.ofSeconds(5), clock), () -> {
            int n = attempts.incrementAndGet();
            if (n == 1) {
                throw SourceFailure.http(429, Optional.of(Duration.ofMillis(1)), "HTTP 429");
            }
            if (n == 2) {
                throw SourceFailure.http(503, Optional.empty(), "HTTP 503");
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void givesUpAfterTheBoundAndRethrowsTheLastFailure() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> new Retries(2, Duration.ofMillis(1), Duration.ofMillis(2)).call(Deadline.after(Duration.ofSeconds(5), clock), () -> {
            attempts.incrementAndGet();
            throw SourceFailure.http(500, Optional.empty(), "HTTP 500");
        })).isInstanceOfSatisfying(SourceFailure.class, f -> {
            assertThat(f.reason()).isEqualTo(GapReason.SERVER_ERROR);
            assertThat(f.httpStatus()).hasValue(500);
        });
        assertThat(attempts).hasValue(3);
    }

    @Test
    void neverRetriesWhatCannotPass() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Retries.standard().call(Deadline.after(Duration.ofSeconds(5), clock), () -> {
            attempts.incrementAndGet();
            throw SourceFailure.http(401, Optional.empty(), "HTTP 401");
        })).isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.reason()).isEqualTo(GapReason.AUTH_REJECTED));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void doesNotWaitForARetryAfterThatEndsPastTheDeadline() {
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> Retries.standard().call(Deadline.after(Duration.ofSeconds(2), clock), () -> {
            attempts.incrementAndGet();
            throw SourceFailure.http(429, Optional.of(Duration.ofSeconds(30)), "HTTP 429");
        })).isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.reason()).isEqualTo(GapReason.RATE_LIMITED));
        assertThat(attempts).hasValue(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheBackoffCapIsWaitedForWhenTheDeadlineHoldsIt() {
        AtomicInteger attempts = new AtomicInteger();
        long started = System.nanoTime();
        String result = new Retries(2, Duration.ofMillis(1), Duration.ofMillis(10)).call(Deadline.after(Duration.ofSeconds(5), clock), () -> {
            if (attempts.incrementAndGet() == 1) {
                throw SourceFailure.http(429, Optional.of(Duration.ofMillis(300)), "HTTP 429");
            }
            return "ok";
        });
        assertThat(result).isEqualTo("ok");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited the 300 ms asked, not the 10 ms cap")
                .isGreaterThanOrEqualTo(Duration.ofMillis(290));
    }

    @Test
    void backoffGrowsWithJitterUpToTheCapAndRetryAfterIsTakenAsGiven() {
        Retries r = new Retries(5, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(r.delayFor(SourceFailure.http(503, Optional.empty(), ""), 1).toMillis()).isBetween(75L, 125L);
        assertThat(r.delayFor(SourceFailure.http(503, Optional.empty(), ""), 3).toMillis()).isBetween(300L, 500L);
        assertThat(r.delayFor(SourceFailure.http(503, Optional.empty(), ""), 10).toMillis()).isBetween(750L, 1250L);
        assertThat(r.delayFor(SourceFailure.http(429, Optional.of(Duration.ofMillis(400)), ""), 1)).isEqualTo(Duration.ofMillis(400));
        // a shorter wait than asked only draws another 429; whether the wait fits is the deadline's question
        assertThat(r.delayFor(SourceFailure.http(429, Optional.of(Duration.ofMinutes(5)), ""), 1)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anUnclassifiedExceptionBecomesAnInternalFailure() {
        assertThatThrownBy(() -> Retries.none().call(Deadline.after(Duration.ofSeconds(1), clock), () -> {
            throw new java.io.IOException("boom");
        })).isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.reason()).isEqualTo(GapReason.INTERNAL));
    }

    @Test
    void httpStatusesAreClassifiedOnce() {
        assertThat(SourceFailure.reasonFor(401)).isEqualTo(GapReason.AUTH_REJECTED);
        assertThat(SourceFailure.reasonFor(403)).isEqualTo(GapReason.FORBIDDEN);
        assertThat(SourceFailure.reasonFor(404)).isEqualTo(GapReason.NOT_FOUND);
        assertThat(SourceFailure.reasonFor(429)).isEqualTo(GapReason.RATE_LIMITED);
        assertThat(SourceFailure.reasonFor(400)).isEqualTo(GapReason.CLIENT_ERROR);
        assertThat(SourceFailure.reasonFor(502)).isEqualTo(GapReason.SERVER_ERROR);
        assertThat(SourceFailure.reasonFor(504)).isEqualTo(GapReason.TIMEOUT);
    }
}
