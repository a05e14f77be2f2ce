package dev.investigator.investigation;

import dev.investigator.model.Cause;
import dev.investigator.model.CauseKind;
import dev.investigator.model.ChangeEvent;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Evidence;
import dev.investigator.model.Finding;
import dev.investigator.model.Finding.Deployment;
import dev.investigator.model.Finding.DownstreamFailure;
import dev.investigator.model.Finding.FaultOnset;
import dev.investigator.model.Finding.IssueSurfaced;
import dev.investigator.model.Finding.MetricShift;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.KeyNumber;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.RootCause;
import dev.investigator.model.ServiceDefinition.Thresholds;
import dev.investigator.model.Severity;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.TraceStats;
import dev.investigator.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns the sources' neutral reports into a verdict and, when something is wrong, the most likely cause in the
 * shape root cause → first symptom → impact. Deterministic rules, tried in order, each one a sentence:
 * <ol>
 *   <li>most faulty traces end in a downstream service → that service is failing;</li>
 *   <li>a deploy shortly before the first symptom → the deploy;</li>
 *   <li>a new or regressed error no later than the metrics moved → that error;</li>
 *   <li>requests surged no later than the rest → the traffic;</li>
 *   <li>otherwise the first change is named and nothing is claimed about why.</li>
 * </ol>
 * A healthy window never gets a cause.
 */
public final class Correlator {

    /** A deploy this long before the first symptom may still explain it. */
    static final Duration DEPLOY_LOOKBACK = Duration.ofMinutes(30);
    /** An error this long after metrics moved still counts as their cause (clocks and buckets differ). */
    static final Duration ISSUE_SLACK = Duration.ofMinutes(5);
    static final Duration SURGE_SLACK = Duration.ofMinutes(2);
    static final double DOWNSTREAM_SHARE = 0.5;
    static final long MIN_TRACES = 20;
    static final long MIN_DOWNSTREAM_FAULTS = 5;
    static final long MIN_NEW_ISSUE_EVENTS = 10;

    private static final Set<MetricRole> HEADLINE = EnumSet.of(
            MetricRole.REQUESTS, MetricRole.ERROR_RATE, MetricRole.LATENCY_P95, MetricRole.LATENCY_P99);

    private final ChangePointDetector detector;

    public Correlator(ChangePointDetector detector) {
        this.detector = Objects.requireNonNull(detector);
    }

    public Investigation correlate(InvestigationQuery query, List<SourceReport> reports, Duration elapsed) {
        Thresholds t = query.service().thresholds();
        TimeWindow window = query.window();
        List<Finding> findings = new ArrayList<>();
        List<KeyNumber> keyNumbers = new ArrayList<>();
        List<Severity> severities = new ArrayList<>();

        for (SourceReport report : reports) {
            report.evidence(Evidence.Metrics.class).ifPresent(m -> {
                long requests = Math.round(totalOf(m.series(), MetricRole.REQUESTS));
                for (MetricSeries s : m.series()) {
                    Optional<MetricShift> shift = detector.detect(s, t, report.link());
                    shift.ifPresent(findings::add);
                    if (HEADLINE.contains(s.role()) && !s.points().isEmpty()) {
                        KeyNumber k = keyNumber(s, shift, t, requests);
                        keyNumbers.add(k);
                        severities.add(k.severity());
                    }
                }
                for (ChangeEvent c : m.changes()) {
                    if (c.at().isBefore(window.to()) && !c.at().isBefore(window.from().minus(DEPLOY_LOOKBACK))) {
                        findings.add(new Deployment(c));
                    }
                }
            });
            report.evidence(Evidence.Errors.class).ifPresent(e -> {
                for (ErrorIssue issue : e.issues()) {
                    issueFinding(issue, window).ifPresent(f -> {
                        findings.add(f);
                        if (f.flag() != IssueFlag.SPIKING && issue.eventsInWindow() >= MIN_NEW_ISSUE_EVENTS
                                && !issue.level().equals("info") && !issue.level().equals("warning")) {
                            severities.add(Severity.WARN);
                        }
                    });
                }
            });
            report.evidence(Evidence.Traces.class).ifPresent(tr -> {
                TraceStats stats = tr.stats();
                if (stats.traces() >= MIN_TRACES) {
                    severities.add(stats.faultRate() >= t.faultRateCrit() ? Severity.CRIT
                            : stats.faultRate() >= t.faultRateWarn() ? Severity.WARN : Severity.OK);
                }
                stats.faultOnset().ifPresent(at -> findings.add(new FaultOnset(at, stats.faults(), stats.faultRate(), report.link())));
                downstream(stats, query, t, report.link()).ifPresent(findings::add);
            });
        }

        findings.sort(Comparator.comparing(Finding::at).thenComparing(f -> f.source().ordinal()));
        Verdict verdict = verdict(reports, severities);
        Optional<Cause> cause = verdict == Verdict.DEGRADED || verdict == Verdict.INCIDENT
                ? cause(findings, t) : Optional.empty();
        return new Investigation(query, verdict, keyNumbers, cause, findings, reports, elapsed);
    }

