package dev.investigator.render;

import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Evidence;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Sentry reply: new, regressed and spiking issues first with a badge, then the busiest steady issues, the
 * quiet rest summarised; a truncated listing says so.
 */
final class SentryView {

    static final int MAX_FLAGGED = 20;
    static final int MAX_STEADY = 5;

    private final Phrases phrases;
    private final Messages messages;
    private final Markup markup;

    SentryView(Phrases phrases) {
        this.phrases = phrases;
        this.messages = phrases.messages();
        this.markup = phrases.markup();
    }

    SourceView view(SourceReport report, Evidence.Errors errors) {
        List<ErrorIssue> issues = errors.issues();
        if (issues.isEmpty()) {
            return SourceViews.empty(phrases, SourceKind.SENTRY, messages.get("sentry.empty"), report.link());
        }
        List<String> parts = new ArrayList<>();
        parts.add(messages.get("sentry.headline", issues.size(), messages.count(issues.size())));
        for (IssueFlag flag : IssueFlag.values()) {
            long n = issues.stream().filter(i -> i.has(flag)).count();
            if (n > 0) {
                parts.add(messages.get("sentry.count." + flag.name(), messages.count(n)));
            }
        }
        String body = String.join(messages.get("separator"), parts);

        Comparator<ErrorIssue> busiest = Comparator.comparingLong(ErrorIssue::eventsInWindow).reversed()
                .thenComparing(ErrorIssue::shortId);
        List<ErrorIssue> flagged = issues.stream()
                .filter(i -> !i.flags().isEmpty())
                .sorted(Comparator.comparingInt(SentryView::rank).thenComparing(busiest))
                .toList();
        List<ErrorIssue> steady = issues.stream()
                .filter(i -> i.flags().isEmpty())
                .sorted(busiest)
                .toList();
        List<Group> groups = new ArrayList<>();
        if (!flagged.isEmpty()) {
            groups.add(Group.capped(markup.bold(messages.get("sentry.flagged")), flagged, MAX_FLAGGED, this::entry));
        }
        if (!steady.isEmpty()) {
            groups.add(Group.capped(markup.bold(messages.get("sentry.steady")), steady, MAX_STEADY, this::entry));
        }
        if (errors.truncated()) {
            groups.add(Group.of("", List.of(messages.get("sentry.truncated", messages.count(issues.size())))));
        }
        return new SourceView(SourceKind.SENTRY, SourceViews.headline(phrases, SourceKind.SENTRY, body, report.link()),
                groups, SourceViews.summary(messages, SourceKind.SENTRY, body));
    }

    /** NEW before REGRESSED before SPIKING: the newest trouble is the likeliest cause. */
    private static int rank(ErrorIssue issue) {
        for (IssueFlag flag : IssueFlag.values()) {
            if (issue.has(flag)) {
                return flag.ordinal();
            }
        }
        return IssueFlag.values().length;
    }

    /** "🆕 New CHECKOUT-1F3 · PaymentTimeoutError · culprit · 1,234 events · 87 users · first seen 14:02". */
    private String entry(ErrorIssue issue) {
        List<String> parts = new ArrayList<>();
        List<String> badges = new ArrayList<>();
        for (IssueFlag flag : IssueFlag.values()) {
            if (issue.has(flag)) {
                badges.add(messages.get("sentry.badge." + flag.name()));
            }
        }
        String id = markup.link(issue.permalink(), issue.shortId());
        parts.add(badges.isEmpty() ? "• " + id : "• " + String.join(" ", badges) + " " + id);
        if (!issue.title().isBlank()) {
            parts.add(markup.text(issue.title(), Phrases.MAX_TITLE));
        }
        if (!issue.culprit().isBlank()) {
            parts.add(markup.text(issue.culprit(), Phrases.MAX_NAME));
        }
        parts.add(messages.get("sentry.events", issue.eventsInWindow(), messages.count(issue.eventsInWindow())));
        parts.add(messages.get("sentry.users", issue.userCount(), messages.count(issue.userCount())));
        parts.add(messages.get("sentry.firstSeen", phrases.times().at(issue.firstSeen())));
        return String.join(messages.get("separator"), parts);
    }
}
