package dev.investigator.digest;

import dev.investigator.model.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The morning digest: every catalog service over the check period, problems first (most severe, then
 * catalog order), with the reports it was built from.
 */
public record DailyDigest(String id, TimeWindow period, Instant generatedAt, List<ServiceDigest> services, List<DigestReport> reports) {

    public DailyDigest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(generatedAt, "generatedAt");
        services = List.copyOf(services);
        reports = List.copyOf(reports);
    }

    public List<ServiceDigest> flagged() {
        return services.stream().filter(s -> !s.healthy()).toList();
    }

    public List<ServiceDigest> healthy() {
        return services.stream().filter(ServiceDigest::healthy).toList();
    }
}
