package dev.investigator.source.sentry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /api/0/projects/{org}/{slug}/}: only the numeric id (a string) the issues search needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProjectDto(String id, String slug) {
}
