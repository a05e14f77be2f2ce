package dev.investigator.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StormCoalescerTest {

    private static final Instant T0 = Instant.parse("2026-04-14T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final StormCoalescer<String> storms = new StormCoalescer<>(clock, Duration.ofMinutes(10), 100);

    private static Instant at(int minutes, int seconds) {
        return T0.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds);
    }

    @Test
    void theFirstAlertLeadsAndLaterOnesWithinTheWindowFollowIt() {
        assertThat(storms.admit("checkout", at(0, 0), "lead-1")).isInstanceOf(StormCoalescer.Lead.class);

        StormCoalescer.Admission<String> second = storms.admit("checkout", at(3, 0), "post-2");
        StormCoalescer.Admission<String> third = storms.admit("checkout", at(9, 59), "post-3");

        assertThat(second).isEqualTo(new StormCoalescer.Follow<>("checkout@" + at(0, 0).getEpochSecond(), "lead-1", at(0, 0), 2));
        assertThat(third).isInstanceOfSatisfying(StormCoalescer.Follow.class, f -> {
            assertThat(f.leadRef()).isEqualTo("lead-1");
            assertThat(f.alerts()).isEqualTo(3);
        });
    }

    @Test
    void theWindowIsFixedFromTheLeadSoAnEndlessStormGetsAFreshInvestigationEveryWindow() {
        int leads = 0;
        for (int s = 0; s < 35 * 60; s += 30) {
            clock.set(at(0, s));
            if (storms.admit("checkout", at(0, s), "post-" + s) instanceof StormCoalescer.Lead) {
                leads++;
            }
        }
        // 35 minutes of alerts every 30 s: leads at 0, 10, 20 and 30 minutes.
        assertThat(leads).isEqualTo(4);
    }

    @Test
    void differentServicesStormSeparately() {
        storms.admit("checkout", at(0, 0), "c");

        assertThat(storms.admit("search", at(0, 5), "s")).isInstanceOf(StormCoalescer.Lead.class);
        assertThat(storms.admit("search", at(0, 6), "s2")).isInstanceOfSatisfying(StormCoalescer.Follow.class,
                f -> assertThat(f.leadRef()).isEqualTo("s"));
    }

    @Test
    void aLateArrivingEarlierAlertJoinsTheNearestStorm() {
        storms.admit("checkout", at(0, 0), "first");
        storms.admit("checkout", at(10, 0), "second");

        StormCoalescer.Admission<String> late = storms.admit("checkout", at(9, 0), "late");

        assertThat(late).isInstanceOfSatisfying(StormCoalescer.Follow.class, f -> assertThat(f.leadRef()).isEqualTo("second"));
    }

    @Test
    void joinNeverStartsAStorm() {
        assertThat(storms.join("checkout", at(0, 0))).isEmpty();
        assertThat(storms.size()).isZero();
    }

    @Test
    void oldStormsAreDroppedAndTheCountIsBounded() {
        storms.admit("checkout", at(0, 0), "old");
        clock.set(at(75, 0));
        storms.admit("search", at(75, 0), "new");

        assertThat(storms.size()).isEqualTo(1);
        assertThat(storms.join("checkout", at(5, 0))).isEmpty();

        StormCoalescer<String> small = new StormCoalescer<>(clock, Duration.ofMinutes(10), 2);
        small.admit("a", at(75, 0), "a");
        small.admit("b", at(75, 1), "b");
        small.admit("c", at(75, 2), "c");
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.join("a", at(75, 0))).isEmpty();
        assertThat(small.join("c", at(75, 2))).isPresent();
    }

    @Test
    void aZeroWindowIsRejected() {
        assertThatThrownBy(() -> new StormCoalescer<String>(clock, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
