package dev.investigator.source.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadog.api.client.v2.model.TimeseriesFormulaRequestAttributes;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimeseriesPlanTest {

    @ParameterizedTest
    @CsvSource({
        "PT5M,  60",
        "PT30M, 60",
        "PT1H,  60",
        "PT2H,  120",
        "PT6H,  300",
        "PT12H, 600",
        "P1D,   900",
        "P7D,   7200",
        "P30D,  43200",
    })
    void picksANiceStepGivingSixtyToOneHundredTwentyPoints(Duration window, long stepSeconds) {
        Duration step = TimeseriesPlan.interval(window);
        assertThat(step).isEqualTo(Duration.ofSeconds(stepSeconds));
        if (window.compareTo(Duration.ofHours(1)) >= 0) {
            assertThat(window.getSeconds() / step.getSeconds()).isBetween(60L, 120L);
        }
    }

    @Test
    void laysOutEveryMetricThenItsBaselines() {
        TimeseriesPlan plan = TimeseriesPlan.of(Checkout.service("", "").datadog(), Checkout.WINDOW);

        assertThat(plan.formulaCount()).isEqualTo(12);
        assertThat(plan.slot(0)).isEqualTo(new TimeseriesPlan.Slot(0, -1));
        assertThat(plan.slot(2)).isEqualTo(new TimeseriesPlan.Slot(0, 1));
        assertThat(plan.slot(6)).isEqualTo(new TimeseriesPlan.Slot(2, -1));
        assertThat(plan.slot(11)).isEqualTo(new TimeseriesPlan.Slot(3, 1));
        assertThat(plan.formulas().get(7)).isEqualTo("100 * timeshift(errors, -86400) / timeshift(requests, -86400)");
    }

    @Test
    void requestCarriesTheWindowInMillisecondsAndOnlyQueryMetricsAsQueries() {
        TimeseriesFormulaRequestAttributes attributes = TimeseriesPlan.of(Checkout.service("", "").datadog(), Checkout.WINDOW)
                .request().getData().getAttributes();

        assertThat(attributes.getFrom()).isEqualTo(Instant.parse("2026-11-20T05:00:00Z").toEpochMilli());
        assertThat(attributes.getTo()).isEqualTo(Instant.parse("2026-11-20T05:05:00Z").toEpochMilli());
        assertThat(attributes.getInterval()).isEqualTo(60_000L);
        assertThat(attributes.getQueries()).hasSize(3);
        assertThat(attributes.getQueries()).extracting(q -> q.getMetricsTimeseriesQuery().getName())
                .containsExactly("requests", "errors", "latency_p95");
        assertThat(attributes.getFormulas()).hasSize(12);
    }

    @Test
    void aServiceWithoutBaselinesAsksForTheMetricsAlone() {
        var datadog = Checkout.service("", "").datadog();
        var noBaselines = new dev.investigator.model.ServiceDefinition.Datadog(true, datadog.metrics(), java.util.List.of(), "", "",
                java.util.Map.of());
        TimeseriesPlan plan = TimeseriesPlan.of(noBaselines, new TimeWindow(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofHours(2))));

        assertThat(plan.formulas()).containsExactly("requests", "errors", "100 * errors / requests", "latency_p95");
        assertThat(plan.interval()).isEqualTo(Duration.ofMinutes(2));
    }
}
