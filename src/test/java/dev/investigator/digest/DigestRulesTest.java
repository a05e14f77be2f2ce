package dev.investigator.digest;

import static dev.investigator.digest.DigestTestData.issue;
import static dev.investigator.digest.DigestTestData.monitor;
import static dev.investigator.digest.DigestTestData.reading;
import static dev.investigator.digest.DigestTestData.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.Severity;
import dev.investigator.model.SourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The flagging rules, table by table, with the default thresholds (surge ×2, drop ×0.5, error rate 1% / 5%,
 * p95 ×1.5 / ×3, 50 requests). "NaN" in a table is "no data"; "-" is "no flag".
 */
class DigestRulesTest {

    private static final ServiceDefinition.Thresholds DEFAULTS = ServiceDefinition.Thresholds.defaults();

    private static void assertFlag(Optional<DigestFlag> flag, DigestFlag.Kind kind, String severity, double ratio) {
        if (severity.equals("-")) {
            assertThat(flag).isEmpty();
            return;
        }
        assertThat(flag).hasValueSatisfying(f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.severity()).isEqualTo(Severity.valueOf(severity));
            if (Double.isNaN(ratio)) {
                assertThat(f.ratio()).isEmpty();
            } else if (Double.isInfinite(ratio)) {
                assertThat(f.ratio().getAsDouble()).isInfinite();
            } else {
                assertThat(f.ratio().getAsDouble()).isCloseTo(ratio, within(0.001));
            }
        });
    }

    @Nested
    class Traffic {

        @ParameterizedTest(name = "{0} vs {1} / {2} -> {3} {4}")
        @CsvSource({
            // current, last week, 7-day median, kind, severity, ratio
            "100000, 100000, 100000, -,             -,    NaN",
            "200000, 100000, 100000, TRAFFIC_SURGE, WARN, 2.0",    // at the threshold
            "250000, 100000, 100000, TRAFFIC_SURGE, WARN, 2.5",
            "250000, 100000, 150000, -,             -,    NaN",    // ×1.67 against the median: not against both
            "250000, 150000, 100000, -,             -,    NaN",    // ×1.67 against last week: not against both
            "450000, 100000, 100000, TRAFFIC_SURGE, CRIT, 4.5",    // the surge ratio squared
            "450000, 100000, 200000, TRAFFIC_SURGE, WARN, 2.25",   // reported against the nearer baseline
            "250000, NaN,    100000, TRAFFIC_SURGE, WARN, 2.5",    // one baseline missing: the other decides
            "500,    0,      0,      TRAFFIC_SURGE, WARN, Infinity", // from nothing: no ratio to grade
            "40,     10,     10,     -,             -,    NaN",    // a surge below minRequests is noise
            "40000,  100000, 100000, TRAFFIC_DROP,  WARN, 0.4",
            "50000,  100000, 100000, TRAFFIC_DROP,  WARN, 0.5",    // at the threshold
            "20000,  100000, 100000, TRAFFIC_DROP,  CRIT, 0.2",    // the drop ratio squared
            "0,      100000, 100000, TRAFFIC_DROP,  CRIT, 0.0",
            "40000,  100000, 50000,  -,             -,    NaN",    // ×0.8 against the median
            "40000,  NaN,    100000, TRAFFIC_DROP,  WARN, 0.4",
            "10,     60,     60,     TRAFFIC_DROP,  CRIT, 0.1667",
            "20,     40,     40,     -,             -,    NaN",    // baselines below minRequests
            "20,     40,     400,    -,             -,    NaN",    // the smaller baseline below minRequests
            "NaN,    100000, 100000, TRAFFIC_DROP,  WARN, NaN",    // no data where there was traffic
            "NaN,    10,     10,     -,             -,    NaN",
            "100,    NaN,    NaN,    -,             -,    NaN",    // no baseline, nothing to compare
        })
        void againstBothBaselines(double current, double lastWeek, double median, String kind, String severity, double ratio) {
            Optional<DigestFlag> flag = DigestRules.traffic(reading(Vital.REQUESTS, current, lastWeek, median), DEFAULTS);
            assertFlag(flag, kind.equals("-") ? null : DigestFlag.Kind.valueOf(kind), severity, ratio);
        }

        @Test
        void thresholdsComeFromTheService() {
            ServiceDefinition.Thresholds touchy = new ServiceDefinition.Thresholds(1, 5, 1.5, 3, 1.2, 0.9, 0.01, 0.05, 50);
            VitalReading up = reading(Vital.REQUESTS, 130_000, 100_000, 100_000);
            assertThat(DigestRules.traffic(up, DEFAULTS)).isEmpty();
            assertFlag(DigestRules.traffic(up, touchy), DigestFlag.Kind.TRAFFIC_SURGE, "WARN", 1.3);
        }
    }

    @Nested
    class ErrorRate {

        @ParameterizedTest(name = "{0}% vs {1}% / {2}% -> {3}")
        @CsvSource({
            // current %, last week %, median %, severity, ratio
            "0.5, 0.1, 0.1, -,    NaN",    // below the warning level, however far up
            "1.5, 0.2, 0.2, WARN, 7.5",
            "1.0, 0.5, 0.5, WARN, 2.0",    // at both thresholds
            "1.5, 1.0, 1.0, -,    NaN",    // above warning but only ×1.5: the usual level of this service
            "1.5, 0.2, 1.0, -,    NaN",    // up against last week, not against the median
            "6.0, 0.3, 0.3, CRIT, 20.0",
            "6.0, 0.3, 4.0, WARN, 1.5",    // critical but not up: chronic, still seen
            "6.0, 5.5, 5.5, WARN, 1.0909",
            "2.0, NaN, NaN, WARN, NaN",    // no baseline: nothing says it is usual
            "2.0, 0.0, 0.0, WARN, Infinity",
            "NaN, 0.2, 0.2, -,    NaN",
        })
        void aboveTheLevelAndMarkedlyUp(double current, double lastWeek, double median, String severity, double ratio) {
            assertFlag(DigestRules.errorRate(reading(Vital.ERROR_RATE, current, lastWeek, median), DEFAULTS),
                    DigestFlag.Kind.ERROR_RATE, severity, ratio);
        }
    }

    @Nested
    class Latency {

        @ParameterizedTest(name = "{0} ms vs {1} / {2} -> {3}")
        @CsvSource({
            "180, 175, 175, -,    NaN",
            "300, 180, 180, WARN, 1.6667",
            "270, 180, 180, WARN, 1.5",
            "600, 180, 180, CRIT, 3.3333",
            "540, 180, 180, CRIT, 3.0",
            "300, 180, 250, -,    NaN",    // ×1.2 against the median
            "600, 100, 250, WARN, 2.4",    // reported against the nearer baseline
            "300, NaN, NaN, -,    NaN",
            "300, 0,   0,   -,    NaN",
            "NaN, 180, 180, -,    NaN",
        })
        void p95AgainstBothBaselines(double current, double lastWeek, double median, String severity, double ratio) {
            assertFlag(DigestRules.latency(reading(Vital.P95_LATENCY, current, lastWeek, median), DEFAULTS),
                    DigestFlag.Kind.LATENCY, severity, ratio);
        }
    }

    @Nested
    class NewIssues {

        @ParameterizedTest(name = "{0} -> {1} {2}")
        @CsvSource({
            "warning,             -,    0",
            "info;debug,          -,    0",
            "error,               WARN, 1",
            "warning;error;info,  WARN, 3",
            "fatal;error,         CRIT, 2",
            "'',                  WARN, 1",   // a level we do not know is treated as an error
        })
        void anErrorFirstSeenInThePeriodIsAtLeastWarn(String levels, String severity, int count) {
            List<dev.investigator.model.ErrorIssue> issues = java.util.Arrays.stream(levels.split(";"))
                    .map(level -> issue("CHECKOUT-" + level.length(), "Boom", level, 5))
                    .toList();
            Optional<DigestFlag> flag = DigestRules.newIssues(issues);
            assertFlag(flag, DigestFlag.Kind.NEW_ISSUES, severity, Double.NaN);
            flag.ifPresent(f -> assertThat(f.count()).isEqualTo(count));
        }

        @Test
        void errorsAreListedBeforeWarnings() {
            ServiceDefinition checkout = service("checkout");
            DigestReport sentry = DigestTestData.issuesReport(Map.of("checkout", List.of(
                    issue("CHECKOUT-1", "Slow query", "warning", 3),
                    issue("CHECKOUT-2", "TypeError", "error", 40),
                    issue("CHECKOUT-3", "Deprecated", "info", 1),
                    issue("CHECKOUT-4", "OOM", "fatal", 2))), false);
            ServiceDigest digest = new DigestRules().evaluate(DigestTestData.query(checkout), List.of(sentry)).get(0);
            assertThat(digest.newIssues()).extracting(dev.investigator.model.ErrorIssue::shortId)
                    .containsExactly("CHECKOUT-4", "CHECKOUT-2", "CHECKOUT-1", "CHECKOUT-3");
        }
    }

    @Nested
    class Monitors {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "Alert,   CRIT, 1",
            "Warn,    WARN, 1",
            "No Data, WARN, 1",
            "OK,      -,    0",
            "Warn;Alert;OK, CRIT, 2",
        })
        void byState(String states, String severity, int count) {
            List<ActiveMonitor> monitors = java.util.Arrays.stream(states.split(";"))
                    .map(state -> monitor("m-" + state, "Disk usage", state))
                    .toList();
            Optional<DigestFlag> flag = DigestRules.monitors(monitors);
            assertFlag(flag, DigestFlag.Kind.MONITORS_ALERTING, severity, Double.NaN);
            flag.ifPresent(f -> assertThat(f.count()).isEqualTo(count));
        }

        @Test
        void onlyAlertingMonitorsAreKeptMostSevereFirst() {
            ServiceDefinition checkout = service("checkout");
            DigestReport datadog = DigestTestData.vitalsReport(Map.of("checkout", DigestTestData.steady()), Map.of("checkout", List.of(
                    monitor("1", "CPU high", "Warn"), monitor("2", "Recovered", "OK"), monitor("3", "Disk full", "Alert"))));
            ServiceDigest digest = new DigestRules().evaluate(DigestTestData.query(checkout), List.of(datadog)).get(0);
            assertThat(digest.monitors()).extracting(ActiveMonitor::id).containsExactly("3", "1");
            assertThat(digest.severity()).isEqualTo(Severity.CRIT);
        }
    }

    @Nested
    class LowTraffic {

        @Test
        void belowMinRequestsRatesAndLatencyAreNotJudged() {
            ServiceDefinition admin = service("admin");
            DigestReport datadog = DigestTestData.vitalsReport(Map.of("admin",
                    DigestTestData.vitals(30, 28, 31, 50.0, 0.0, 4000, 200)), Map.of());
            ServiceDigest digest = new DigestRules().evaluate(DigestTestData.query(admin), List.of(datadog)).get(0);
            assertThat(digest.flags()).isEmpty();
            assertThat(digest.healthy()).isTrue();
            assertThat(digest.vitals()).hasSize(3);
        }

        @Test
        void atMinRequestsTheyAre() {
            ServiceDefinition admin = service("admin");
            DigestReport datadog = DigestTestData.vitalsReport(Map.of("admin",
                    DigestTestData.vitals(50, 48, 51, 50.0, 0.0, 4000, 200)), Map.of());
            ServiceDigest digest = new DigestRules().evaluate(DigestTestData.query(admin), List.of(datadog)).get(0);
            assertThat(digest.flags()).extracting(DigestFlag::kind)
                    .containsExactly(DigestFlag.Kind.ERROR_RATE, DigestFlag.Kind.LATENCY);
        }

        @Test
        void withNoRequestCountTheRatesAreStillJudged() {
            ServiceDefinition worker = service("worker");
            DigestReport datadog = DigestTestData.vitalsReport(Map.of("worker", List.of(
                    reading(Vital.ERROR_RATE, 7.0, 0.1, 0.1))), Map.of());
            ServiceDigest digest = new DigestRules().evaluate(DigestTestData.query(worker), List.of(datadog)).get(0);
            assertThat(digest.flags()).extracting(DigestFlag::kind).containsExactly(DigestFlag.Kind.ERROR_RATE);
        }
    }

    @Nested
    class Unavailable {

        @Test
        void aFailedSourceFlagsEveryServiceItShouldHaveCovered() {
            ServiceDefinition checkout = service("checkout");
            ServiceDefinition batch = service("batch", DEFAULTS, true, false, true);
            DigestReport sentryDown = DigestReport.failed(Gap.http(SourceKind.SENTRY, GapReason.AUTH_REJECTED, 401, "HTTP 401"),
                    Duration.ofMillis(300), 1);
            List<ServiceDigest> digests = new DigestRules().evaluate(DigestTestData.query(checkout, batch), List.of(sentryDown));
            ServiceDigest first = digests.get(0);
            assertThat(first.service()).isEqualTo("checkout");
            assertThat(first.unavailable()).containsExactly(SourceKind.SENTRY);
            assertThat(first.flags()).singleElement().satisfies(f -> {
                assertThat(f.kind()).isEqualTo(DigestFlag.Kind.SOURCE_UNAVAILABLE);
                assertThat(f.severity()).isEqualTo(Severity.WARN);
                assertThat(f.count()).isEqualTo(1);
            });
            // batch has no Sentry project: nothing was missed for it
            assertThat(digests.get(1).service()).isEqualTo("batch");
            assertThat(digests.get(1).healthy()).isTrue();
            assertThat(digests.get(1).unavailable()).isEmpty();
        }

        @Test
        void aServiceMissingFromASourceThatAnsweredIsNotAFailure() {
            ServiceDefinition checkout = service("checkout");
            ServiceDefinition search = service("search");
            DigestReport datadog = DigestTestData.vitalsReport(Map.of("checkout", DigestTestData.steady()), Map.of());
            DigestReport sentry = DigestTestData.issuesReport(Map.of(), false);
            List<ServiceDigest> digests = new DigestRules().evaluate(DigestTestData.query(checkout, search), List.of(datadog, sentry));
            assertThat(digests).allSatisfy(d -> {
                assertThat(d.healthy()).isTrue();
                assertThat(d.unavailable()).isEmpty();
            });
            assertThat(digests.get(1).vitals()).isEmpty();
        }

        @Test
        void severalFailedSourcesAreNamedInSourceOrder() {
            ServiceDefinition checkout = service("checkout");
            List<DigestReport> reports = List.of(
                    DigestReport.failed(Gap.of(SourceKind.XRAY, GapReason.TIMEOUT, "no answer"), Duration.ofSeconds(15), 0),
                    DigestReport.failed(Gap.of(SourceKind.DATADOG, GapReason.NETWORK, "refused"), Duration.ZERO, 1));
            ServiceDigest digest = new DigestRules().evaluate(DigestTestData.query(checkout), reports).get(0);
            assertThat(digest.unavailable()).containsExactly(SourceKind.DATADOG, SourceKind.XRAY);
            assertThat(digest.flags()).singleElement().satisfies(f -> assertThat(f.count()).isEqualTo(2));
        }
    }

    @Test
    void servicesAreOrderedMostSevereFirstThenRealProblemsThenCatalogOrder() {
        ServiceDefinition.Thresholds t = DEFAULTS;
        ServiceDefinition quiet = service("quiet", t, true, false, true);
        ServiceDefinition slow = service("slow", t, true, false, true);
        ServiceDefinition unchecked = service("unchecked", t, true, true, true);
        ServiceDefinition erroring = service("erroring", t, true, false, true);
        ServiceDefinition down = service("down", t, true, false, true);
        DigestReport datadog = DigestTestData.vitalsReport(Map.of(
                "quiet", DigestTestData.steady(),
                "slow", DigestTestData.vitals(120_000, 118_000, 121_000, 0.2, 0.2, 400, 180),
                "unchecked", DigestTestData.steady(),
                "erroring", DigestTestData.steady(),
                "down", DigestTestData.vitals(10_000, 118_000, 121_000, 0.2, 0.2, 180, 175)),
                Map.of("erroring", List.of(monitor("7", "Queue depth", "Warn"))));
        // Only "unchecked" has a Sentry project, so only it is touched by Sentry's gap.
        DigestReport sentry = DigestReport.failed(Gap.of(SourceKind.SENTRY, GapReason.TIMEOUT, "no answer"), Duration.ofSeconds(15), 0);
        List<ServiceDigest> digests = new DigestRules().evaluate(
                DigestTestData.query(quiet, slow, unchecked, erroring, down), List.of(datadog, sentry));
        assertThat(digests).extracting(ServiceDigest::service).containsExactly("down", "slow", "erroring", "unchecked", "quiet");
        assertThat(digests).extracting(ServiceDigest::severity)
                .containsExactly(Severity.CRIT, Severity.WARN, Severity.WARN, Severity.WARN, Severity.OK);
    }

    @Test
    void flagsAreOrderedMostSevereFirstThenByKind() {
        ServiceDefinition checkout = service("checkout");
        DigestReport datadog = DigestTestData.vitalsReport(Map.of("checkout",
                DigestTestData.vitals(30_000, 118_000, 121_000, 1.8, 0.2, 190, 175)), Map.of("checkout",
                List.of(monitor("9", "Disk", "Alert"))));
        DigestReport sentry = DigestTestData.issuesReport(Map.of("checkout", List.of(issue("C-1", "Boom", "error", 3))), false);
        ServiceDigest digest = new DigestRules().evaluate(DigestTestData.query(checkout), List.of(datadog, sentry)).get(0);
        assertThat(digest.flags()).extracting(DigestFlag::kind).containsExactly(
                DigestFlag.Kind.MONITORS_ALERTING, DigestFlag.Kind.TRAFFIC_DROP, DigestFlag.Kind.ERROR_RATE, DigestFlag.Kind.NEW_ISSUES);
        assertThat(digest.severity()).isEqualTo(Severity.CRIT);
    }

    @Test
    void aHealthyServiceKeepsItsNumbersAndEndpoints() {
        ServiceDefinition checkout = service("checkout");
        List<VitalReading> shuffled = List.of(
                reading(Vital.P95_LATENCY, 180, 175, 175), reading(Vital.REQUESTS, 120_000, 118_000, 121_000),
                reading(Vital.ERROR_RATE, 0.2, 0.2, 0.2));
        DigestReport datadog = DigestTestData.vitalsReport(Map.of("checkout", shuffled), Map.of());
        DigestReport xray = DigestTestData.endpointsReport(Map.of("checkout", List.of(DigestTestData.endpoint("GET", "/api/cart", 420, 2100))));
        ServiceDigest digest = new DigestRules().evaluate(DigestTestData.query(checkout), List.of(datadog, xray)).get(0);
        assertThat(digest.healthy()).isTrue();
        assertThat(digest.severity()).isEqualTo(Severity.OK);
        assertThat(digest.vitals()).extracting(VitalReading::vital)
                .containsExactly(Vital.REQUESTS, Vital.ERROR_RATE, Vital.P95_LATENCY);
        assertThat(digest.slowEndpoints()).singleElement().satisfies(e -> assertThat(e.url()).isEqualTo("/api/cart"));
    }

    @Test
    void noReportsAtAllLeaveEveryServiceUnflagged() {
        List<ServiceDigest> digests = new DigestRules().evaluate(DigestTestData.query(service("a"), service("b")), List.of());
        assertThat(digests).extracting(ServiceDigest::service).containsExactly("a", "b");
        assertThat(digests).allSatisfy(d -> assertThat(d.healthy()).isTrue());
    }
}
