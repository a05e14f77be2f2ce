package dev.investigator.digest;

import dev.investigator.model.EndpointStat;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Gap;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.Severity;
import dev.investigator.model.SourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The daily check's flagging rules: from every source's report, one {@link ServiceDigest} per catalog service,
 * most severe first, then catalog order. Pure: no clock, no I/O, the same answer for the same reports.
 *
 * <p>The rules, each against the service's {@link ServiceDefinition.Thresholds}:
 * <ul>
 *   <li><b>Against both baselines.</b> A vital is compared with the same period last week and with the 7-day
 *       median, and flagged only when it is outside the bounds against <em>both</em> (against whichever of the
 *       two is available when one is missing). One unusual day in either baseline (last week's holiday, a
 *       Monday in the median) then cannot raise a flag on its own. The ratio reported is the one against the
 *       nearer baseline, the smaller claim.</li>
 *   <li><b>Traffic surge</b> (possible attack): requests at least {@code trafficSurgeRatio} × both baselines,
 *       with at least {@code minRequests} requests now; CRIT at the ratio squared (×4 for ×2). From a zero
 *       baseline: WARN, there is no ratio to judge.</li>
 *   <li><b>Traffic drop</b> (possible outage): requests at most {@code trafficDropRatio} × both baselines, when
 *       both baselines had at least {@code minRequests}; CRIT at the ratio squared (×0.25 for ×0.5). No request
 *       data at all where the baselines had traffic is a WARN drop without a ratio (it may also be a metrics
 *       gap).</li>
 *   <li><b>Error rate</b>: at or above {@code errorRateWarnPct} and markedly up ({@value #ERROR_RATE_RISE} × both
 *       baselines, or no baseline): WARN; at or above {@code errorRateCritPct} and markedly up: CRIT. A rate
 *       above the critical level that is not up is a chronic problem: WARN, so it is still seen every day.
 *       Above the warning level but not up: no flag (the daily check is about what changed).</li>
 *   <li><b>Latency</b>: p95 at least {@code latencyWarnRatio} × both baselines: WARN; {@code latencyCritRatio}:
 *       CRIT.</li>
 *   <li><b>Low traffic</b>: when the period's request count is known and below {@code minRequests}, error rate
 *       and latency are too noisy to judge and are not flagged.</li>
 *   <li><b>New issues</b>: any new issue at level error (or unknown level) makes a WARN, fatal a CRIT; the count
 *       is all new issues. New issues at warning, info or debug level alone raise no flag.</li>
 *   <li><b>Monitors</b>: a monitor in "Alert" is CRIT, in "Warn" or "No Data" WARN; others are not listed.</li>
 *   <li><b>Source unavailable</b>: a source whose report failed (a gap, a timeout) flags WARN every service it
 *       should have covered (the source is enabled for the service). A service missing from a source that
 *       answered had nothing to report (the evidence's contract), which is not a flag.</li>
 * </ul>
 * Services of equal severity with a real problem come before those only flagged as not fully checked.
 */
public final class DigestRules {

    /** How many times both baselines an error rate must be to count as markedly up. */
    public static final double ERROR_RATE_RISE = 2.0;

    private static final Comparator<DigestFlag> FLAG_ORDER = Comparator
            .comparing(DigestFlag::severity, Comparator.reverseOrder())
            .thenComparing(DigestFlag::kind);

    public DigestRules() {
    }

    /** One digest per service of {@code query}, problems first (most severe, then catalog order). */
    public List<ServiceDigest> evaluate(DigestQuery query, List<DigestReport> reports) {
        Evidence evidence = Evidence.of(reports);
        List<ServiceDigest> digests = new ArrayList<>();
        for (ServiceDefinition service : query.services()) {
            digests.add(service(service, evidence));
        }
        List<ServiceDigest> ordered = new ArrayList<>(digests);
        ordered.sort(Comparator
                .comparing(ServiceDigest::severity, Comparator.reverseOrder())
                .thenComparing(DigestRules::onlyUnchecked)
                .thenComparingInt(digests::indexOf));
        return List.copyOf(ordered);
    }

    private static ServiceDigest service(ServiceDefinition service, Evidence evidence) {
        String name = service.name();
        ServiceDefinition.Thresholds t = service.thresholds();
        List<VitalReading> vitals = evidence.vitals(name);
        List<DigestFlag> flags = new ArrayList<>();

        Optional<VitalReading> requests = reading(vitals, Vital.REQUESTS);
        requests.flatMap(r -> traffic(r, t)).ifPresent(flags::add);
        boolean lowTraffic = requests.map(r -> lowTraffic(r, t)).orElse(false);
        if (!lowTraffic) {
            reading(vitals, Vital.ERROR_RATE).flatMap(r -> errorRate(r, t)).ifPresent(flags::add);
            reading(vitals, Vital.P95_LATENCY).flatMap(r -> latency(r, t)).ifPresent(flags::add);
        }

        List<ErrorIssue> issues = orderIssues(evidence.issues(name));
        newIssues(issues).ifPresent(flags::add);

        List<ActiveMonitor> monitors = evidence.monitors(name).stream()
                .filter(m -> monitorSeverity(m).isPresent())
                .sorted(Comparator.comparing((ActiveMonitor m) -> monitorSeverity(m).orElseThrow(), Comparator.reverseOrder()))
                .toList();
        monitors(monitors).ifPresent(flags::add);

        List<SourceKind> unavailable = evidence.failed().stream().filter(kind -> covers(service, kind)).toList();
        if (!unavailable.isEmpty()) {
            flags.add(new DigestFlag(DigestFlag.Kind.SOURCE_UNAVAILABLE, Severity.WARN, OptionalDouble.empty(), unavailable.size()));
        }

        flags.sort(FLAG_ORDER);
        Severity severity = flags.isEmpty() ? Severity.OK : flags.get(0).severity();
        return new ServiceDigest(name, severity, flags, vitals, issues, evidence.endpoints(name), monitors, unavailable);
    }

    // ---- the rules, one vital or one kind of evidence each ----

    static Optional<DigestFlag> traffic(VitalReading r, ServiceDefinition.Thresholds t) {
        OptionalDouble high = highBaseline(r);
        OptionalDouble low = lowBaseline(r);
        if (low.isEmpty()) {
            return Optional.empty();
        }
        if (r.current().isEmpty() || !Double.isFinite(r.current().getAsDouble())) {
            return low.getAsDouble() >= t.minRequests()
                    ? Optional.of(flag(DigestFlag.Kind.TRAFFIC_DROP, Severity.WARN, OptionalDouble.empty()))
                    : Optional.empty();
        }
        double current = r.current().getAsDouble();
        if (current >= t.minRequests()) {
            double up = ratio(current, high.getAsDouble());
            if (up >= t.trafficSurgeRatio()) {
                Severity severity = Double.isFinite(up) && up >= t.trafficSurgeRatio() * t.trafficSurgeRatio()
                        ? Severity.CRIT : Severity.WARN;
                return Optional.of(flag(DigestFlag.Kind.TRAFFIC_SURGE, severity, OptionalDouble.of(up)));
            }
        }
        if (low.getAsDouble() >= t.minRequests()) {
            double down = ratio(current, low.getAsDouble());
            if (down <= t.trafficDropRatio()) {
                Severity severity = down <= t.trafficDropRatio() * t.trafficDropRatio() ? Severity.CRIT : Severity.WARN;
                return Optional.of(flag(DigestFlag.Kind.TRAFFIC_DROP, severity, OptionalDouble.of(down)));
            }
        }
        return Optional.empty();
    }

    static boolean lowTraffic(VitalReading requests, ServiceDefinition.Thresholds t) {
        OptionalDouble current = finite(requests.current());
        return current.isPresent() && current.getAsDouble() < t.minRequests();
    }

    static Optional<DigestFlag> errorRate(VitalReading r, ServiceDefinition.Thresholds t) {
        OptionalDouble current = finite(r.current());
        if (current.isEmpty() || current.getAsDouble() < t.errorRateWarnPct()) {
            return Optional.empty();
        }
        double pct = current.getAsDouble();
        OptionalDouble high = highBaseline(r);
        OptionalDouble ratio = high.isPresent() ? OptionalDouble.of(ratio(pct, high.getAsDouble())) : OptionalDouble.empty();
        boolean markedlyUp = ratio.isEmpty() || ratio.getAsDouble() >= ERROR_RATE_RISE;
        if (pct >= t.errorRateCritPct()) {
            return Optional.of(flag(DigestFlag.Kind.ERROR_RATE, markedlyUp ? Severity.CRIT : Severity.WARN, ratio));
        }
        return markedlyUp ? Optional.of(flag(DigestFlag.Kind.ERROR_RATE, Severity.WARN, ratio)) : Optional.empty();
    }

    static Optional<DigestFlag> latency(VitalReading r, ServiceDefinition.Thresholds t) {
        OptionalDouble current = finite(r.current());
        OptionalDouble high = highBaseline(r);
        if (current.isEmpty() || high.isEmpty() || high.getAsDouble() <= 0) {
            return Optional.empty();
        }
        double ratio = current.getAsDouble() / high.getAsDouble();
        if (ratio >= t.latencyCritRatio()) {
            return Optional.of(flag(DigestFlag.Kind.LATENCY, Severity.CRIT, OptionalDouble.of(ratio)));
        }
        if (ratio >= t.latencyWarnRatio()) {
            return Optional.of(flag(DigestFlag.Kind.LATENCY, Severity.WARN, OptionalDouble.of(ratio)));
        }
        return Optional.empty();
    }

    static Optional<DigestFlag> newIssues(List<ErrorIssue> issues) {
        Severity worst = Severity.OK;
        for (ErrorIssue issue : issues) {
            Severity s = issueSeverity(issue);
            if (s.compareTo(worst) > 0) {
                worst = s;
            }
        }
        return worst == Severity.OK
                ? Optional.empty()
                : Optional.of(new DigestFlag(DigestFlag.Kind.NEW_ISSUES, worst, OptionalDouble.empty(), issues.size()));
    }

    static Optional<DigestFlag> monitors(List<ActiveMonitor> monitors) {
        Severity worst = Severity.OK;
        int counted = 0;
        for (ActiveMonitor monitor : monitors) {
            Optional<Severity> s = monitorSeverity(monitor);
            if (s.isPresent()) {
                counted++;
                if (s.get().compareTo(worst) > 0) {
                    worst = s.get();
                }
            }
        }
        return counted == 0
                ? Optional.empty()
                : Optional.of(new DigestFlag(DigestFlag.Kind.MONITORS_ALERTING, worst, OptionalDouble.empty(), counted));
    }

    static Severity issueSeverity(ErrorIssue issue) {
        return switch (issue.level().strip().toLowerCase(Locale.ROOT)) {
            case "fatal" -> Severity.CRIT;
            case "warning", "info", "debug", "sample" -> Severity.OK;
            default -> Severity.WARN; // error, or a level we do not know: better seen than missed
        };
    }

    static Optional<Severity> monitorSeverity(ActiveMonitor monitor) {
        return switch (monitor.state().strip().toLowerCase(Locale.ROOT)) {
            case "alert" -> Optional.of(Severity.CRIT);
            case "warn", "no data" -> Optional.of(Severity.WARN);
            default -> Optional.empty();
        };
    }

    // ---- helpers ----

    private static List<ErrorIssue> orderIssues(List<ErrorIssue> issues) {
        // Most severe level first; the source's order (newest first) within a level.
        return issues.stream().sorted(Comparator.comparing(DigestRules::issueSeverity, Comparator.reverseOrder())).toList();
    }

    private static boolean onlyUnchecked(ServiceDigest digest) {
        return !digest.flags().isEmpty()
                && digest.flags().stream().allMatch(f -> f.kind() == DigestFlag.Kind.SOURCE_UNAVAILABLE);
    }

    private static boolean covers(ServiceDefinition service, SourceKind kind) {
        return switch (kind) {
            case DATADOG -> service.datadog().enabled();
            case SENTRY -> service.sentry().enabled();
            case XRAY -> service.xray().enabled();
        };
    }

    private static Optional<VitalReading> reading(List<VitalReading> vitals, Vital vital) {
        return vitals.stream().filter(r -> r.vital() == vital).findFirst();
    }

    /** current / baseline, where anything above a zero baseline is infinitely up and zero over zero is level. */
    private static double ratio(double current, double baseline) {
        if (baseline == 0) {
            return current == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return current / baseline;
    }

    private static OptionalDouble highBaseline(VitalReading r) {
        return baselines(r).max();
    }

    private static OptionalDouble lowBaseline(VitalReading r) {
        return baselines(r).min();
    }

    private static java.util.stream.DoubleStream baselines(VitalReading r) {
        return java.util.stream.DoubleStream.concat(stream(r.sameDayLastWeek()), stream(r.median7d()));
    }

    private static java.util.stream.DoubleStream stream(OptionalDouble value) {
        return finite(value).isPresent() ? java.util.stream.DoubleStream.of(value.getAsDouble()) : java.util.stream.DoubleStream.empty();
    }

    private static OptionalDouble finite(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value : OptionalDouble.empty();
    }

    private static DigestFlag flag(DigestFlag.Kind kind, Severity severity, OptionalDouble ratio) {
        return new DigestFlag(kind, severity, ratio, 0);
    }

    /** Every report's evidence, merged by service; the sources whose report failed. */
    private record Evidence(
            Map<String, List<VitalReading>> readings,
            Map<String, List<ActiveMonitor>> monitorsByService,
            Map<String, List<ErrorIssue>> issuesByService,
            Map<String, List<EndpointStat>> endpointsByService,
            Set<SourceKind> failedSources) {

        static Evidence of(List<DigestReport> reports) {
            Map<String, List<VitalReading>> readings = new java.util.HashMap<>();
            Map<String, List<ActiveMonitor>> monitors = new java.util.HashMap<>();
            Map<String, List<ErrorIssue>> issues = new java.util.HashMap<>();
            Map<String, List<EndpointStat>> endpoints = new java.util.HashMap<>();
            Set<SourceKind> failed = EnumSet.noneOf(SourceKind.class);
            Map<SourceKind, Boolean> answered = new EnumMap<>(SourceKind.class);
            for (DigestReport report : reports) {
                if (report.gap().isPresent()) {
                    failed.add(report.gap().map(Gap::source).orElseThrow());
                    continue;
                }
                answered.put(report.source(), true);
                report.evidence(DigestEvidence.Vitals.class).ifPresent(v -> {
                    merge(readings, v.readings());
                    merge(monitors, v.monitors());
                });
                report.evidence(DigestEvidence.NewIssues.class).ifPresent(n -> merge(issues, n.issues()));
                report.evidence(DigestEvidence.SlowEndpoints.class).ifPresent(s -> merge(endpoints, s.endpoints()));
            }
            // A source that answered once is not unavailable because a second report of it failed.
            failed.removeAll(answered.keySet());
            return new Evidence(readings, monitors, issues, endpoints, failed);
        }

        private static <T> void merge(Map<String, List<T>> into, Map<String, List<T>> from) {
            from.forEach((service, items) -> {
                if (items != null) {
                    into.computeIfAbsent(service, s -> new ArrayList<>()).addAll(items);
                }
            });
        }

        List<VitalReading> vitals(String service) {
            List<VitalReading> found = readings.getOrDefault(service, List.of());
            List<VitalReading> ordered = new ArrayList<>();
            for (Vital vital : Vital.values()) {
                found.stream().filter(r -> r != null && r.vital() == vital).findFirst().ifPresent(ordered::add);
            }
            return ordered;
        }

        List<ActiveMonitor> monitors(String service) {
            return monitorsByService.getOrDefault(service, List.of()).stream().filter(java.util.Objects::nonNull).toList();
        }

        List<ErrorIssue> issues(String service) {
            return issuesByService.getOrDefault(service, List.of()).stream().filter(java.util.Objects::nonNull).toList();
        }

        List<EndpointStat> endpoints(String service) {
            return endpointsByService.getOrDefault(service, List.of()).stream().filter(java.util.Objects::nonNull).toList();
        }

        /** In {@link SourceKind} order. */
        List<SourceKind> failed() {
            return List.copyOf(failedSources);
        }
    }
}
