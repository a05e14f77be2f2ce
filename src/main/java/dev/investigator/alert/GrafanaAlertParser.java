package dev.investigator.alert;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana Alerting's Slack contact point (grafana/alerting receivers/slack): one legacy attachment per
 * notification group, titled {@code [FIRING:n] …}, {@code [FIRING:n, RESOLVED:m] …} or {@code [RESOLVED] …},
 * whose text lists each alert's {@code Labels:} as {@code  - key = value} lines. The footer icon is a constant
 * in Grafana's code, so it identifies Grafana even when titles and texts use custom templates. Pre-unified
 * Grafana titles ({@code [Alerting]}, {@code [OK]}, {@code [No Data]}) are read too.
 */
public final class GrafanaAlertParser implements AlertParser {

    private static final Pattern STATUS = Pattern.compile("\\[(FIRING:\\s*\\d+(?:,\\s*RESOLVED:\\s*\\d+)?|RESOLVED)]");
    private static final Pattern LEGACY = Pattern.compile("^\\[(Alerting|OK|No Data)]\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("^\\s*-\\s*([^=]+?)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern FROM = Pattern.compile("[?&]from=(\\d{12,14})");
    private static final Pattern TO = Pattern.compile("[?&]to=(\\d{12,14})");
    // Grafana's dashboard link opens one hour before the alert started (templates/template_data.go).
    private static final Duration DASHBOARD_LEAD = Duration.ofHours(1);

    @Override
    public AlertVendor vendor() {
        return AlertVendor.GRAFANA;
    }

    @Override
    public Optional<Alert> parse(AlertPost post) {
        for (AlertPost.Attachment a : post.attachments()) {
            if (!fromGrafana(post, a)) {
                continue;
            }
            String title = Mrkdwn.plain(a.title().isEmpty() ? a.fallback() : a.title()).strip();
            Matcher status = STATUS.matcher(title);
            if (status.find()) {
                AlertState state = status.group(1).startsWith("FIRING") ? AlertState.FIRING : AlertState.RECOVERED;
                String name = (title.substring(0, status.start()) + " " + title.substring(status.end())).strip().replaceAll("\\s+", " ");
                return Optional.of(alert(post, a, state, name));
            }
            Matcher legacy = LEGACY.matcher(title);
            if (legacy.find()) {
                AlertState state = switch (legacy.group(1).toLowerCase(Locale.ROOT)) {
                    case "ok" -> AlertState.RECOVERED;
                    case "no data" -> AlertState.NO_DATA;
                    default -> AlertState.FIRING;
                };
                return Optional.of(alert(post, a, state, title.substring(legacy.end()).strip()));
            }
        }
        return Optional.empty();
    }

    private static boolean fromGrafana(AlertPost post, AlertPost.Attachment a) {
        return a.footerIcon().contains("grafana.com/") || a.footer().startsWith("Grafana")
                || post.senderName().toLowerCase(Locale.ROOT).contains("grafana");
    }

    private static Alert alert(AlertPost post, AlertPost.Attachment a, AlertState titleState, String name) {
        Sections sections = Sections.read(Mrkdwn.unescape(a.text()));
        List<GroupAlert> chosen = titleState == AlertState.RECOVERED ? sections.resolved : sections.firing;
        if (chosen.isEmpty()) {
            chosen = sections.all();
        }
        AlertState state = titleState;
        if (titleState == AlertState.FIRING && !chosen.isEmpty()
                && chosen.stream().allMatch(g -> "DatasourceNoData".equals(g.labels.get("alertname")))) {
            state = AlertState.NO_DATA;
        }
        Set<String> tags = new LinkedHashSet<>();
        AlertSeverity severity = AlertSeverity.UNKNOWN;
        for (GroupAlert g : chosen) {
            for (Map.Entry<String, String> label : g.labels.entrySet()) {
                Alert.addTag(tags, label.getKey(), label.getValue());
            }
            AlertSeverity s = Optional.ofNullable(g.labels.get("severity")).flatMap(AlertSeverity::fromWord)
                    .or(() -> Optional.ofNullable(g.labels.get("priority")).flatMap(AlertSeverity::fromWord))
                    .orElse(AlertSeverity.UNKNOWN);
            if (s.ordinal() < severity.ordinal()) {
                severity = s;
            }
        }
        Instant posted = a.ts().orElse(post.postedAt());
        Instant when = time(chosen, state, post.postedAt()).orElse(posted);
        Optional<String> link = absolute(a.titleLink());
        if (link.isEmpty() && !chosen.isEmpty()) {
            link = absolute(chosen.get(0).source);
        }
        String key = chosen.isEmpty() || chosen.get(0).labels.isEmpty() ? "title:" + name : "labels:" + new TreeMap<>(chosen.get(0).labels);
        StringBuilder text = new StringBuilder(Mrkdwn.plain(a.pretext())).append('\n').append(name);
        for (GroupAlert g : chosen) {
            text.append('\n').append(String.join("\n", g.lines));
        }
        return new Alert(AlertVendor.GRAFANA, state, severity, name.isEmpty() ? "Grafana alert" : name, tags, when, link, key,
                text.toString());
    }

    /**
     * A firing alert's start is recoverable from its dashboard link ({@code from} = start − 1 h); a resolved
     * one's end is the link's {@code to}. Only used when it is plausible next to the post time.
     */
    private static Optional<Instant> time(List<GroupAlert> alerts, AlertState state, Instant posted) {
        Optional<Instant> best = Optional.empty();
        for (GroupAlert g : alerts) {
            for (String url : List.of(g.dashboard, g.panel)) {
                Matcher m = (state == AlertState.RECOVERED ? TO : FROM).matcher(url);
                if (!m.find()) {
                    continue;
                }
                Instant t = Instant.ofEpochMilli(Long.parseLong(m.group(1)));
                if (state != AlertState.RECOVERED) {
                    t = t.plus(DASHBOARD_LEAD);
                }
                if (t.isAfter(posted.plusSeconds(60)) || t.isBefore(posted.minus(Duration.ofDays(7)))) {
                    continue;
                }
                if (best.isEmpty() || (state == AlertState.RECOVERED ? t.isAfter(best.get()) : t.isBefore(best.get()))) {
                    best = Optional.of(t);
                }
            }
        }
        return best;
    }

    private static Optional<String> absolute(String url) {
        String u = url == null ? "" : url.strip();
        return u.startsWith("https://") || u.startsWith("http://") ? Optional.of(u) : Optional.empty();
    }

    /** One alert of the group, as Grafana's default message lists it. */
    private static final class GroupAlert {
        final Map<String, String> labels = new LinkedHashMap<>();
        final List<String> lines = new ArrayList<>();
        String source = "";
        String dashboard = "";
        String panel = "";
    }

    private static final class Sections {
        final List<GroupAlert> firing = new ArrayList<>();
        final List<GroupAlert> resolved = new ArrayList<>();

        List<GroupAlert> all() {
            List<GroupAlert> all = new ArrayList<>(firing);
            all.addAll(resolved);
            return all;
        }

        static Sections read(String text) {
            Sections s = new Sections();
            List<GroupAlert> target = s.firing;
            GroupAlert current = null;
            String block = "";
            for (String raw : text.split("\n")) {
                String line = raw.stripTrailing();
                String bare = line.strip();
                if (bare.equalsIgnoreCase("**Firing**")) {
                    target = s.firing;
                    current = null;
                    continue;
                }
                if (bare.equalsIgnoreCase("**Resolved**")) {
                    target = s.resolved;
                    current = null;
                    continue;
                }
                boolean starts = bare.startsWith("Value:") || (bare.equals("Labels:") && (current == null || !current.labels.isEmpty()));
                if (starts) {
                    current = new GroupAlert();
                    target.add(current);
                }
                if (current == null) {
                    continue;
                }
                current.lines.add(line);
                if (bare.equals("Labels:") || bare.equals("Annotations:")) {
                    block = bare;
                } else if (bare.startsWith("Source:")) {
                    current.source = bare.substring(7).strip();
                    block = "";
                } else if (bare.startsWith("Dashboard:")) {
                    current.dashboard = decode(bare.substring(10).strip());
                    block = "";
                } else if (bare.startsWith("Panel:")) {
                    current.panel = decode(bare.substring(6).strip());
                    block = "";
                } else if (block.equals("Labels:")) {
                    Matcher m = LABEL.matcher(line);
                    if (m.matches()) {
                        current.labels.put(m.group(1).strip(), m.group(2));
                    }
                }
            }
            return s;
        }

        private static String decode(String url) {
            try {
                return URLDecoder.decode(url, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return url;
            }
        }
    }
}
