package dev.investigator.source.sentry;

import java.util.List;
import java.util.Optional;

/** One page of an organization's projects and the cursor of the next page, present only when Sentry has more. */
record ProjectPage(List<ProjectDto> projects, Optional<String> nextCursor) {

    ProjectPage {
        projects = List.copyOf(projects);
    }
}
