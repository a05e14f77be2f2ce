package dev.investigator.source.sentry;

import dev.investigator.model.TimeWindow;
import java.util.List;
import java.util.Objects;

/**
 * One issues search: the organization, numeric project ids, environment (empty for all), window and the full
 * search query.
 */
record IssuesRequest(String organization, List<String> projectIds, String environment, TimeWindow window, String query) {

    IssuesRequest {
        Objects.requireNonNull(organization, "organization");
        projectIds = List.copyOf(projectIds);
        environment = environment == null ? "" : environment;
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(query, "query");
    }
}
