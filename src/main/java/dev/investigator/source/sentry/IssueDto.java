package dev.investigator.source.sentry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * One element of {@code GET /api/0/organizations/{org}/issues/}, only the fields the report uses. Values stay as
 * Sentry sends them ({@code count} is a string, times are ISO-8601 text); {@link SentryTranslator} validates them.
 *
 * @param count events in the requested range, as a string
 * @param stats {@code stats["24h"]} = hourly buckets {@code [[epoch_s, n], ...]} when asked with
 *              {@code groupStatsPeriod=24h}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IssueDto(
        String id,
        String shortId,
        String title,
        String culprit,
        String level,
        String status,
        String substatus,
        String count,
        Long userCount,
        String firstSeen,
        String lastSeen,
        String permalink,
        ProjectRef project,
        Metadata metadata,
        Release firstRelease,
        Map<String, List<List<Long>>> stats) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProjectRef(String id, String slug) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Release(String version) {
    }
}
