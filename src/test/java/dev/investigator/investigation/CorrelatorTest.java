package dev.investigator.investigation;

import static dev.investigator.investigation.Series.flat;
import static dev.investigator.investigation.Series.minute;
import static dev.investigator.investigation.Series.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.CauseKind;
import dev.investigator.model.ChangeEvent;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Evidence;
import dev.investigator.model.Finding;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.KeyNumber;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.Origin;
import dev.investigator.model.RootCause;
import dev.investigator.model.Severity;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.TraceStats;
import dev.investigator.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CorrelatorTest {

    private static final InvestigationQuery QUERY = new InvestigationQuery("inv-1", TestServices.service("checkout"),
            new TimeWindow(Series.START, minute(30)), Origin.COMMAND_LINE);

    private final Correlator correlator = new Correlator(new ChangePointDetector());

    // ---- evidence builders ----

    private static SourceReport metrics(List<MetricSeries> series, List<ChangeEvent> changes) {
        return SourceReport.found(SourceKind.DATADOG, new Evidence.Metrics(series, changes), Duration.ofMillis(5), 2, "https://dd");
    }

    private static List<MetricSeries> golden(double reqBefore, double reqAfter, double ratePct, double rateAfter,
            double p95Before, double p95After, int at) {
        return List.of(
                Series.of("requests", MetricRole.REQUESTS, MetricUnit.COUNT, step(reqBefore, reqAfter, at), flat(reqBefore)),
                Series.of("error_rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, step(ratePct, rateAfter, at), flat(ratePct)),
                Series.of("latency_p95", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, step(p95Before, p95After, at), flat(p95Before)));
    }

    private static SourceReport errors(ErrorIssue... issues) {
        return SourceReport.found(SourceKind.SENTRY, new Evidence.Errors(List.of(issues), false), Duration.ofMillis(5), 2, "https://sentry");
    }

    private static ErrorIssue issue(String shortId, int firstSeenMinute, IssueFlag... flags) {
        Instant first = firstSeenMinute < 0 ? Series.START.minus(Duration.ofDays(20)) : minute(firstSeenMinute);
        return new ErrorIssue("id-" + shortId, shortId, "Boom", "checkout.x", "error", "checkout", first, minute(29),
                400, 2, 80, Set.of(flags), "", "https://sentry/" + shortId);
    }

    private static SourceReport traces(long traces, long faults, Optional<Instant> onset, List<RootCause> roots) {
        TraceStats stats = new TraceStats(traces, faults, 0, 0, 250, false, onset, roots, List.of(), List.of(), List.of());
        return SourceReport.found(SourceKind.XRAY, new Evidence.Traces(stats), Duration.ofMillis(5), 3, "https://xray");
    }

    private static SourceReport quietTraces() {
        return traces(300, 0, Optional.empty(), List.of());
    }

    private static SourceReport gap(SourceKind kind) {
        return SourceReport.failed(Gap.http(kind, GapReason.AUTH_REJECTED, 401, "HTTP 401"), Duration.ZERO, 1, "");
    }

    private static ChangeEvent deploy(int minute) {
        return new ChangeEvent(minute(minute), "Deployed checkout v2.14.0", "deploy", "https://dd/event/1");
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("downstream failure", List.of(
                        metrics(golden(1000, 1000, 0.3, 6.5, 120, 240, 18), List.of()),
                        errors(issue("CHECKOUT-1F3", 19, IssueFlag.NEW), issue("CHECKOUT-9", -1)),
                        traces(300, 60, Optional.of(minute(18)), List.of(new RootCause("payment-gateway", "ConnectTimeoutException", 50, 0.83)))),
                        Verdict.INCIDENT, CauseKind.DOWNSTREAM_FAILURE, Finding.DownstreamFailure.class),
                Arguments.of("latency after a deploy", List.of(
                        metrics(golden(1000, 1000, 0.3, 0.3, 120, 420, 18), List.of(deploy(16))),
                        errors(issue("SEARCH-2", -1)), quietTraces()),
                        Verdict.INCIDENT, CauseKind.DEPLOYMENT, Finding.Deployment.class),
                Arguments.of("deploy an hour before is not the cause", List.of(
                        metrics(golden(1000, 1000, 0.3, 0.3, 120, 420, 18), List.of(new ChangeEvent(Series.START.minus(Duration.ofMinutes(25)), "old", "deploy", ""))),
                        errors(), quietTraces()),
                        Verdict.INCIDENT, CauseKind.UNEXPLAINED, Finding.MetricShift.class),
                Arguments.of("new error in own code", List.of(
                        metrics(golden(1000, 1000, 0.3, 3.0, 120, 130, 20), List.of()),
                        errors(issue("CHECKOUT-77", 19, IssueFlag.NEW)), quietTraces()),
                        Verdict.DEGRADED, CauseKind.NEW_ERROR, Finding.IssueSurfaced.class),
                Arguments.of("traffic surge", List.of(
                        metrics(golden(1000, 4000, 0.2, 1.5, 120, 195, 18), List.of()),
                        errors(issue("CATALOG-3", -1, IssueFlag.SPIKING)), quietTraces()),
                        Verdict.INCIDENT, CauseKind.TRAFFIC_SURGE, Finding.MetricShift.class),
                Arguments.of("healthy, with old issues and a spiking one", List.of(
                        metrics(golden(1000, 1000, 0.3, 0.3, 120, 120, 0), List.of()),
                        errors(issue("PAY-1", -1), issue("PAY-2", -1)), quietTraces()),
                        Verdict.HEALTHY, null, null),
                Arguments.of("healthy even with a deploy", List.of(
                        metrics(golden(1000, 1000, 0.3, 0.3, 120, 120, 0), List.of(deploy(5))),
                        errors(), quietTraces()),
                        Verdict.HEALTHY, null, null),
                Arguments.of("every source failed", List.of(gap(SourceKind.DATADOG), gap(SourceKind.SENTRY), gap(SourceKind.XRAY)),
                        Verdict.UNKNOWN, null, null),
                Arguments.of("only X-Ray answered, faults from downstream", List.of(
                        gap(SourceKind.DATADOG), gap(SourceKind.SENTRY),
                        traces(200, 30, Optional.of(minute(10)), List.of(new RootCause("payment-gateway", "Timeout", 30, 1.0)))),
                        Verdict.INCIDENT, CauseKind.DOWNSTREAM_FAILURE, Finding.DownstreamFailure.class),
                Arguments.of("two stray faults from a dependency during a surge are not its failure", List.of(
                        metrics(golden(1000, 4000, 0.2, 1.5, 120, 195, 18), List.of()), errors(),
                        traces(419, 2, Optional.empty(), List.of(new RootCause("catalog-items", "ThroughputExceeded", 2, 1.0)))),
                        Verdict.INCIDENT, CauseKind.TRAFFIC_SURGE, Finding.MetricShift.class),
                Arguments.of("the service's own faults are not a downstream cause", List.of(
                        metrics(golden(1000, 1000, 0.3, 6, 120, 120, 15), List.of()), errors(),
                        traces(300, 40, Optional.of(minute(15)), List.of(new RootCause("checkout", "NullPointerException", 40, 1.0)))),
                        Verdict.INCIDENT, CauseKind.UNEXPLAINED, Finding.MetricShift.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void namesTheVerdictAndTheMostLikelyCause(String name, List<SourceReport> reports, Verdict verdict,
            CauseKind cause, Class<? extends Finding> rootType) {
        Investigation inv = correlator.correlate(QUERY, reports, Duration.ofMillis(600));
        assertThat(inv.verdict()).isEqualTo(verdict);
        if (cause == null) {
            assertThat(inv.cause()).isEmpty();
        } else {
            assertThat(inv.cause()).hasValueSatisfying(c -> {
                assertThat(c.kind()).isEqualTo(cause);
                assertThat(c.rootCause()).isInstanceOf(rootType);
                assertThat(c.support()).contains(c.rootCause());
                c.support().forEach(f -> assertThat(f.at()).isNotNull());
            });
        }
        assertThat(inv.reports()).isEqualTo(reports);
        assertThat(inv.timeline()).isSortedAccordingTo(java.util.Comparator.comparing(Finding::at));
    }

    @Test
    void theDownstreamChainRunsRootCauseThenFirstSymptomThenImpact() {
        Investigation inv = correlator.correlate(QUERY, List.of(
                metrics(golden(1000, 1000, 0.3, 6.5, 120, 240, 18), List.of()),
                errors(issue("CHECKOUT-1F3", 17, IssueFlag.NEW)),
                traces(300, 60, Optional.of(minute(18)), List.of(new RootCause("payment-gateway", "ConnectTimeoutException", 50, 0.83)))),
                Duration.ofMillis(600));
        var cause = inv.cause().orElseThrow();
        assertThat(cause.rootCause()).isInstanceOfSatisfying(Finding.DownstreamFailure.class, d -> {
            assertThat(d.service()).isEqualTo("payment-gateway");
            assertThat(d.share()).isEqualTo(0.83);
            assertThat(d.link()).isEqualTo("https://xray");
        });
        // the Sentry issue (14:17) came before the metrics and traces (14:18)
        assertThat(cause.firstSymptom()).hasValueSatisfying(f -> assertThat(f).isInstanceOf(Finding.IssueSurfaced.class));
        assertThat(cause.impact()).hasValueSatisfying(f -> assertThat(f).isInstanceOfSatisfying(Finding.MetricShift.class,
                m -> assertThat(m.role()).isEqualTo(MetricRole.ERROR_RATE)));
    }

    @Test
    void keyNumbersCompareTheWindowWithItsBaseline() {
        Investigation inv = correlator.correlate(QUERY, List.of(
                metrics(golden(1000, 1000, 0.3, 6.5, 120, 240, 18), List.of()), errors(), quietTraces()), Duration.ZERO);
        assertThat(inv.keyNumbers()).extracting(KeyNumber::role)
                .containsExactly(MetricRole.REQUESTS, MetricRole.ERROR_RATE, MetricRole.LATENCY_P95);
        KeyNumber rate = inv.keyNumbers().get(1);
        assertThat(rate.severity()).isEqualTo(Severity.CRIT);
        assertThat(rate.baseline()).isPresent();
        assertThat(rate.ratio().orElseThrow()).isGreaterThan(15);
        KeyNumber requests = inv.keyNumbers().get(0);
        assertThat(requests.severity()).isEqualTo(Severity.OK);
        assertThat(requests.observed()).isBetween(29_000.0, 31_000.0);
    }

    @Test
    void anErrorRateOnAHandfulOfRequestsIsNotAnIncident() {
        List<MetricSeries> tiny = List.of(
                Series.of("requests", MetricRole.REQUESTS, MetricUnit.COUNT, flat(1), flat(1)),
                Series.of("error_rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, flat(10), flat(10)));
        Investigation inv = correlator.correlate(QUERY, List.of(metrics(tiny, List.of())), Duration.ZERO);
        assertThat(inv.verdict()).isEqualTo(Verdict.HEALTHY);
    }

    @Test
    void gapsAreCarriedThroughAndDoNotSinkTheRest() {
        List<SourceReport> reports = new ArrayList<>(List.of(
                metrics(golden(1000, 1000, 0.3, 6.5, 120, 240, 18), List.of()), gap(SourceKind.SENTRY), gap(SourceKind.XRAY)));
        Investigation inv = correlator.correlate(QUERY, reports, Duration.ZERO);
        assertThat(inv.verdict()).isEqualTo(Verdict.INCIDENT);
        assertThat(inv.gaps()).extracting(Gap::source).containsExactly(SourceKind.SENTRY, SourceKind.XRAY);
        assertThat(inv.cause()).hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(CauseKind.UNEXPLAINED));
    }
}
