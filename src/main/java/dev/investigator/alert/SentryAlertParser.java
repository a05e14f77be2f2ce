package dev.investigator.alert;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentry's Slack integration (getsentry/sentry integrations/slack/message_builder):
 * <ul>
 * <li>issue alerts: top-level blocks; the first block's {@code block_id} is the JSON {@code {"issue":N,"rule":M}}
 *     and its text {@code :red_circle: <issue url|*Title*>}; the emoji gives the level; a tags section
 *     {@code service: `checkout`} appears when the rule shows tags; the footer context names the project;</li>
 * <li>metric alerts: top-level text {@code <…/alerts/rules/details/ID/?alert=N&referrer=metric_alert_slack|*Critical: name*>}
 *     and an attachment whose blocks carry {@code <!date^EPOCH^Started …>}.</li>
 * </ul>
 * A metric alert's later Warning/Resolved posts are thread replies, which the triage leaves to Sentry's thread.
 */
public final class SentryAlertParser implements AlertParser {

    private static final Pattern BLOCK_ISSUE = Pattern.compile("^\\{\\s*\"issue\"\\s*:\\s*(\\d+)");
    private static final Pattern ISSUE_URL = Pattern.compile("/issues/(\\d+)/");
    private static final Pattern METRIC_URL = Pattern.compile("/alerts/rules/details/(\\d+)/?(?:\\?(?:.*&)?alert=(\\d+))?");
    private static final Pattern METRIC_TITLE = Pattern.compile("^(Critical|Warning|Resolved)\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMOJI = Pattern.compile(":([a-z0-9_+-]+):");
    private static final Pattern TAG_PAIR = Pattern.compile("([A-Za-z0-9_.@-]+): `([^`]*)`");
    private static final Pattern TAGS_ONLY = Pattern.compile("^(\\s*[A-Za-z0-9_.@-]+: `[^`]*`\\s*)+$");
    private static final Pattern PROJECT = Pattern.compile("Project: <[^|>]*\\|([^>]+)>");
    private static final Pattern FALLBACK_PROJECT = Pattern.compile("^\\[([a-z0-9][a-z0-9_-]*)]\\s");

    @Override
    public AlertVendor vendor() {
        return AlertVendor.SENTRY;
    }

    @Override
    public Optional<Alert> parse(AlertPost post) {
        if (!fromSentry(post)) {
            return Optional.empty();
        }
        return issueAlert(post).or(() -> metricAlert(post));
    }

    private static boolean fromSentry(AlertPost post) {
        if (post.senderName().toLowerCase(Locale.ROOT).contains("sentry")) {
            return true;
        }
        if (!post.blocks().isEmpty() && BLOCK_ISSUE.matcher(post.blocks().get(0).blockId()).find()) {
            return true;
        }
        return post.links().stream().anyMatch(l -> l.url().contains("referrer=slack") || l.url().contains("referrer=metric_alert_slack"));
    }

    private static Optional<Alert> issueAlert(AlertPost post) {
        if (post.blocks().isEmpty()) {
            return Optional.empty();
        }
        AlertPost.Block head = post.blocks().get(0);
        List<AlertPost.Link> headLinks = Mrkdwn.links(head.text());
        Matcher blockIssue = BLOCK_ISSUE.matcher(head.blockId());
        Optional<String> issueId = blockIssue.find() ? Optional.of(blockIssue.group(1)) : Optional.empty();
        Optional<AlertPost.Link> titleLink = headLinks.stream().filter(l -> ISSUE_URL.matcher(l.url()).find()).findFirst();
        if (titleLink.isEmpty()) {
            return Optional.empty();
        }
        if (issueId.isEmpty()) {
            Matcher m = ISSUE_URL.matcher(titleLink.get().url());
            m.find();
            issueId = Optional.of(m.group(1));
        }
        String title = Mrkdwn.unformat(titleLink.get().label());
        Set<String> emoji = new LinkedHashSet<>();
        Matcher e = EMOJI.matcher(head.text().substring(0, Math.max(0, head.text().indexOf('<'))));
        while (e.find()) {
            emoji.add(e.group(1));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (AlertPost.Block b : post.blocks().subList(1, post.blocks().size())) {
            if (b.type().equals("section") && (b.blockId().contains("tags") || TAGS_ONLY.matcher(b.text()).matches())) {
                Matcher pair = TAG_PAIR.matcher(b.text());
                while (pair.find()) {
                    Alert.addTag(tags, pair.group(1), Mrkdwn.plain(pair.group(2)));
                }
            }
            Matcher project = PROJECT.matcher(b.text());
            if (project.find()) {
                Alert.addTag(tags, "project", Mrkdwn.plain(project.group(1)));
            }
        }
        Matcher fallbackProject = FALLBACK_PROJECT.matcher(post.text());
        if (fallbackProject.find()) {
            Alert.addTag(tags, "project", fallbackProject.group(1));
        }
        AlertState state = emoji.contains("white_circle") ? AlertState.RECOVERED : AlertState.FIRING;
        AlertSeverity severity = tagValue(tags, "level").flatMap(AlertSeverity::fromWord).orElseGet(() -> level(emoji));
        Instant when = Mrkdwn.firstDate(post.mrkdwn()).orElse(post.postedAt());
        return Optional.of(new Alert(AlertVendor.SENTRY, state, severity, title.isEmpty() ? "Sentry issue " + issueId.get() : title,
                tags, when, Optional.of(titleLink.get().url()), "issue:" + issueId.get(), post.plainText()));
    }

    private static Optional<Alert> metricAlert(AlertPost post) {
        for (AlertPost.Link link : Mrkdwn.links(post.mrkdwn())) {
            Matcher url = METRIC_URL.matcher(link.url());
            Matcher title = METRIC_TITLE.matcher(Mrkdwn.unformat(link.label()));
            if (!url.find() || !title.matches()) {
                continue;
            }
            String status = title.group(1).toLowerCase(Locale.ROOT);
            AlertState state = switch (status) {
                case "critical" -> AlertState.FIRING;
                case "warning" -> AlertState.WARNING;
                default -> AlertState.RECOVERED;
            };
            AlertSeverity severity = switch (status) {
                case "critical" -> AlertSeverity.CRITICAL;
                case "warning" -> AlertSeverity.WARNING;
                default -> AlertSeverity.UNKNOWN;
            };
            // The date in the post is the incident's start; a resolution happens when it is posted.
            Instant when = state == AlertState.RECOVERED ? post.postedAt() : Mrkdwn.firstDate(post.mrkdwn()).orElse(post.postedAt());
            String key = "metric:" + url.group(1) + (url.group(2) == null ? "" : ":" + url.group(2));
            return Optional.of(new Alert(AlertVendor.SENTRY, state, severity, title.group(2).strip(), Set.of(), when,
                    Optional.of(link.url()), key, post.plainText()));
        }
        return Optional.empty();
    }

    private static AlertSeverity level(Set<String> emoji) {
        if (emoji.contains("red_circle")) {
            return AlertSeverity.ERROR;
        }
        if (emoji.contains("large_yellow_circle") || emoji.contains("large_orange_circle")) {
            return AlertSeverity.WARNING;
        }
        if (emoji.contains("large_blue_circle") || emoji.contains("bug")) {
            return AlertSeverity.INFO;
        }
        return AlertSeverity.UNKNOWN;
    }

    private static Optional<String> tagValue(Set<String> tags, String key) {
        return tags.stream().filter(t -> t.startsWith(key + ":")).map(t -> t.substring(key.length() + 1)).findFirst();
    }
}