    private static Verdict verdict(List<SourceReport> reports, List<Severity> severities) {
        if (reports.stream().allMatch(SourceReport::failed)) {
            return Verdict.UNKNOWN;
        }
        if (severities.contains(Severity.CRIT)) {
            return Verdict.INCIDENT;
        }
        return severities.contains(Severity.WARN) ? Verdict.DEGRADED : Verdict.HEALTHY;
    }

    static Optional<Cause> cause(List<Finding> findings, Thresholds t) {
        List<Finding> symptoms = findings.stream().filter(Correlator::isSymptom).toList();
        Optional<Finding> firstSymptom = symptoms.stream().findFirst();
        Optional<Finding> impact = impact(findings);

        Optional<DownstreamFailure> downstream = first(findings, DownstreamFailure.class);
        if (downstream.isPresent()) {
            return Optional.of(chain(CauseKind.DOWNSTREAM_FAILURE, downstream.get(), firstSymptom, impact));
        }
        if (firstSymptom.isPresent()) {
            Instant symptomAt = firstSymptom.get().at();
            Optional<Deployment> deploy = findings.stream()
                    .filter(Deployment.class::isInstance).map(Deployment.class::cast)
                    .filter(d -> !d.at().isAfter(symptomAt) && !d.at().isBefore(symptomAt.minus(DEPLOY_LOOKBACK)))
                    .reduce((a, b) -> b); // the latest deploy before the symptom
            if (deploy.isPresent()) {
                return Optional.of(chain(CauseKind.DEPLOYMENT, deploy.get(), firstSymptom, impact));
            }
        }
        Optional<Instant> firstMetricMove = findings.stream()
                .filter(f -> f instanceof MetricShift m && m.role() != MetricRole.REQUESTS && m.role() != MetricRole.RESOURCE)
                .map(Finding::at).findFirst();
        Optional<IssueSurfaced> newError = findings.stream()
                .filter(IssueSurfaced.class::isInstance).map(IssueSurfaced.class::cast)
                .filter(i -> i.flag() != IssueFlag.SPIKING)
                .filter(i -> firstMetricMove.isEmpty() || !i.at().isAfter(firstMetricMove.get().plus(ISSUE_SLACK)))
                .findFirst();
        if (newError.isPresent()) {
            Optional<Finding> symptom = symptoms.stream().filter(s -> s != newError.get()).findFirst();
            return Optional.of(chain(CauseKind.NEW_ERROR, newError.get(), symptom, impact));
        }
        Optional<MetricShift> surge = findings.stream()
                .filter(f -> f instanceof MetricShift m && m.role() == MetricRole.REQUESTS && m.rose()
                        && m.ratio() >= t.trafficSurgeRatio())
                .map(MetricShift.class::cast).findFirst();
        if (surge.isPresent()) {
            Optional<Finding> symptom = symptoms.stream().filter(s -> s != surge.get()).findFirst();
            boolean leads = symptom.isEmpty() || !surge.get().at().isAfter(symptom.get().at().plus(SURGE_SLACK));
            if (leads) {
                return Optional.of(chain(CauseKind.TRAFFIC_SURGE, surge.get(), symptom, impact.filter(i -> i != surge.get())));
            }
        }
        return firstSymptom.or(() -> findings.stream().filter(f -> !(f instanceof Deployment)).findFirst())
                .map(first -> chain(CauseKind.UNEXPLAINED, first, Optional.empty(), impact.filter(i -> i != first)));
    }

    private static Cause chain(CauseKind kind, Finding root, Optional<Finding> symptom, Optional<Finding> impact) {
        Optional<Finding> s = symptom.filter(f -> f != root);
        Optional<Finding> i = impact.filter(f -> f != root && s.map(x -> x != f).orElse(true));
        List<Finding> support = new ArrayList<>(new LinkedHashSet<>(
                Stream.of(Optional.of(root), s, i).flatMap(Optional::stream).toList()));
        return new Cause(kind, root, s, i, support);
    }

    /** Errors, latency, faults and new error groups are symptoms; traffic rises, resources and deploys are not. */
    private static boolean isSymptom(Finding f) {
        if (f instanceof MetricShift m) {
            return switch (m.role()) {
                case ERRORS, ERROR_RATE, LATENCY_P95, LATENCY_P99 -> m.rose();
                case REQUESTS -> !m.rose(); // a drop in traffic is a symptom (an outage upstream of us)
                case RESOURCE -> false;
            };
        }
        // Only a new issue has a known start; a regressed or spiking one may have turned long before.
        return f instanceof FaultOnset || f instanceof IssueSurfaced i && i.flag() == IssueFlag.NEW;
    }

