package dev.investigator.digest;

import dev.investigator.model.EndpointStat;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Severity;
import dev.investigator.model.SourceKind;
import java.util.List;
import java.util.Objects;

/**
 * One service's line in the digest: its worst severity, the flags that explain it, and the details behind them.
 *
 * @param unavailable sources that could not answer for this service
 */
public record ServiceDigest(
        String service,
        Severity severity,
        List<DigestFlag> flags,
        List<VitalReading> vitals,
        List<ErrorIssue> newIssues,
        List<EndpointStat> slowEndpoints,
        List<ActiveMonitor> monitors,
        List<SourceKind> unavailable) {

    public ServiceDigest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        flags = List.copyOf(flags);
        vitals = List.copyOf(vitals);
        newIssues = List.copyOf(newIssues);
        slowEndpoints = List.copyOf(slowEndpoints);
        monitors = List.copyOf(monitors);
        unavailable = List.copyOf(unavailable);
    }

    public boolean healthy() {
        return flags.isEmpty();
    }
}
