package dev.investigator.investigation;

import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, fully resolved service definitions for unit tests that do not need the YAML loader. */
final class TestServices {

    private TestServices() {
    }

    static ServiceDefinition service(String name, String... aliases) {
        return new ServiceDefinition(name, "prod", List.of(aliases),
                new ServiceDefinition.Datadog(true, List.of(
                        new MetricQuery("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, "sum:hits{service:" + name + "}", ""),
                        new MetricQuery("errors", "Errors", MetricRole.ERRORS, MetricUnit.COUNT, "sum:errors{service:" + name + "}", ""),
                        new MetricQuery("error_rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT, "", "100 * errors / requests")),
                        List.of(Duration.ofDays(1), Duration.ofDays(7)), "service:" + name, "", Map.of()),
                new ServiceDefinition.Sentry(true, "acme", List.of(name), "prod", ""),
                new ServiceDefinition.XRay(true, "service(\"" + name + "\")", "", name),
                ServiceDefinition.Thresholds.defaults());
    }

    static ServiceCatalog catalog(ServiceDefinition... services) {
        Map<String, ServiceDefinition> m = new LinkedHashMap<>();
        for (ServiceDefinition s : services) {
            m.put(s.name(), s);
        }
        return new ServiceCatalog(m);
    }
}
