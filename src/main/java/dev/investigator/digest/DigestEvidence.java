package dev.investigator.digest;

import dev.investigator.model.EndpointStat;
import dev.investigator.model.ErrorIssue;
import java.util.List;
import java.util.Map;

/**
 * What one source contributes to the daily digest, keyed by service name (catalog names). A service missing
 * from a map had nothing to report; it is not a failure.
 */
public sealed interface DigestEvidence {

    /** Datadog: requests, error rate and p95 against the baselines, and monitors alerting now. */
    record Vitals(Map<String, List<VitalReading>> readings, Map<String, List<ActiveMonitor>> monitors)
            implements DigestEvidence {
        public Vitals {
            readings = Map.copyOf(readings);
            monitors = Map.copyOf(monitors);
        }
    }

    /** Sentry: issues first seen in the period, newest first; truncated when the listing was cut short. */
    record NewIssues(Map<String, List<ErrorIssue>> issues, boolean truncated) implements DigestEvidence {
        public NewIssues {
            issues = Map.copyOf(issues);
        }
    }

    /** X-Ray: the slowest endpoints in the period, slowest first. */
    record SlowEndpoints(Map<String, List<EndpointStat>> endpoints) implements DigestEvidence {
        public SlowEndpoints {
            endpoints = Map.copyOf(endpoints);
        }
    }
}
