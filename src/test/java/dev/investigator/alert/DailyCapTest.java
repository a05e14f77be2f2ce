package dev.investigator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DailyCapTest {

    // 23:50 in Tokyo.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-14T14:50:00Z"));
    private final DailyCap cap = new DailyCap(clock, ZoneId.of("Asia/Tokyo"));

    @Test
    void allowsUpToTheCapThenSaysSoOnceThenStaysQuiet() {
        assertThat(cap.take("C1", 2)).isEqualTo(DailyCap.Outcome.ALLOWED);
        assertThat(cap.take("C1", 2)).isEqualTo(DailyCap.Outcome.ALLOWED);
        assertThat(cap.take("C1", 2)).isEqualTo(DailyCap.Outcome.REACHED);
        assertThat(cap.take("C1", 2)).isEqualTo(DailyCap.Outcome.EXHAUSTED);
        assertThat(cap.used("C1")).isEqualTo(2);
    }

    @Test
    void channelsHaveTheirOwnAllowance() {
        cap.take("C1", 1);

        assertThat(cap.take("C2", 1)).isEqualTo(DailyCap.Outcome.ALLOWED);
    }

    @Test
    void theAllowanceComesBackAtLocalMidnightNotUtcMidnight() {
        cap.take("C1", 1);
        cap.take("C1", 1);

        clock.advance(Duration.ofMinutes(9));   // 23:59 Tokyo
        assertThat(cap.take("C1", 1)).isEqualTo(DailyCap.Outcome.EXHAUSTED);
        clock.advance(Duration.ofMinutes(2));   // 00:01 Tokyo, still 15:01 UTC the same UTC day
        assertThat(cap.take("C1", 1)).isEqualTo(DailyCap.Outcome.ALLOWED);
        assertThat(cap.take("C1", 1)).isEqualTo(DailyCap.Outcome.REACHED);
    }
}
