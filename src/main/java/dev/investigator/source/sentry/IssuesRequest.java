package dev.investigator.source.sentry;

import dev.investigator.model.TimeWindow;
import java.util.List;
import java.util.Objects;

/**
 * One issues search: the organization, numeric project ids, environment (empty for all), window and the full
 * search query, with how Sentry should sort and page it.
 *
 * @param sort             Sentry's sort: {@code freq} for an investigation, {@code new} for the daily check
 * @param limit            issues a page, at most 100
 * @param groupStatsPeriod {@code 24h} for hourly stats per issue, empty for none
 */
record IssuesRequest(String organization, List<String> projectIds, String environment, TimeWindow window, String query,
                     String sort, int limit, String groupStatsPeriod) {

    static final int MAX_LIMIT = 100;

    IssuesRequest {
        Objects.requireNonNull(organization, "organization");
        projectIds = List.copyOf(projectIds);
        environment = environment == null ? "" : environment;
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sort, "sort");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        groupStatsPeriod = groupStatsPeriod == null ? "" : groupStatsPeriod;
    }

    /** An investigation's search: most frequent first, {@value SentryApi#PAGE_LIMIT} a page, with 24h stats. */
    IssuesRequest(String organization, List<String> projectIds, String environment, TimeWindow window, String query) {
        this(organization, projectIds, environment, window, query, "freq", SentryApi.PAGE_LIMIT, SentryApi.STATS_PERIOD);
    }
}
