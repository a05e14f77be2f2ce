package dev.investigator.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One dated, sourced observation. Renderers phrase it; the correlator orders and chains them.
 * Every finding carries the link that proves it.
 */
public sealed interface Finding {

    Instant at();

    SourceKind source();

    String link();

    /** A metric left its baseline at {@code at}: from {@code baseline} to {@code observed} (peak or mean after). */
    record MetricShift(
            Instant at, String metricId, String label, MetricRole role, MetricUnit unit,
            double baseline, double observed, String link) implements Finding {
        public MetricShift {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public SourceKind source() {
            return SourceKind.DATADOG;
        }

        /** observed / baseline; infinite when the baseline was zero and something appeared. */
        public double ratio() {
            if (baseline == 0) {
                return observed == 0 ? 1 : Double.POSITIVE_INFINITY;
            }
            return observed / baseline;
        }

        public boolean rose() {
            return observed > baseline;
        }
    }

    /** A Sentry issue that is new, regressed or spiking in the window; {@code at} is when it first showed. */
    record IssueSurfaced(Instant at, ErrorIssue issue, IssueFlag flag) implements Finding {
        public IssueSurfaced {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(issue, "issue");
            Objects.requireNonNull(flag, "flag");
        }

        @Override
        public SourceKind source() {
            return SourceKind.SENTRY;
        }

        @Override
        public String link() {
            return issue.permalink();
        }
    }

    /** Faulty traces started to cluster at {@code at}. */
    record FaultOnset(Instant at, long faults, double faultRate, String link) implements Finding {
        public FaultOnset {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public SourceKind source() {
            return SourceKind.XRAY;
        }
    }

    /** Most faulty traces name a downstream service as their root cause. */
    record DownstreamFailure(Instant at, String service, String exception, double share, long traces, String link)
            implements Finding {
        public DownstreamFailure {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(service, "service");
        }

        @Override
        public SourceKind source() {
            return SourceKind.XRAY;
        }
    }

    /** A deploy or other intended change, from Datadog events. */
    record Deployment(ChangeEvent change) implements Finding {
        public Deployment {
            Objects.requireNonNull(change, "change");
        }

        @Override
        public Instant at() {
            return change.at();
        }

        @Override
        public SourceKind source() {
            return SourceKind.DATADOG;
        }

        @Override
        public String link() {
            return change.link();
        }
    }
}
