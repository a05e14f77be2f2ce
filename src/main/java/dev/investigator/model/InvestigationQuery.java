package dev.investigator.model;

import java.util.Objects;

/** What every trigger produces: which service, which window, and who asked. */
public record InvestigationQuery(String id, ServiceDefinition service, TimeWindow window, Origin origin) {
    public InvestigationQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(origin, "origin");
    }
}
