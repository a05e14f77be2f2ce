package dev.investigator.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One error group (a Sentry issue) active in the window.
 *
 * @param eventsInWindow events inside the investigated window
 * @param eventsBefore   events in an equally long period just before the window (for "spiking"), -1 if unknown
 * @param lastRelease    the release it was first seen in, empty if unknown
 */
public record ErrorIssue(
        String id,
        String shortId,
        String title,
        String culprit,
        String level,
        String project,
        Instant firstSeen,
        Instant lastSeen,
        long eventsInWindow,
        long eventsBefore,
        long userCount,
        Set<IssueFlag> flags,
        String firstRelease,
        String permalink) {

    public ErrorIssue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        shortId = shortId == null ? id : shortId;
        title = title == null ? "" : title;
        culprit = culprit == null ? "" : culprit;
        level = level == null ? "error" : level;
        project = project == null ? "" : project;
        flags = Set.copyOf(flags);
        firstRelease = firstRelease == null ? "" : firstRelease;
        permalink = permalink == null ? "" : permalink;
    }

    public boolean has(IssueFlag flag) {
        return flags.contains(flag);
    }
}
