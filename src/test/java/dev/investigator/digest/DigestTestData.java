package dev.investigator.digest;

import dev.investigator.model.EndpointStat;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Hand-built services, readings and issues for the digest's tests and the renderers' golden files. */
public final class DigestTestData {

    /** The check period: Thu 2026-11-19 10:00 to Fri 2026-11-20 10:00 JST. */
    public static final TimeWindow PERIOD = new TimeWindow(Instant.parse("2026-11-19T01:00:00Z"), Instant.parse("2026-11-20T01:00:00Z"));
    public static final Instant GENERATED = Instant.parse("2026-11-20T01:00:04Z");

    private DigestTestData() {
    }

    public static ServiceDefinition service(String name) {
        return service(name, ServiceDefinition.Thresholds.defaults(), true, true, true);
    }

    public static ServiceDefinition service(String name, ServiceDefinition.Thresholds thresholds,
            boolean datadog, boolean sentry, boolean xray) {
        return new ServiceDefinition(name, "prod", List.of(),
                new ServiceDefinition.Datadog(datadog, List.of(
                        new MetricQuery("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, "sum:hits{service:" + name + "}", "")),
                        List.of(Duration.ofDays(1), Duration.ofDays(7)), "", "", Map.of()),
                new ServiceDefinition.Sentry(sentry, "acme", List.of(name), "prod", ""),
                new ServiceDefinition.XRay(xray, "service(\"" + name + "\")", "", name),
                thresholds);
    }

    public static DigestQuery query(ServiceDefinition... services) {
        return new DigestQuery("dg-1120", List.of(services), PERIOD);
    }

    /** A reading; NaN stands for "no data". */
    public static VitalReading reading(Vital vital, double current, double lastWeek, double median) {
        return new VitalReading(vital, opt(current), opt(lastWeek), opt(median));
    }

    /** Requests, error rate and p95 of a service. */
    public static List<VitalReading> vitals(double requests, double requestsLastWeek, double requestsMedian,
            double errorPct, double errorPctBaseline, double p95, double p95Baseline) {
        return List.of(
                reading(Vital.REQUESTS, requests, requestsLastWeek, requestsMedian),
                reading(Vital.ERROR_RATE, errorPct, errorPctBaseline, errorPctBaseline),
                reading(Vital.P95_LATENCY, p95, p95Baseline, p95Baseline));
    }

    /** An ordinary day: 120k requests, 0.2% errors, p95 180 ms, like the baselines. */
    public static List<VitalReading> steady() {
        return vitals(120_000, 118_000, 121_000, 0.2, 0.2, 180, 175);
    }

    public static ErrorIssue issue(String shortId, String title, String level, long events) {
        Instant firstSeen = PERIOD.from().plus(Duration.ofHours(17));
        return new ErrorIssue("4" + Math.abs(shortId.hashCode()), shortId, title, "app/handler.py", level, "checkout",
                firstSeen, firstSeen.plus(Duration.ofHours(5)), events, 0, 3, Set.of(IssueFlag.NEW), "2026.11.19",
                "https://acme.sentry.io/issues/" + Math.abs(shortId.hashCode()) + "/");
    }

    public static ActiveMonitor monitor(String id, String name, String state) {
        return new ActiveMonitor(id, name, state, Optional.of(PERIOD.to().minus(Duration.ofHours(2))),
                "https://app.datadoghq.com/monitors/" + id);
    }

    public static EndpointStat endpoint(String method, String url, double avgMillis, double maxMillis) {
        return new EndpointStat(method, url, 1200, avgMillis, maxMillis, 2);
    }

    public static DigestReport vitalsReport(Map<String, List<VitalReading>> readings, Map<String, List<ActiveMonitor>> monitors) {
        return DigestReport.found(dev.investigator.model.SourceKind.DATADOG, new DigestEvidence.Vitals(readings, monitors),
                Duration.ofMillis(1800), 4);
    }

    public static DigestReport issuesReport(Map<String, List<ErrorIssue>> issues, boolean truncated) {
        return DigestReport.found(dev.investigator.model.SourceKind.SENTRY, new DigestEvidence.NewIssues(issues, truncated),
                Duration.ofMillis(900), 2);
    }

    public static DigestReport endpointsReport(Map<String, List<EndpointStat>> endpoints) {
        return DigestReport.found(dev.investigator.model.SourceKind.XRAY, new DigestEvidence.SlowEndpoints(endpoints),
                Duration.ofMillis(2400), 3);
    }

    private static OptionalDouble opt(double value) {
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
