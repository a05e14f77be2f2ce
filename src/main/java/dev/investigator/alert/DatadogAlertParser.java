package dev.investigator.alert;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Datadog monitor notifications. Datadog's Slack integration is closed source and no captured Slack payload
 * is public, so this reads the documented, stable part — the notification title
 * {@code [P2] [Triggered on {service:checkout,env:prod}] Monitor name} (transition words Triggered,
 * Re-Triggered, Recovered, Warn, No Data…; tags in braces when the monitor is multi-alert and
 * {@code include_tags} is on) — wherever the post puts it, and the monitor link ({@code /monitors/ID} or
 * {@code /monitors#ID}, with {@code group=}). A post counts only when it also comes from Datadog (bot name or a
 * Datadog link), so a person quoting a title does not start an investigation.
 */
public final class DatadogAlertParser implements AlertParser {

    private static final Pattern HEAD = Pattern.compile(
            "^(?::[a-z0-9_+-]+:\\s*)*(?:\\[(P[0-5])]\\s*)?\\[([A-Za-z][A-Za-z -]{1,30}?)(?:\\s+on\\s+\\{([^}]*)})?]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST = Pattern.compile("^https?://[^/\\s]*(datadoghq\\.com|datadoghq\\.eu|ddog-gov\\.com)(/|$)");
    private static final Pattern MONITOR = Pattern.compile("/monitors(?:/|#)(\\d+)");
    private static final Pattern GROUP = Pattern.compile("[?&]group=([^&#]+)");

    @Override
    public AlertVendor vendor() {
        return AlertVendor.DATADOG;
    }

    @Override
    public Optional<Alert> parse(AlertPost post) {
        boolean datadogLink = post.links().stream().anyMatch(l -> HOST.matcher(l.url()).find());
        if (!datadogLink && !post.senderName().toLowerCase(Locale.ROOT).contains("datadog")) {
            return Optional.empty();
        }
        for (String line : post.headlines()) {
            Matcher m = HEAD.matcher(Mrkdwn.unformat(line));
            if (!m.matches()) {
                continue;
            }
            Optional<AlertState> state = state(m.group(2));
            if (state.isEmpty()) {
                continue;
            }
            return Optional.of(alert(post, state.get(), m.group(1), m.group(3), Mrkdwn.unformat(m.group(4))));
        }
        return Optional.empty();
    }

    static Optional<AlertState> state(String transition) {
        String t = transition.strip().toLowerCase(Locale.ROOT);
        if (t.contains("recover")) {
            return Optional.of(AlertState.RECOVERED);
        }
        if (t.contains("no data")) {
            return Optional.of(AlertState.NO_DATA);
        }
        if (t.startsWith("warn") || t.startsWith("re-warn")) {
            return Optional.of(AlertState.WARNING);
        }
        if (t.contains("trigger") || t.contains("notify") || t.equals("alert")) {
            return Optional.of(AlertState.FIRING);
        }
        return Optional.empty();
    }

    private static Alert alert(AlertPost post, AlertState state, String priority, String scope, String name) {
        Set<String> tags = new LinkedHashSet<>();
        addPairs(tags, scope);
        for (AlertPost.Attachment a : post.attachments()) {
            for (AlertPost.Field f : a.fields()) {
                if (f.title().toLowerCase(Locale.ROOT).contains("tag")) {
                    addPairs(tags, Mrkdwn.plain(f.value()));
                }
            }
        }
        AlertSeverity severity = switch (state) {
            case WARNING -> AlertSeverity.WARNING;
            case RECOVERED -> AlertSeverity.UNKNOWN;
            case NO_DATA -> AlertSeverity.fromPriority(priority).orElse(AlertSeverity.WARNING);
            case FIRING -> AlertSeverity.fromPriority(priority).orElse(AlertSeverity.ERROR);
        };
        Optional<String> monitorLink = post.links().stream().map(AlertPost.Link::url)
                .filter(u -> HOST.matcher(u).find() && MONITOR.matcher(u).find()).findFirst();
        Optional<String> link = monitorLink.or(() -> post.links().stream().map(AlertPost.Link::url)
                .filter(u -> HOST.matcher(u).find()).findFirst());
        String group = scope == null ? "" : canonicalGroup(scope);
        if (group.isEmpty() && monitorLink.isPresent()) {
            Matcher g = GROUP.matcher(monitorLink.get());
            if (g.find()) {
                group = canonicalGroup(URLDecoder.decode(g.group(1), StandardCharsets.UTF_8));
            }
        }
        String key;
        if (monitorLink.isPresent()) {
            Matcher id = MONITOR.matcher(monitorLink.get());
            id.find();
            key = "monitor:" + id.group(1) + (group.isEmpty() ? "" : "|" + group);
        } else {
            key = "title:" + name + (group.isEmpty() ? "" : "|" + group);
        }
        Instant when = post.attachments().stream().map(AlertPost.Attachment::ts).flatMap(Optional::stream).findFirst()
                .orElse(post.postedAt());
        return new Alert(AlertVendor.DATADOG, state, severity, name.isEmpty() ? "Datadog monitor" : name, tags, when, link, key,
                post.plainText());
    }

    /** {@code service:checkout,env:prod} → tags; a bare value is a group without a key. */
    private static void addPairs(Set<String> tags, String pairs) {
        if (pairs == null) {
            return;
        }
        for (String pair : pairs.split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                Alert.addTag(tags, pair.substring(0, colon), pair.substring(colon + 1));
            }
        }
    }

    private static String canonicalGroup(String scope) {
        TreeSet<String> parts = new TreeSet<>();
        for (String p : scope.split(",")) {
            if (!p.isBlank()) {
                parts.add(p.strip().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(",", parts);
    }
}
