package dev.investigator.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentDeliveriesTest {

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-20T05:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRedeliveryIsRecognisedAndForgottenAfterTheMemory() {
        MovableClock clock = new MovableClock();
        RecentDeliveries seen = new RecentDeliveries(clock, Duration.ofMinutes(30), 100);
        assertThat(seen.firstTime("command:T1")).isTrue();
        assertThat(seen.firstTime("command:T1")).isFalse();
        assertThat(seen.firstTime("command:T2")).isTrue();
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertThat(seen.firstTime("command:T1")).isTrue();
    }

    @Test
    void itNeverHoldsMoreThanItsCapacity() {
        RecentDeliveries seen = new RecentDeliveries(new MovableClock(), Duration.ofHours(1), 3);
        for (int i = 0; i < 5; i++) {
            assertThat(seen.firstTime("k" + i)).isTrue();
        }
        // the oldest were dropped to stay within capacity; the newest are still known
        assertThat(seen.firstTime("k4")).isFalse();
        assertThat(seen.firstTime("k0")).isTrue();
    }
}