    /** The biggest move of the error rate, else of latency, else of error counts. */
    private static Optional<Finding> impact(List<Finding> findings) {
        for (Set<MetricRole> roles : List.of(EnumSet.of(MetricRole.ERROR_RATE),
                EnumSet.of(MetricRole.LATENCY_P95, MetricRole.LATENCY_P99), EnumSet.of(MetricRole.ERRORS))) {
            Optional<Finding> best = findings.stream()
                    .filter(f -> f instanceof MetricShift m && roles.contains(m.role()) && m.rose())
                    .map(MetricShift.class::cast)
                    .max(Comparator.comparingDouble(MetricShift::ratio))
                    .map(Finding.class::cast);
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    private static Optional<IssueSurfaced> issueFinding(ErrorIssue issue, TimeWindow window) {
        for (IssueFlag flag : List.of(IssueFlag.NEW, IssueFlag.REGRESSED, IssueFlag.SPIKING)) {
            if (issue.has(flag)) {
                Instant at = window.contains(issue.firstSeen()) ? issue.firstSeen() : window.from();
                return Optional.of(new IssueSurfaced(at, issue, flag));
            }
        }
        return Optional.empty();
    }

    /**
     * A root cause outside the service itself that accounts for most faulty traces — claimed only when the
     * faults are real: clustered in time (an onset), enough of them, and above the service's fault-rate bar.
     */
    private static Optional<DownstreamFailure> downstream(TraceStats stats, InvestigationQuery q, Thresholds t, String link) {
        if (stats.faultOnset().isEmpty() || stats.faults() < MIN_DOWNSTREAM_FAULTS || stats.faultRate() < t.faultRateWarn()) {
            return Optional.empty();
        }
        String self = q.service().xray().node().isEmpty() ? q.service().name() : q.service().xray().node();
        Instant at = stats.faultOnset().get();
        for (RootCause rc : stats.rootCauses()) {
            if (!rc.service().equalsIgnoreCase(self) && rc.share() >= DOWNSTREAM_SHARE) {
                return Optional.of(new DownstreamFailure(at, rc.service(), rc.exception(), rc.share(), rc.traces(), link));
            }
        }
        return Optional.empty();
    }

    private KeyNumber keyNumber(MetricSeries s, Optional<MetricShift> shift, Thresholds t, long requests) {
        double[] expected = ChangePointDetector.expected(s);
        boolean hasBaseline = !s.baselines().isEmpty() && expected != null;
        double observed;
        OptionalDouble baseline;
        if (s.unit() == dev.investigator.model.MetricUnit.COUNT) {
            observed = s.points().stream().mapToDouble(p -> p.value()).sum();
            baseline = hasBaseline ? OptionalDouble.of(sumKnown(expected)) : OptionalDouble.empty();
        } else if (shift.isPresent()) {
            observed = shift.get().observed();
            baseline = OptionalDouble.of(shift.get().baseline());
        } else {
            observed = s.points().stream().mapToDouble(p -> p.value()).average().orElse(0);
            baseline = hasBaseline ? OptionalDouble.of(ChangePointDetector.median(expected)) : OptionalDouble.empty();
        }
        double ratio = shift.map(MetricShift::ratio)
                .orElse(baseline.isPresent() && baseline.getAsDouble() > 0 ? observed / baseline.getAsDouble() : 1);
        Severity severity = switch (s.role()) {
            case ERROR_RATE -> requests < t.minRequests() && requests > 0 ? Severity.OK
                    : observed >= t.errorRateCritPct() ? Severity.CRIT
                    : observed >= t.errorRateWarnPct() ? Severity.WARN : Severity.OK;
            case LATENCY_P95, LATENCY_P99 -> ratio >= t.latencyCritRatio() ? Severity.CRIT
                    : ratio >= t.latencyWarnRatio() ? Severity.WARN : Severity.OK;
            case REQUESTS -> ratio >= t.trafficSurgeRatio() * 2 || ratio <= t.trafficDropRatio() / 2 ? Severity.CRIT
                    : ratio >= t.trafficSurgeRatio() || ratio <= t.trafficDropRatio() ? Severity.WARN : Severity.OK;
            default -> Severity.OK;
        };
        return new KeyNumber(s.role(), s.label(), s.unit(), observed, baseline, severity);
    }

    private static double totalOf(List<MetricSeries> series, MetricRole role) {
        return series.stream().filter(s -> s.role() == role).findFirst()
                .map(s -> s.points().stream().mapToDouble(p -> p.value()).sum()).orElse(0.0);
    }

    private static double sumKnown(double[] values) {
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
            }
        }
        return sum;
    }

    private static <T extends Finding> Optional<T> first(List<Finding> findings, Class<T> type) {
        return findings.stream().filter(type::isInstance).map(type::cast).findFirst();
    }
}
