package dev.investigator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertLedgerTest {

    private static final Instant T0 = Instant.parse("2026-04-14T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final AlertLedger<String> ledger = new AlertLedger<>(clock, 100, Duration.ofHours(48));

    private static Alert alert(AlertVendor vendor, AlertState state, String key, Instant at) {
        return new Alert(vendor, state, AlertSeverity.ERROR, "t", Set.of(), at, Optional.empty(), key, "");
    }

    @Test
    void aRecoveryFindsItsFiringAlertByKeyWithTheDuration() {
        ledger.firing(alert(AlertVendor.DATADOG, AlertState.FIRING, "monitor:1", T0), "checkout", "thread-1");
        ledger.firing(alert(AlertVendor.DATADOG, AlertState.FIRING, "monitor:2", T0.plusSeconds(60)), "checkout", "thread-2");

        AlertLedger.RecoveryMatch<String> match = ledger.recover(
                alert(AlertVendor.DATADOG, AlertState.RECOVERED, "monitor:1", T0.plus(Duration.ofMinutes(42))), Optional.of("checkout"))
                .orElseThrow();

        assertThat(match.leadRef()).isEqualTo("thread-1");
        assertThat(match.duration()).isEqualTo(Duration.ofMinutes(42));
        assertThat(match.service()).isEqualTo("checkout");
    }

    @Test
    void withoutTheKeyTheMostRecentFiringAlertOfTheSameVendorAndServiceMatches() {
        ledger.firing(alert(AlertVendor.GRAFANA, AlertState.FIRING, "a", T0), "checkout", "older");
        ledger.firing(alert(AlertVendor.GRAFANA, AlertState.FIRING, "b", T0.plusSeconds(30)), "checkout", "newer");
        ledger.firing(alert(AlertVendor.DATADOG, AlertState.FIRING, "c", T0.plusSeconds(40)), "checkout", "other-vendor");
        ledger.firing(alert(AlertVendor.GRAFANA, AlertState.FIRING, "d", T0.plusSeconds(50)), "search", "other-service");

        assertThat(ledger.recover(alert(AlertVendor.GRAFANA, AlertState.RECOVERED, "zzz", T0.plusSeconds(90)), Optional.of("checkout")))
                .map(AlertLedger.RecoveryMatch::leadRef).hasValue("newer");
    }

    @Test
    void aMatchIsConsumedAndAnUnknownRecoveryFindsNothing() {
        ledger.firing(alert(AlertVendor.SENTRY, AlertState.FIRING, "issue:1", T0), "checkout", "t");
        Alert recovery = alert(AlertVendor.SENTRY, AlertState.RECOVERED, "issue:1", T0.plusSeconds(10));

        assertThat(ledger.recover(recovery, Optional.empty())).isPresent();
        assertThat(ledger.recover(recovery, Optional.empty())).isEmpty();
        assertThat(ledger.recover(alert(AlertVendor.SENTRY, AlertState.RECOVERED, "issue:9", T0), Optional.empty())).isEmpty();
    }

    @Test
    void aRecoveryStampedBeforeItsAlertLastsZeroNotNegative() {
        ledger.firing(alert(AlertVendor.PAGERDUTY, AlertState.FIRING, "incident:X", T0), "checkout", "t");

        assertThat(ledger.recover(alert(AlertVendor.PAGERDUTY, AlertState.RECOVERED, "incident:X", T0.minusSeconds(5)), Optional.empty())
                .orElseThrow().duration()).isZero();
    }

    @Test
    void entriesExpireWithAgeAndTheOldestGoFirstPastTheSize() {
        ledger.firing(alert(AlertVendor.DATADOG, AlertState.FIRING, "old", T0), "checkout", "t");
        clock.advance(Duration.ofHours(49));
        assertThat(ledger.size()).isZero();

        AlertLedger<String> small = new AlertLedger<>(clock, 2, Duration.ofHours(48));
        small.firing(alert(AlertVendor.DATADOG, AlertState.FIRING, "1", T0), "s", "1");
        small.firing(alert(AlertVendor.DATADOG, AlertState.FIRING, "2", T0), "s", "2");
        small.firing(alert(AlertVendor.DATADOG, AlertState.FIRING, "3", T0), "s", "3");
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.recover(alert(AlertVendor.DATADOG, AlertState.RECOVERED, "1", T0), Optional.empty())).isEmpty();
    }
}
