package dev.investigator.render;

import dev.investigator.model.Baseline;
import dev.investigator.model.Cause;
import dev.investigator.model.CauseKind;
import dev.investigator.model.ChangeEvent;
import dev.investigator.model.DataPoint;
import dev.investigator.model.EndpointStat;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Evidence;
import dev.investigator.model.Finding;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.KeyNumber;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.Origin;
import dev.investigator.model.RootCause;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.ServiceEdge;
import dev.investigator.model.Severity;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.TraceExample;
import dev.investigator.model.TraceStats;
import dev.investigator.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;

/**
 * The investigations the golden files show, built by hand with fixed instants: every case a renderer must get
 * right, from a clear downstream incident to a report where every source failed.
 */
final class Fixtures {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 14:00 JST. */
    static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");
    static final TimeWindow WINDOW = TimeWindow.ending(T0.plus(Duration.ofMinutes(30)), Duration.ofMinutes(30));
    static final List<Duration> BASELINES = List.of(Duration.ofDays(1), Duration.ofDays(7));

    private Fixtures() {
    }

    /** Every golden case by name, in a stable order. */
    static Map<String, Supplier<Investigation>> cases() {
        Map<String, Supplier<Investigation>> cases = new LinkedHashMap<>();
        cases.put("incident_downstream", Fixtures::incidentDownstream);
        cases.put("latency_after_deploy", Fixtures::latencyAfterDeploy);
        cases.put("traffic_surge", Fixtures::trafficSurge);
        cases.put("healthy", Fixtures::healthy);
        cases.put("all_failed", Fixtures::allFailed);
        cases.put("partial", Fixtures::partial);
        cases.put("huge", Fixtures::huge);
        return cases;
    }

    // ---------------------------------------------------------------- cases

