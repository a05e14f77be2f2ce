package dev.investigator.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PagerDuty's Slack app ("Slack V2 Next Generation"). PagerDuty publishes which incident events a channel
 * connection posts (incident.triggered, .resolved, .reopened, .acknowledged…) but not the message layout, so this
 * reads what any layout must carry — the incident link {@code https://<sub>.pagerduty.com/incidents/<ID>}, a status
 * word, and {@code Service} / {@code Urgency} / {@code Priority} as attachment fields, section fields or
 * {@code Label: value} lines — and does not depend on where they sit. Acknowledged, escalated and other updates are
 * not alerts: they are about an incident already posted.
 */
public final class PagerDutyAlertParser implements AlertParser {

    private static final Pattern INCIDENT = Pattern.compile("^https?://[a-z0-9-]+\\.pagerduty\\.com/incidents/([A-Za-z0-9]+)");
    private static final Pattern STATUS = Pattern.compile(
            "\\b(Triggered|Re-?opened|Resolved|Acknowledged|Unacknowledged|Escalated|Reassigned|Delegated|Annotated)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("#(\\d{1,9})\\b");
    private static final Pattern LABELLED = Pattern.compile("(?m)^\\s*\\*?(Service|Urgency|Priority|Status|Severity)\\*?\\s*:\\s*\\*?\\s*(.+?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    // Block Kit section fields are often "*Service*\nCheckout API": a bold label alone on its line, the value below.
    private static final Pattern BOLD_LABEL = Pattern.compile("(?m)^\\s*\\*(Service|Urgency|Priority|Status|Severity)\\*\\s*\\n\\s*(.+?)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOISE = Pattern.compile("(?i)(:[a-z0-9_+-]+:|\\[?#\\d+]?|\\bincident\\b|\\b(triggered|re-?opened|resolved)\\b)");
    private static final Pattern EDGES = Pattern.compile("^[\\s:|–—-]+|[\\s:|–—-]+$");

    @Override
    public AlertVendor vendor() {
        return AlertVendor.PAGERDUTY;
    }

    @Override
    public Optional<Alert> parse(AlertPost post) {
        Optional<AlertPost.Link> incident = post.links().stream().filter(l -> INCIDENT.matcher(l.url()).find()).findFirst();
        boolean named = post.senderName().toLowerCase(Locale.ROOT).contains("pagerduty");
        if (incident.isEmpty() && !named) {
            return Optional.empty();
        }
        Map<String, String> labelled = labelled(post);
        Optional<String> status = Optional.ofNullable(labelled.get("status")).flatMap(PagerDutyAlertParser::statusWord)
                .or(() -> post.headlines().stream().map(PagerDutyAlertParser::statusWord).flatMap(Optional::stream).findFirst());
        if (status.isEmpty()) {
            return Optional.empty();
        }
        AlertState state;
        switch (status.get()) {
            case "triggered", "reopened", "re-opened" -> state = AlertState.FIRING;
            case "resolved" -> state = AlertState.RECOVERED;
            default -> {
                return Optional.empty();
            }
        }
        Optional<String> number = post.headlines().stream().map(NUMBER::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
        Optional<String> id = incident.map(l -> {
            Matcher m = INCIDENT.matcher(l.url());
            m.find();
            return m.group(1);
        });
        if (id.isEmpty() && number.isEmpty()) {
            return Optional.empty();
        }
        Set<String> tags = new LinkedHashSet<>();
        Optional.ofNullable(labelled.get("service")).ifPresent(s -> Alert.addTag(tags, "service", s));
        Optional.ofNullable(labelled.get("urgency")).ifPresent(s -> Alert.addTag(tags, "urgency", s));
        Optional.ofNullable(labelled.get("priority")).ifPresent(s -> Alert.addTag(tags, "priority", s));
        AlertSeverity severity = state == AlertState.RECOVERED ? AlertSeverity.UNKNOWN
                : Optional.ofNullable(labelled.get("priority")).flatMap(AlertSeverity::fromPriority)
                        .or(() -> Optional.ofNullable(labelled.get("urgency")).map(PagerDutyAlertParser::urgency))
                        .or(() -> Optional.ofNullable(labelled.get("severity")).flatMap(AlertSeverity::fromWord))
                        .orElse(AlertSeverity.UNKNOWN);
        String title = title(post, incident);
        Instant when = Mrkdwn.firstDate(post.mrkdwn()).orElse(post.postedAt());
        String key = id.map(i -> "incident:" + i).orElseGet(() -> "number:" + number.get());
        return Optional.of(new Alert(AlertVendor.PAGERDUTY, state, severity, title, tags, when, incident.map(AlertPost.Link::url),
                key, post.plainText()));
    }

    private static Optional<String> statusWord(String line) {
        Matcher m = STATUS.matcher(line);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    private static AlertSeverity urgency(String urgency) {
        return urgency.toLowerCase(Locale.ROOT).startsWith("high") ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
    }

    /** Service, Urgency, Priority, Status and Severity, wherever the post labels them. */
    private static Map<String, String> labelled(AlertPost post) {
        Map<String, String> out = new LinkedHashMap<>();
        for (AlertPost.Attachment a : post.attachments()) {
            for (AlertPost.Field f : a.fields()) {
                String k = Mrkdwn.unformat(Mrkdwn.plain(f.title())).toLowerCase(Locale.ROOT);
                if (k.matches("service|urgency|priority|status|severity")) {
                    out.putIfAbsent(k, Mrkdwn.unformat(Mrkdwn.plain(f.value())));
                }
            }
        }
        String text = post.plainText();
        for (Pattern p : List.of(LABELLED, BOLD_LABEL)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), Mrkdwn.unformat(m.group(2)));
            }
        }
        return out;
    }

    /** The headline without status words, emoji and the incident number. */
    private static String clean(String line) {
        String words = NOISE.matcher(line).replaceAll(" ").replaceAll("\\s+", " ");
        return EDGES.matcher(words).replaceAll("");
    }

    private static String title(AlertPost post, Optional<AlertPost.Link> incident) {
        String label = incident.map(AlertPost.Link::label).map(Mrkdwn::unformat).orElse("");
        String cleaned = clean(label);
        if (cleaned.codePoints().filter(Character::isLetter).count() >= 3
                && !cleaned.toLowerCase(Locale.ROOT).matches("(view|open)( in pagerduty| incident)?")) {
            return cleaned;
        }
        for (String line : post.headlines()) {
            String t = clean(Mrkdwn.unformat(line));
            if (t.codePoints().filter(Character::isLetter).count() >= 3) {
                return t;
            }
        }
        return "PagerDuty incident";
    }
}
