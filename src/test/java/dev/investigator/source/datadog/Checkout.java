package dev.investigator.source.datadog;

import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The checkout service as the example catalog resolves it, and the window the fixtures were written for. */
final class Checkout {

    /** 2026-11-20 14:00-14:05 in Tokyo. */
    static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-20T05:00:00Z"), Instant.parse("2026-11-20T05:05:00Z"));

    static final List<MetricQuery> METRICS = List.of(
            new MetricQuery("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT,
                    "sum:trace.http.request.hits{service:checkout,env:prod}.as_count()", null),
            new MetricQuery("errors", "Errors", MetricRole.ERRORS, MetricUnit.COUNT,
                    "sum:trace.http.request.errors{service:checkout,env:prod}.as_count()", null),
            new MetricQuery("error_rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, null, "100 * errors / requests"),
            new MetricQuery("latency_p95", "p95 latency", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS,
                    "p95:trace.http.request{service:checkout,env:prod}", null));

    private Checkout() {
    }

    static ServiceDefinition service(String eventTags, String dashboardId) {
        return new ServiceDefinition("checkout", "prod", List.of(),
                new ServiceDefinition.Datadog(true, METRICS, List.of(Duration.ofDays(1), Duration.ofDays(7)), eventTags,
                        dashboardId, Map.of("service", "checkout", "env", "prod")),
                new ServiceDefinition.Sentry(false, "", List.of(), "", ""),
                new ServiceDefinition.XRay(false, "", "", ""),
                ServiceDefinition.Thresholds.defaults());
    }

    static InvestigationQuery query(ServiceDefinition service) {
        return new InvestigationQuery("inv-1", service, WINDOW, Origin.SLASH_COMMAND);
    }
}
