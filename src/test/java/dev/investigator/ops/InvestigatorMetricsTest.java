package dev.investigator.ops;

import static dev.investigator.ops.OpsFixtures.failed;
import static dev.investigator.ops.OpsFixtures.found;
import static dev.investigator.ops.OpsFixtures.investigation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.investigator.model.GapReason;
import dev.investigator.model.SourceKind;
import dev.investigator.model.Verdict;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InvestigatorMetricsTest {

    private final InvestigatorMetrics metrics = new InvestigatorMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), new MockClock()));

    private PrometheusText scrape() {
        return PrometheusText.parse(metrics.scrape());
    }

    @Test
    void commandsAreCountedByKindAndEveryKnownKindStartsAtZero() {
        metrics.commandReceived("slash");
        metrics.commandReceived("slash");
        metrics.commandReceived("alert");

        PrometheusText text = scrape();
        assertThat(text.type("investigator_commands_total")).isEqualTo("counter");
        assertThat(text.get("investigator_commands_total", "kind", "slash")).isEqualTo(2.0);
        assertThat(text.get("investigator_commands_total", "kind", "alert")).isEqualTo(1.0);
        assertThat(text.get("investigator_commands_total", "kind", "action")).isZero();
        assertThat(text.get("investigator_commands_total", "kind", "daily")).isZero();
        assertThat(text.get("investigator_commands_total", "kind", "cli")).isZero();
    }

    @Test
    void userTextAsAKindIsCountedAsOtherSoSeriesStayBounded() {
        for (int i = 0; i < 500; i++) {
            metrics.commandReceived("/investigate checkout " + i);
        }
        metrics.commandReceived(null);
        metrics.commandReceived("SLASH");

        PrometheusText text = scrape();
        assertThat(text.get("investigator_commands_total", "kind", "other")).isEqualTo(502.0);
        assertThat(text.seriesOf("investigator_commands_total")).isEqualTo(6);
    }

    @Test
    void ackLatencyPublishesP50AndP99AndAHistogram() {
        for (int ms = 1; ms <= 100; ms++) {
            metrics.acked(Duration.ofMillis(ms));
        }

        PrometheusText text = scrape();
        assertThat(text.type("investigator_ack_seconds")).isEqualTo("summary");
        assertThat(text.get("investigator_ack_seconds_count")).isEqualTo(100.0);
        assertThat(text.get("investigator_ack_seconds_sum")).isCloseTo(5.05, within(1e-9));
        assertThat(text.get("investigator_ack_seconds_max")).isCloseTo(0.100, within(1e-9));
        // Micrometer's percentiles come from a bucketed histogram: close, not exact.
        assertThat(text.get("investigator_ack_seconds", "quantile", "0.5")).isCloseTo(0.050, within(0.003));
        assertThat(text.get("investigator_ack_seconds", "quantile", "0.99")).isCloseTo(0.100, within(0.003));

        assertThat(text.type("investigator_ack_histogram_seconds")).isEqualTo("histogram");
        assertThat(text.get("investigator_ack_histogram_seconds_count")).isEqualTo(100.0);
        assertThat(text.get("investigator_ack_histogram_seconds_bucket", "le", "+Inf")).isEqualTo(100.0);
        Map<Double, Double> buckets = text.samples().entrySet().stream()
                .filter(e -> e.getKey().startsWith("investigator_ack_histogram_seconds_bucket{le=\"")
                        && !e.getKey().contains("+Inf"))
                .collect(Collectors.toMap(e -> le(e.getKey()), Map.Entry::getValue));
        assertThat(buckets).isNotEmpty();
        assertThat(buckets.keySet().stream().mapToDouble(Double::doubleValue).max().orElseThrow())
                .as("largest finite bucket").isEqualTo(10.0);
        // Cumulative: at 10 ms about a tenth of the acks, at 100 ms and above all of them.
        buckets.forEach((le, count) -> {
            if (le >= 0.1) {
                assertThat(count).as("bucket le=%s", le).isEqualTo(100.0);
            }
            if (le < 0.001) {
                assertThat(count).as("bucket le=%s", le).isZero();
            }
        });
        double atTenMs = buckets.entrySet().stream().filter(e -> e.getKey() >= 0.010)
                .min(Map.Entry.comparingByKey()).orElseThrow().getValue();
        assertThat(atTenMs).isBetween(10.0, 12.0);
    }

    @Test
    void aNegativeAckLatencyFromAClockStepCountsAsZero() {
        metrics.acked(Duration.ofMillis(-5));

        PrometheusText text = scrape();
        assertThat(text.get("investigator_ack_seconds_count")).isEqualTo(1.0);
        assertThat(text.get("investigator_ack_seconds_sum")).isZero();
    }

    @Test
    void aFinishedInvestigationRecordsItsTimeAndEachSourcesTimeCallsAndGaps() {
        metrics.investigationFinished(investigation(Verdict.INCIDENT, Duration.ofMillis(7_000),
                found(SourceKind.DATADOG, Duration.ofMillis(1_500), 3),
                failed(SourceKind.SENTRY, GapReason.AUTH_REJECTED, 401, Duration.ofMillis(200), 1),
                failed(SourceKind.XRAY, GapReason.RATE_LIMITED, 429, Duration.ofMillis(4_000), 5)));

        PrometheusText text = scrape();
        assertThat(text.type("investigator_investigation_seconds")).isEqualTo("histogram");
        assertThat(text.get("investigator_investigation_seconds_count", "verdict", "incident")).isEqualTo(1.0);
        assertThat(text.get("investigator_investigation_seconds_sum", "verdict", "incident")).isEqualTo(7.0);
        assertThat(text.get("investigator_investigation_seconds_bucket", "verdict", "incident", "le", "5.0")).isZero();
        assertThat(text.get("investigator_investigation_seconds_bucket", "verdict", "incident", "le", "10.0")).isEqualTo(1.0);

        assertThat(text.get("investigator_source_seconds_count", "source", "datadog")).isEqualTo(1.0);
        assertThat(text.get("investigator_source_seconds_sum", "source", "datadog")).isEqualTo(1.5);
        assertThat(text.get("investigator_source_seconds_sum", "source", "sentry")).isEqualTo(0.2);
        assertThat(text.get("investigator_source_seconds_sum", "source", "xray")).isEqualTo(4.0);

        assertThat(text.type("investigator_source_calls_total")).isEqualTo("counter");
        assertThat(text.get("investigator_source_calls_total", "source", "datadog")).isEqualTo(3.0);
        assertThat(text.get("investigator_source_calls_total", "source", "sentry")).isEqualTo(1.0);
        assertThat(text.get("investigator_source_calls_total", "source", "xray")).isEqualTo(5.0);

        assertThat(text.get("investigator_source_failures_total", "source", "sentry", "reason", "auth_rejected")).isEqualTo(1.0);
        assertThat(text.get("investigator_source_failures_total", "source", "xray", "reason", "rate_limited")).isEqualTo(1.0);
        assertThat(text.seriesOf("investigator_source_failures_total")).as("datadog found its evidence").isEqualTo(2);
    }

    @Test
    void failuresAccumulatePerSourceAndReasonAcrossInvestigations() {
        metrics.investigationFinished(investigation(Verdict.DEGRADED, Duration.ofSeconds(3),
                failed(SourceKind.SENTRY, GapReason.AUTH_REJECTED, 401, Duration.ofMillis(100), 1)));
        metrics.investigationFinished(investigation(Verdict.DEGRADED, Duration.ofSeconds(4),
                failed(SourceKind.SENTRY, GapReason.AUTH_REJECTED, 401, Duration.ofMillis(100), 1)));
        metrics.investigationFinished(investigation(Verdict.UNKNOWN, Duration.ofSeconds(20),
                failed(SourceKind.SENTRY, GapReason.TIMEOUT, 503, Duration.ofSeconds(20), 4)));

        PrometheusText text = scrape();
        assertThat(text.get("investigator_source_failures_total", "source", "sentry", "reason", "auth_rejected")).isEqualTo(2.0);
        assertThat(text.get("investigator_source_failures_total", "source", "sentry", "reason", "timeout")).isEqualTo(1.0);
        assertThat(text.get("investigator_source_calls_total", "source", "sentry")).isEqualTo(6.0);
        assertThat(text.get("investigator_investigation_seconds_count", "verdict", "degraded")).isEqualTo(2.0);
        assertThat(text.get("investigator_investigation_seconds_sum", "verdict", "degraded")).isEqualTo(7.0);
        assertThat(text.get("investigator_investigation_seconds_count", "verdict", "unknown")).isEqualTo(1.0);
        assertThat(text.value("investigator_investigation_seconds_count", "verdict", "healthy")).isEmpty();
    }

    @Test
    void slackCallsAreCountedByMethodAndOutcome() {
        metrics.slackCall("chat.postMessage", "ok");
        metrics.slackCall("chat.postMessage", "ok");
        metrics.slackCall("chat.postMessage", "ratelimited");
        metrics.slackCall("apps.connections.open", "exception");
        metrics.slackCall("chat.update", "error");

        PrometheusText text = scrape();
        assertThat(text.get("investigator_slack_calls_total", "method", "chat.postMessage", "outcome", "ok")).isEqualTo(2.0);
        assertThat(text.get("investigator_slack_calls_total", "method", "chat.postMessage", "outcome", "ratelimited")).isEqualTo(1.0);
        assertThat(text.get("investigator_slack_calls_total", "method", "apps.connections.open", "outcome", "exception")).isEqualTo(1.0);
        assertThat(text.get("investigator_slack_calls_total", "method", "chat.update", "outcome", "error")).isEqualTo(1.0);
        assertThat(text.seriesOf("investigator_slack_calls_total")).isEqualTo(4);
    }

    @Test
    void aSlackMethodOrOutcomeOutsideTheFixedShapesIsCountedAsOther() {
        metrics.slackCall("investigate checkout <@U024BE7LH>", "ok");
        metrics.slackCall("chat.postMessage", "channel_not_found");
        metrics.slackCall(null, null);

        PrometheusText text = scrape();
        assertThat(text.get("investigator_slack_calls_total", "method", "other", "outcome", "ok")).isEqualTo(1.0);
        assertThat(text.get("investigator_slack_calls_total", "method", "chat.postMessage", "outcome", "other")).isEqualTo(1.0);
        assertThat(text.get("investigator_slack_calls_total", "method", "other", "outcome", "other")).isEqualTo(1.0);
    }

    @Test
    void theInFlightGaugeReadsItsSupplierAtEachScrape() {
        AtomicInteger running = new AtomicInteger(3);
        metrics.inFlight(running::get);
        assertThat(scrape().get("investigator_investigations_in_flight")).isEqualTo(3.0);

        running.set(0);
        assertThat(scrape().get("investigator_investigations_in_flight")).isZero();
    }

    @Test
    void theInFlightGaugeIsAbsentUntilWiredAndASecondSupplierReplacesTheFirst() {
        assertThat(scrape().value("investigator_investigations_in_flight")).isEmpty();

        metrics.inFlight(() -> 1);
        metrics.inFlight(() -> 7);

        PrometheusText text = scrape();
        assertThat(text.get("investigator_investigations_in_flight")).isEqualTo(7.0);
        assertThat(text.seriesOf("investigator_investigations_in_flight")).isEqualTo(1);
    }

    @Test
    void aFailingInFlightSupplierDoesNotBreakTheScrape() {
        metrics.inFlight(() -> {
            throw new IllegalStateException("investigator closed");
        });
        metrics.commandReceived("cli");

        PrometheusText text = scrape();
        assertThat(text.get("investigator_investigations_in_flight")).isNaN();
        assertThat(text.get("investigator_commands_total", "kind", "cli")).isEqualTo(1.0);
    }

    @Test
    void createdMetricsCarryTheJvmNumbersToo() {
        InvestigatorMetrics own = InvestigatorMetrics.create();
        own.commandReceived("daily");

        PrometheusText text = PrometheusText.parse(own.scrape());
        assertThat(text.get("investigator_commands_total", "kind", "daily")).isEqualTo(1.0);
        assertThat(text.seriesOf("jvm_memory_used_bytes")).isPositive();
        assertThat(text.seriesOf("jvm_threads_live_threads")).isEqualTo(1);
        assertThat(text.get("process_uptime_seconds")).isPositive();
    }

    @Test
    void twoInstancesDoNotShareARegistry() {
        InvestigatorMetrics a = InvestigatorMetrics.create();
        InvestigatorMetrics b = InvestigatorMetrics.create();
        a.commandReceived("slash");

        assertThat(PrometheusText.parse(a.scrape()).get("investigator_commands_total", "kind", "slash")).isEqualTo(1.0);
        assertThat(PrometheusText.parse(b.scrape()).get("investigator_commands_total", "kind", "slash")).isZero();
    }

    private static double le(String key) {
        int start = key.indexOf("le=\"") + 4;
        return Double.parseDouble(key.substring(start, key.indexOf('"', start)));
    }
}
