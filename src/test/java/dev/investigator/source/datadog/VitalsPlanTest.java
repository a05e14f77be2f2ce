package dev.investigator.source.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.TimeWindow;
import dev.investigator.source.ExampleCatalog;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the daily check cuts the eight days into buckets that line up with the period. */
class VitalsPlanTest {

    @Test
    void tenToTenInTokyoIsCutIntoHours() {
        assertThat(interval("2026-11-19T01:00:00Z", "2026-11-20T01:00:00Z")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void midnightToMidnightInTokyoIsCutIntoThreeHours() {
        assertThat(interval("2026-11-18T15:00:00Z", "2026-11-19T15:00:00Z")).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void wholeUtcDaysAreOneBucketEach() {
        assertThat(interval("2026-11-19T00:00:00Z", "2026-11-20T00:00:00Z")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void aWeekendSinceFridaysCheckStillLinesUp() {
        assertThat(interval("2026-11-20T01:00:00Z", "2026-11-23T01:00:00Z")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aCheckAtAnOddMinuteUsesTheLargestStepThatStillFitsTheWindowsAndThePointLimit() {
        assertThat(interval("2026-11-19T01:10:00Z", "2026-11-20T01:10:00Z")).isEqualTo(Duration.ofMinutes(10));
        assertThat(interval("2026-11-19T01:05:00Z", "2026-11-20T01:05:00Z")).as("5 min would be 2,304 points")
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void withoutAFittingStepWholeHoursKeepUnderThePointLimit() {
        assertThat(interval("2026-11-19T01:00:07Z", "2026-11-20T01:00:07Z")).as("seconds never line up").isEqualTo(Duration.ofHours(1));
        assertThat(interval("2026-09-01T01:00:07Z", "2026-11-20T01:00:07Z")).as("~87 days / 1500 points")
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theWindowsAreThePeriodThenTheSevenDaysBeforeMostRecentFirst() {
        TimeWindow period = window("2026-11-19T01:00:00Z", "2026-11-20T01:00:00Z");
        VitalsPlan plan = VitalsPlan.of(ExampleCatalog.digest(period, ExampleCatalog.services("checkout")), 20);

        assertThat(plan.windows()).hasSize(8).first().isEqualTo(period);
        assertThat(plan.windows().get(1)).isEqualTo(period.shiftedBy(Duration.ofDays(-1)));
        assertThat(plan.windows().get(7)).isEqualTo(period.shiftedBy(Duration.ofDays(-7)));
        assertThat(plan.span()).isEqualTo(window("2026-11-12T01:00:00Z", "2026-11-20T01:00:00Z"));
    }

    private static Duration interval(String from, String to) {
        TimeWindow period = window(from, to);
        return VitalsPlan.of(ExampleCatalog.digest(period, ExampleCatalog.services("checkout")), 20).interval();
    }

    private static TimeWindow window(String from, String to) {
        return new TimeWindow(Instant.parse(from), Instant.parse(to));
    }
}
