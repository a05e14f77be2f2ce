package dev.investigator.source.sentry;

import java.util.List;
import java.util.Optional;

/** One page of issues and the cursor of the next page, present only when Sentry says it has results. */
record IssuePage(List<IssueDto> issues, Optional<String> nextCursor) {

    IssuePage {
        issues = List.copyOf(issues);
    }
}