    /** checkout fails because payment-gateway times out: X-Ray names it, Sentry saw it first, error rate ×21. */
    static Investigation incidentDownstream() {
        InvestigationQuery query = query("inv-7f3a", "checkout", "prod", WINDOW, Origin.SLASH_COMMAND);
        Instant onset = at(3);
        List<MetricSeries> series = List.of(
                series("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, m -> 410 + (m % 3) * 5, 400, 395),
                series("errors", "Errors", MetricRole.ERRORS, MetricUnit.COUNT, m -> m < 3 ? 1 : 26, 1.2, 1),
                series("error_rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT,
                        m -> m < 3 ? 0.25 : m == 7 ? 9.1 : 6.3, 0.3, 0.4),
                series("latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS,
                        m -> m < 3 ? 420 : 1800, 420, 430),
                series("latency_p99", "p99 latency", MetricRole.LATENCY_P99, MetricUnit.MILLISECONDS,
                        m -> m < 3 ? 800 : 4200, 790, 810),
                series("cpu", "CPU", MetricRole.RESOURCE, MetricUnit.PERCENT, m -> 35, 34, 33),
                series("db_connections", "DB connections", MetricRole.RESOURCE, MetricUnit.COUNT, m -> 42, 40, 41));

        ErrorIssue timeout = issue("4567", "CHECKOUT-1F3", "PaymentTimeoutError: payment-gateway did not answer within 5000 ms",
                "app/payments/client.py in charge", at(2), 1234, 0, 87, Set.of(IssueFlag.NEW));
        ErrorIssue reset = issue("4102", "CHECKOUT-1D9", "ConnectionResetError: [Errno 104] Connection reset by peer",
                "app/payments/client.py in _post", Instant.parse("2026-11-02T01:12:00Z"), 210, 9, 40, Set.of(IssueFlag.SPIKING));
        ErrorIssue coupon = issue("3990", "CHECKOUT-17A", "KeyError: 'coupon_code'", "app/cart/views.py in apply_coupon",
                Instant.parse("2026-10-01T03:00:00Z"), 12, 10, 5, Set.of());
        ErrorIssue deprecation = issue("3801", "CHECKOUT-12B", "DeprecationWarning: datetime.utcnow() is deprecated",
                "app/util/time.py in now", Instant.parse("2026-09-12T08:00:00Z"), 3, 4, 1, Set.of());

        TraceStats traces = new TraceStats(1240, 120, 30, 0, 1840, false, Optional.of(onset),
                List.of(new RootCause("payment-gateway", "ConnectTimeoutException", 100, 0.83),
                        new RootCause("checkout-db", "SQLTimeoutException", 12, 0.10)),
                List.of(new EndpointStat("POST", "/api/checkout", 300, 1200, 9800, 95),
                        new EndpointStat("GET", "/api/cart", 700, 120, 800, 2)),
                List.of(new ServiceEdge("checkout", "payment-gateway", 1100, 100, 0, 0, 850),
                        new ServiceEdge("checkout", "inventory", 900, 0, 3, 0, 45)),
                List.of(trace("1-6741a8f0-5c1d2e3f4a5b6c7d8e9f0a1b", at(4), "POST", "/api/checkout", 502, 5012, true, "payment-gateway"),
                        trace("1-6741a912-0a1b2c3d4e5f6a7b8c9d0e1f", at(9), "POST", "/api/checkout", 502, 5008, true, "payment-gateway")));

        Finding.DownstreamFailure root = new Finding.DownstreamFailure(onset, "payment-gateway", "ConnectTimeoutException",
                0.83, 100, xrayLink("checkout"));
        Finding.IssueSurfaced symptom = new Finding.IssueSurfaced(at(2), timeout, IssueFlag.NEW);
        Finding.MetricShift impact = shift(onset, "error_rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, 0.3, 6.2, "checkout");
        Finding.FaultOnset faults = new Finding.FaultOnset(onset, 120, 0.097, xrayLink("checkout"));
        Finding.MetricShift latency = shift(at(3), "latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, 420, 1800, "checkout");
        Finding.IssueSurfaced spiking = new Finding.IssueSurfaced(at(4), reset, IssueFlag.SPIKING);

        return new Investigation(query, Verdict.INCIDENT,
                List.of(key(MetricRole.ERROR_RATE, "Error rate", MetricUnit.PERCENT, 6.2, 0.3, Severity.CRIT),
                        key(MetricRole.LATENCY_P95, "p95 latency", MetricUnit.MILLISECONDS, 1690, 420, Severity.CRIT),
                        key(MetricRole.REQUESTS, "Requests", MetricUnit.COUNT, 12_450, 12_000, Severity.OK),
                        key(MetricRole.ERRORS, "Errors", MetricUnit.COUNT, 705, 36, Severity.CRIT)),
                Optional.of(new Cause(CauseKind.DOWNSTREAM_FAILURE, root, Optional.of(symptom), Optional.of(impact),
                        List.of(root, symptom, impact, faults, latency))),
                List.of(symptom, root, faults, impact, latency, spiking),
                List.of(found(SourceKind.DATADOG, new Evidence.Metrics(series, List.of()), datadogLink("checkout")),
                        found(SourceKind.SENTRY, new Evidence.Errors(List.of(timeout, reset, coupon, deprecation), false), sentryLink("checkout")),
                        found(SourceKind.XRAY, new Evidence.Traces(traces), xrayLink("checkout"))),
                Duration.ofMillis(1234));
    }

    /** search got slow two minutes after a deploy; nothing errors. */
    static Investigation latencyAfterDeploy() {
        InvestigationQuery query = query("inv-51c0", "search", "prod", WINDOW, Origin.ALERT);
        ChangeEvent deploy = new ChangeEvent(T0.minus(Duration.ofMinutes(2)), "search v2.31.0 (commit 4f2a9c1)", "deploy",
                "https://app.datadoghq.com/event/explorer?query=service%3Asearch&event=7311");
        ChangeEvent flag = new ChangeEvent(at(12), "feature flag search.rerank enabled for 10%", "config", "");
        List<MetricSeries> series = List.of(
                series("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, m -> 2000, 1980, 2010),
                series("errors", "Errors", MetricRole.ERRORS, MetricUnit.COUNT, m -> m % 10 == 0 ? 1 : 0, 0.1, 0.1),
                series("error_rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, m -> 0.02, 0.02, 0.02),
                series("latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, m -> m < 1 ? 420 : 980, 415, 425),
                series("latency_p99", "p99 latency", MetricRole.LATENCY_P99, MetricUnit.MILLISECONDS, m -> m < 2 ? 800 : 2100, 790, 805),
                series("cpu", "CPU", MetricRole.RESOURCE, MetricUnit.PERCENT, m -> m < 1 ? 40 : 71, 39, 41));
        TraceStats traces = new TraceStats(2000, 2, 4, 0, 980, false, Optional.empty(), List.of(),
                List.of(new EndpointStat("GET", "/search", 1500, 950, 3100, 1),
                        new EndpointStat("GET", "/suggest", 500, 160, 600, 0)),
                List.of(new ServiceEdge("search", "opensearch", 2000, 0, 0, 0, 610)),
                List.of(trace("1-6741b001-aaaabbbbccccddddeeeeffff", at(5), "GET", "/search", 200, 3100, false, "")));
        Finding.Deployment root = new Finding.Deployment(deploy);
        Finding.MetricShift symptom = shift(at(1), "latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, 420, 980, "search");
        Finding.MetricShift p99 = shift(at(2), "latency_p99", "p99 latency", MetricRole.LATENCY_P99, MetricUnit.MILLISECONDS, 800, 2100, "search");
        return new Investigation(query, Verdict.DEGRADED,
                List.of(key(MetricRole.LATENCY_P95, "p95 latency", MetricUnit.MILLISECONDS, 962, 420, Severity.WARN),
                        key(MetricRole.ERROR_RATE, "Error rate", MetricUnit.PERCENT, 0.02, 0.02, Severity.OK),
                        key(MetricRole.REQUESTS, "Requests", MetricUnit.COUNT, 60_000, 59_400, Severity.OK)),
                Optional.of(new Cause(CauseKind.DEPLOYMENT, root, Optional.of(symptom), Optional.of(p99), List.of(root, symptom, p99))),
                List.of(root, symptom, p99, new Finding.Deployment(flag)),
                List.of(found(SourceKind.DATADOG, new Evidence.Metrics(series, List.of(deploy, flag)), datadogLink("search")),
                        found(SourceKind.SENTRY, new Evidence.Errors(List.of(), false), sentryLink("search")),
                        found(SourceKind.XRAY, new Evidence.Traces(traces), xrayLink("search"))),
                Duration.ofMillis(2480));
    }

    /** catalog gets four times its usual traffic around midnight (the window crosses the day): slow, throttled. */
    static Investigation trafficSurge() {
        TimeWindow window = new TimeWindow(Instant.parse("2026-11-20T14:40:00Z"), Instant.parse("2026-11-20T15:20:00Z"));
        Instant from = window.from();
        InvestigationQuery query = query("inv-c4t4", "catalog", "prod", window, Origin.ALERT);
        List<MetricSeries> series = List.of(
                series(window, "requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, m -> m < 5 ? 1000 : 4100, 980, 1010),
                series(window, "error_rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, m -> m < 7 ? 0.1 : 1.6, 0.1, 0.1),
                series(window, "latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, m -> m < 6 ? 300 : 560, 290, 310));
        ErrorIssue throttled = issue("5120", "CATALOG-9K", "TooManyRequests: upstream rate limit reached",
                "catalog/api/handlers.go in ListItems", Instant.parse("2026-08-01T00:00:00Z"), 2300, 12, 410, Set.of(IssueFlag.SPIKING));
        TraceStats traces = new TraceStats(5200, 40, 180, 340, 560, false, Optional.empty(),
                List.of(new RootCause("catalog", "TooManyRequests", 150, 0.68)),
                List.of(new EndpointStat("GET", "/items", 4800, 410, 2900, 30)),
                List.of(new ServiceEdge("catalog", "catalog-db", 5200, 20, 0, 300, 120)),
                List.of());
        Finding.MetricShift surge = new Finding.MetricShift(from.plus(Duration.ofMinutes(5)), "requests", "Requests",
                MetricRole.REQUESTS, MetricUnit.COUNT, 1000, 4100, datadogLink("catalog"));
        Finding.MetricShift slow = new Finding.MetricShift(from.plus(Duration.ofMinutes(6)), "latency_p95", "p95 latency",
                MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, 300, 560, datadogLink("catalog"));
        Finding.MetricShift errors = new Finding.MetricShift(from.plus(Duration.ofMinutes(27)), "error_rate", "Error rate",
                MetricRole.ERROR_RATE, MetricUnit.PERCENT, 0.1, 1.6, datadogLink("catalog"));
        Finding.IssueSurfaced spike = new Finding.IssueSurfaced(from.plus(Duration.ofMinutes(26)), throttled, IssueFlag.SPIKING);
        return new Investigation(query, Verdict.DEGRADED,
                List.of(key(MetricRole.REQUESTS, "Requests", MetricUnit.COUNT, 144_500, 39_600, Severity.WARN),
                        key(MetricRole.LATENCY_P95, "p95 latency", MetricUnit.MILLISECONDS, 521, 295, Severity.WARN),
                        key(MetricRole.ERROR_RATE, "Error rate", MetricUnit.PERCENT, 1.4, 0.1, Severity.WARN)),
                Optional.of(new Cause(CauseKind.TRAFFIC_SURGE, surge, Optional.of(slow), Optional.of(errors),
                        List.of(surge, slow, errors, spike))),
                List.of(surge, slow, spike, errors),
                List.of(found(SourceKind.DATADOG, new Evidence.Metrics(series, List.of()), datadogLink("catalog")),
                        found(SourceKind.SENTRY, new Evidence.Errors(List.of(throttled), false), sentryLink("catalog")),
                        found(SourceKind.XRAY, new Evidence.Traces(traces), xrayLink("catalog"))),
                Duration.ofMillis(3105));
    }

    /** payment's morning check: two quiet hours, nothing to claim. */
    static Investigation healthy() {
        TimeWindow window = new TimeWindow(Instant.parse("2026-11-20T03:00:00Z"), Instant.parse("2026-11-20T05:00:00Z"));
        InvestigationQuery query = query("daily-2026-11-20-payment", "payment", "prod", window, Origin.DAILY_CHECK);
        List<MetricSeries> series = List.of(
                series(window, "requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, m -> 300 + m % 7, 298, 305),
                series(window, "error_rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, m -> 0.1, 0.1, 0.12),
                series(window, "latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, m -> 210, 205, 215));
        ErrorIssue steady = issue("6001", "PAYMENT-3B", "CardDeclined: insufficient funds", "payment/charge.rb in decline!",
                Instant.parse("2026-06-01T00:00:00Z"), 42, 40, 39, Set.of());
        TraceStats traces = new TraceStats(36_000, 3, 20, 0, 210, false, Optional.empty(), List.of(),
                List.of(new EndpointStat("POST", "/v1/charges", 12_000, 180, 1900, 3)), List.of(), List.of());
        return new Investigation(query, Verdict.HEALTHY,
                List.of(key(MetricRole.REQUESTS, "Requests", MetricUnit.COUNT, 36_360, 36_000, Severity.OK),
                        key(MetricRole.ERROR_RATE, "Error rate", MetricUnit.PERCENT, 0.1, 0.1, Severity.OK),
                        key(MetricRole.LATENCY_P95, "p95 latency", MetricUnit.MILLISECONDS, 210, 205, Severity.OK)),
                Optional.empty(),
                List.of(),
                List.of(found(SourceKind.DATADOG, new Evidence.Metrics(series, List.of()), datadogLink("payment")),
                        found(SourceKind.SENTRY, new Evidence.Errors(List.of(steady), false), sentryLink("payment")),
                        found(SourceKind.XRAY, new Evidence.Traces(traces), xrayLink("payment"))),
                Duration.ofMillis(980));
    }

    /** No source answered: a timeout, a rejected token, a missing IAM permission. */
    static Investigation allFailed() {
        InvestigationQuery query = query("inv-0ff1", "inventory", "prod-jp", WINDOW, Origin.SLASH_COMMAND);
        return new Investigation(query, Verdict.UNKNOWN, List.of(), Optional.empty(), List.of(),
                List.of(SourceReport.failed(Gap.of(SourceKind.DATADOG, GapReason.TIMEOUT, ""), Duration.ofSeconds(15), 2,
                                datadogLink("inventory")),
                        SourceReport.failed(Gap.http(SourceKind.SENTRY, GapReason.AUTH_REJECTED, 401, "HTTP 401 Unauthorized"),
                                Duration.ofMillis(180), 1, sentryLink("inventory")),
                        SourceReport.failed(Gap.http(SourceKind.XRAY, GapReason.FORBIDDEN, 403,
                                "AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/investigator/i-0abc "
                                        + "is not authorized to perform: xray:GetTraceSummaries"),
                                Duration.ofMillis(240), 1, "")),
                Duration.ofSeconds(15).plusMillis(20));
    }

    /** Sentry is rate-limited; the rest answered, and nothing explains why latency rose. X-Ray is a sample. */
    static Investigation partial() {
        InvestigationQuery query = query("inv-9a2b", "checkout", "prod", WINDOW, Origin.BUTTON);
        List<MetricSeries> series = List.of(
                series("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, m -> 400, 400, -1),
                new MetricSeries("errors", "Errors", MetricRole.ERRORS, MetricUnit.COUNT,
                        points(WINDOW, m -> m < 12 ? 0 : 1), List.of(new Baseline(Duration.ofDays(1), points(WINDOW.shiftedBy(Duration.ofDays(-1)), m -> 0)))),
                series("latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, m -> m < 12 ? 420 : 700, 420, -1),
                new MetricSeries("cpu", "CPU", MetricRole.RESOURCE, MetricUnit.PERCENT, List.of(), List.of()),
                series("heap", "JVM heap", MetricRole.RESOURCE, MetricUnit.BYTES, m -> 512.0 * 1024 * 1024 + m * 1024 * 1024, 500.0 * 1024 * 1024, -1));
        TraceStats traces = new TraceStats(1000, 4, 9, 0, 690, true, Optional.empty(), List.of(), List.of(), List.of(), List.of());
        Finding.MetricShift root = shift(at(12), "latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, 420, 700, "checkout");
        Finding.MetricShift errors = shift(at(12), "errors", "Errors", MetricRole.ERRORS, MetricUnit.COUNT, 0, 18, "checkout");
        return new Investigation(query, Verdict.DEGRADED,
                List.of(key(MetricRole.LATENCY_P95, "p95 latency", MetricUnit.MILLISECONDS, 588, 420, Severity.WARN),
                        new KeyNumber(MetricRole.ERRORS, "Errors", MetricUnit.COUNT, 18, OptionalDouble.of(0), Severity.OK),
                        new KeyNumber(MetricRole.REQUESTS, "Requests", MetricUnit.COUNT, 12_000, OptionalDouble.empty(), Severity.OK)),
                Optional.of(new Cause(CauseKind.UNEXPLAINED, root, Optional.empty(), Optional.empty(), List.of(root))),
                List.of(root, errors),
                List.of(found(SourceKind.DATADOG, new Evidence.Metrics(series, List.of()), datadogLink("checkout")),
                        SourceReport.failed(Gap.http(SourceKind.SENTRY, GapReason.RATE_LIMITED, 429, "HTTP 429 Too Many Requests"),
                                Duration.ofSeconds(6), 4, sentryLink("checkout")),
                        found(SourceKind.XRAY, new Evidence.Traces(traces), xrayLink("checkout"))),
                Duration.ofMillis(6100));
    }

    /**
     * Everything too big: 200 metrics and 300 Sentry issues with long titles full of {@code < & |}, 14 key numbers,
     * 40 findings, dozens of root causes, edges and endpoints. Must still fit Slack's limits, escaped.
     */
    static Investigation huge() {
        InvestigationQuery query = query("inv-huge", "checkout", "prod", WINDOW, Origin.SLASH_COMMAND);
        String nasty = " <script>alert(1)</script> & \"quotes\" | pipes | and a long tail of words that keeps going on and on";
        List<MetricSeries> series = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            MetricRole role = i % 4 == 0 ? MetricRole.RESOURCE : MetricRole.values()[i % 5];
            MetricUnit unit = MetricUnit.values()[i % MetricUnit.values().length];
            int k = i;
            series.add(series("m" + i, "metric " + i + nasty, role, unit, m -> k + m, k, k + 1));
        }
        List<ErrorIssue> issues = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Set<IssueFlag> flags = i < 60 ? Set.of(IssueFlag.NEW) : i < 80 ? Set.of(IssueFlag.REGRESSED, IssueFlag.SPIKING)
                    : i < 100 ? Set.of(IssueFlag.SPIKING) : Set.of();
            issues.add(issue(Integer.toString(9000 + i), "CHECKOUT-" + Integer.toString(1000 + i, 36).toUpperCase(java.util.Locale.ROOT),
                    "TypeError: Cannot read properties of undefined (reading '<x>') " + i + nasty + nasty,
                    "app/<generated>/handler&" + i + ".js in <anonymous>", at(i % 30), 5000 - i, 10, 300 - i, flags));
        }
        List<RootCause> causes = new ArrayList<>();
        List<ServiceEdge> edges = new ArrayList<>();
        List<EndpointStat> endpoints = new ArrayList<>();
        List<TraceExample> examples = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            causes.add(new RootCause("svc-" + i + "<&|>", "Exception<" + i + ">&|" + nasty, 60 - i, (60 - i) / 1830.0));
            edges.add(new ServiceEdge("checkout", "svc-" + i + "<&|>", 1000 + i, i, i % 3, i % 2, 10.0 * i));
            endpoints.add(new EndpointStat("GET", "/api/items/<id>?q=a&b=" + i + "|" + "x".repeat(300), 100, 100.0 * i, 200.0 * i, i));
            examples.add(trace("1-6741c0" + String.format("%02d", i) + "-000000000000000000000000", at(i % 30), "GET",
                    "/api/<id>&" + i, 500, 100.0 * i, true, "svc-" + i + "<&|>"));
        }
        TraceStats traces = new TraceStats(100_000, 5_000, 2_000, 100, 2500, true, Optional.of(at(1)), causes, endpoints, edges, examples);
        List<KeyNumber> keys = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            keys.add(key(MetricRole.RESOURCE, "key " + i + nasty, MetricUnit.NUMBER, 100 + i, 10, Severity.values()[i % 3]));
        }
        List<Finding> timeline = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            timeline.add(new Finding.IssueSurfaced(at(i % 30), issues.get(i), IssueFlag.NEW));
        }
        Finding.DownstreamFailure root = new Finding.DownstreamFailure(at(1), "svc-0<&|>", "Exception<init>&|" + nasty, 0.5, 2500,
                xrayLink("checkout"));
        timeline.add(root);
        return new Investigation(query, Verdict.INCIDENT, keys,
                Optional.of(new Cause(CauseKind.DOWNSTREAM_FAILURE, root, Optional.of(timeline.get(0)), Optional.of(timeline.get(1)), timeline)),
                timeline,
                List.of(found(SourceKind.DATADOG, new Evidence.Metrics(series,
                                List.of(new ChangeEvent(at(0), "deploy" + nasty, "deploy" + nasty, "https://example.com/a?b=1&c=<2>|3"))),
                                datadogLink("checkout")),
                        found(SourceKind.SENTRY, new Evidence.Errors(issues, true), sentryLink("checkout")),
                        found(SourceKind.XRAY, new Evidence.Traces(traces), xrayLink("checkout"))),
                Duration.ofMillis(19_990));
    }

    // ---------------------------------------------------------------- builders

    static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    static InvestigationQuery query(String id, String name, String env, TimeWindow window, Origin origin) {
        return new InvestigationQuery(id, service(name, env), window, origin);
    }

    static ServiceDefinition service(String name, String env) {
        List<MetricQuery> metrics = List.of(
                new MetricQuery("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT,
                        "sum:trace.http.request.hits{service:" + name + ",env:" + env + "}.as_count()", ""),
                new MetricQuery("errors", "Errors", MetricRole.ERRORS, MetricUnit.COUNT,
                        "sum:trace.http.request.errors{service:" + name + ",env:" + env + "}.as_count()", ""),
                new MetricQuery("error_rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, "", "100 * errors / requests"));
        return new ServiceDefinition(name, env, List.of(),
                new ServiceDefinition.Datadog(true, metrics, BASELINES, "service:" + name, "abc-def-ghi", Map.of("service", name)),
                new ServiceDefinition.Sentry(true, "acme", List.of(name), env, ""),
                new ServiceDefinition.XRay(true, "service(\"" + name + "\")", "", name),
                ServiceDefinition.Thresholds.defaults());
    }

    /** One point a minute over {@link #WINDOW}; baselines flat at the given levels (negative: no such baseline). */
    static MetricSeries series(String id, String label, MetricRole role, MetricUnit unit, IntToDoubleFunction perMinute,
                               double dayAgo, double weekAgo) {
        return series(WINDOW, id, label, role, unit, perMinute, dayAgo, weekAgo);
    }

    static MetricSeries series(TimeWindow window, String id, String label, MetricRole role, MetricUnit unit,
                               IntToDoubleFunction perMinute, double dayAgo, double weekAgo) {
        List<Baseline> baselines = new ArrayList<>();
        if (dayAgo >= 0) {
            baselines.add(new Baseline(Duration.ofDays(1), points(window.shiftedBy(Duration.ofDays(-1)), m -> dayAgo)));
        }
        if (weekAgo >= 0) {
            baselines.add(new Baseline(Duration.ofDays(7), points(window.shiftedBy(Duration.ofDays(-7)), m -> weekAgo)));
        } else {
            baselines.add(new Baseline(Duration.ofDays(7), List.of()));
        }
        return new MetricSeries(id, label, role, unit, points(window, perMinute), baselines);
    }

    static List<DataPoint> points(TimeWindow window, IntToDoubleFunction perMinute) {
        List<DataPoint> points = new ArrayList<>();
        int minutes = (int) window.length().toMinutes();
        for (int m = 0; m < minutes; m++) {
            points.add(new DataPoint(window.from().plus(Duration.ofMinutes(m)), perMinute.applyAsDouble(m)));
        }
        return points;
    }

    static Finding.MetricShift shift(Instant at, String id, String label, MetricRole role, MetricUnit unit,
                                     double baseline, double observed, String service) {
        return new Finding.MetricShift(at, id, label, role, unit, baseline, observed, datadogLink(service));
    }

    static KeyNumber key(MetricRole role, String label, MetricUnit unit, double observed, double baseline, Severity severity) {
        return new KeyNumber(role, label, unit, observed, OptionalDouble.of(baseline), severity);
    }

    static ErrorIssue issue(String id, String shortId, String title, String culprit, Instant firstSeen,
                            long events, long before, long users, Set<IssueFlag> flags) {
        return new ErrorIssue(id, shortId, title, culprit, "error", "checkout", firstSeen, at(29), events, before, users,
                flags, "", "https://acme.sentry.io/issues/" + id + "/");
    }

    static TraceExample trace(String id, Instant at, String method, String url, int status, double millis, boolean fault,
                              String rootCause) {
        return new TraceExample(id, at, method, url, status, millis, fault, false, false, rootCause,
                "https://ap-northeast-1.console.aws.amazon.com/xray/home?region=ap-northeast-1#/traces/" + id);
    }

    static SourceReport found(SourceKind kind, Evidence evidence, String link) {
        return SourceReport.found(kind, evidence, Duration.ofMillis(850), 3, link);
    }

    static String datadogLink(String service) {
        return "https://app.datadoghq.com/dashboard/abc-def-ghi?tpl_var_service=" + service
                + "&tpl_var_env=prod&from_ts=1795150800000&to_ts=1795152600000&live=false";
    }

    static String sentryLink(String service) {
        return "https://acme.sentry.io/issues/?project=" + service + "&environment=prod&start=2026-11-20T05%3A00%3A00Z"
                + "&end=2026-11-20T05%3A30%3A00Z";
    }

    static String xrayLink(String service) {
        return "https://ap-northeast-1.console.aws.amazon.com/xray/home?region=ap-northeast-1#/traces?timeRange="
                + "2026-11-20T05:00:00Z~2026-11-20T05:30:00Z&filter=service(%22" + service + "%22)";
    }
}
