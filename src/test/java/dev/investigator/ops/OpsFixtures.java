package dev.investigator.ops;

import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small model values for the ops tests; the metrics only read verdict, elapsed and the reports. */
final class OpsFixtures {

    static final Instant T0 = Instant.parse("2026-11-20T05:00:00Z");

    private OpsFixtures() {
    }

    static InvestigationQuery query(String id) {
        ServiceDefinition checkout = new ServiceDefinition("checkout", "prod", List.of(),
                new ServiceDefinition.Datadog(true, List.of(), List.of(Duration.ofDays(1)), "", "", Map.of()),
                new ServiceDefinition.Sentry(true, "acme", List.of("checkout"), "production", ""),
                new ServiceDefinition.XRay(true, "service(\"checkout\")", "", "checkout"),
                ServiceDefinition.Thresholds.defaults());
        return new InvestigationQuery(id, checkout, TimeWindow.ending(T0, Duration.ofMinutes(30)), Origin.SLASH_COMMAND);
    }

    static Investigation investigation(Verdict verdict, Duration elapsed, SourceReport... reports) {
        return new Investigation(query("inv-1"), verdict, List.of(), Optional.empty(), List.of(), List.of(reports), elapsed);
    }

    static SourceReport found(SourceKind kind, Duration elapsed, int calls) {
        return SourceReport.found(kind, new Evidence.Errors(List.of(), false), elapsed, calls, "");
    }

    static SourceReport failed(SourceKind kind, GapReason reason, int status, Duration elapsed, int calls) {
        return SourceReport.failed(Gap.http(kind, reason, status, "HTTP " + status), elapsed, calls, "");
    }
}
