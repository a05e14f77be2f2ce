package dev.investigator.alert;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch alarms posted by AWS Chatbot / Amazon Q Developer in chat applications. AWS documents the input (the
 * alarm's SNS notification: AlarmName, NewStateValue ALARM / OK / INSUFFICIENT_DATA, StateChangeTime, Region,
 * AWSAccountId, Trigger dimensions) but shows the Slack rendering only as a screenshot, so this reads the facts in
 * the forms they are known to be written in, wherever the post puts them: the SNS subject line
 * {@code ALARM: "name" in Asia Pacific (Tokyo)}, a {@code CloudWatch Alarm | name | region | Account: …} header, state
 * lines ({@code State: ALARM}, {@code OK -> ALARM}), dimension pairs, and the console link
 * {@code …/cloudwatch/home?region=…#alarmsV2:alarm/NAME}.
 */
public final class CloudWatchAlertParser implements AlertParser {

    private static final String STATES = "(ALARM|OK|INSUFFICIENT_DATA)";
    private static final Pattern SUBJECT = Pattern.compile("^(?::[a-z0-9_+-]+:\\s*)*" + STATES + "\\s*:\\s*\"([^\"]{1,255})\"(?:\\s+in\\s+(.+))?$");
    private static final Pattern HEADER = Pattern.compile(
            "CloudWatch Alarm\\s*\\|\\s*([^|\\n]{1,255}?)\\s*\\|\\s*([a-z]{2}(?:-gov)?-[a-z]+-\\d)(?:\\s*\\|\\s*Account:\\s*(\\d{12}))?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRANSITION = Pattern.compile("\\b" + STATES + "\\s*(?:->|→|to)\\s*" + STATES + "\\b");
    private static final Pattern STATE_LINE = Pattern.compile(
            "(?im)^\\s*\\*?(?:new |current )?state(?: value)?\\*?\\s*[:=]?\\s*\\*?\\s*" + STATES + "\\b");
    private static final Pattern CONSOLE = Pattern.compile("^https://(?:([a-z0-9-]+)\\.)?console\\.aws\\.amazon\\.com/cloudwatch/[^#]*#alarms?V2:alarm/([^?&#\\s]+)");
    private static final Pattern REGION_PARAM = Pattern.compile("[?&]region=([a-z]{2}(?:-gov)?-[a-z]+-\\d)");
    private static final Pattern ACCOUNT = Pattern.compile("(?i)account(?:\\s*id)?\\s*[:=]?\\s*\\*?\\s*(\\d{12})\\b");
    private static final Pattern DIMENSION = Pattern.compile("([A-Za-z][A-Za-z0-9_.]{0,62})\\s*[=:]\\s*([^,\\]\\n]{1,200})");
    private static final Pattern DIMENSIONS = Pattern.compile("(?im)^\\s*\\*?Dimensions\\*?\\s*[:=]?\\s*(.+)$");
    private static final Pattern ISO_TIME = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2})");

    @Override
    public AlertVendor vendor() {
        return AlertVendor.CLOUDWATCH;
    }

    @Override
    public Optional<Alert> parse(AlertPost post) {
        String text = post.plainText();
        Optional<Console> console = post.links().stream().map(l -> Console.of(l.url())).flatMap(Optional::stream).findFirst();
        String sender = post.senderName().toLowerCase(Locale.ROOT);
        boolean fromAws = sender.contains("aws") || sender.contains("amazon") || sender.contains("chatbot")
                || text.contains("CloudWatch") || console.isPresent();
        if (!fromAws) {
            return Optional.empty();
        }
        String name = null;
        String state = null;
        String region = console.map(Console::region).orElse(null);
        for (String line : post.headlines()) {
            Matcher subject = SUBJECT.matcher(Mrkdwn.unformat(line));
            if (subject.matches()) {
                state = subject.group(1);
                name = subject.group(2);
                break;
            }
        }
        Matcher header = HEADER.matcher(text);
        if (header.find()) {
            name = name == null ? header.group(1).strip() : name;
            region = region == null ? header.group(2) : region;
        }
        if (name == null && console.isPresent()) {
            name = console.get().alarm();
        }
        if (state == null) {
            Matcher t = TRANSITION.matcher(text);
            Matcher s = STATE_LINE.matcher(text);
            state = t.find() ? t.group(2) : s.find() ? s.group(1) : null;
        }
        if (name == null || name.isBlank() || state == null) {
            return Optional.empty();
        }
        AlertState alertState = switch (state) {
            case "ALARM" -> AlertState.FIRING;
            case "OK" -> AlertState.RECOVERED;
            default -> AlertState.NO_DATA;
        };
        Set<String> tags = new LinkedHashSet<>();
        Matcher dims = DIMENSIONS.matcher(text);
        while (dims.find()) {
            Matcher pair = DIMENSION.matcher(dims.group(1));
            while (pair.find()) {
                Alert.addTag(tags, pair.group(1), pair.group(2));
            }
        }
        for (AlertPost.Attachment a : post.attachments()) {
            for (AlertPost.Field f : a.fields()) {
                if (f.title().toLowerCase(Locale.ROOT).contains("dimension")) {
                    Matcher pair = DIMENSION.matcher(Mrkdwn.plain(f.value()));
                    while (pair.find()) {
                        Alert.addTag(tags, pair.group(1), pair.group(2));
                    }
                }
            }
        }
        if (region != null) {
            Alert.addTag(tags, "region", region);
        }
        Matcher account = ACCOUNT.matcher(text);
        if (account.find()) {
            Alert.addTag(tags, "account", account.group(1));
        }
        Optional<String> link = console.map(Console::url);
        if (link.isEmpty() && region != null) {
            link = Optional.of("https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                    + "#alarmsV2:alarm/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        Instant when = stateChangeTime(text, post.postedAt()).orElse(post.postedAt());
        return Optional.of(new Alert(AlertVendor.CLOUDWATCH, alertState, AlertSeverity.UNKNOWN, name.strip(), tags, when, link,
                "alarm:" + name.strip(), text));
    }

    /** CloudWatch writes StateChangeTime as {@code 2017-01-12T16:30:42.236+0000}; only a plausible one is used. */
    private static Optional<Instant> stateChangeTime(String text, Instant posted) {
        Matcher m = ISO_TIME.matcher(text);
        while (m.find()) {
            String offset = m.group(2);
            if (offset.length() == 5) {
                offset = offset.substring(0, 3) + ":" + offset.substring(3);
            }
            try {
                Instant t = OffsetDateTime.parse(m.group(1) + offset).toInstant();
                if (!t.isAfter(posted.plusSeconds(60)) && t.isAfter(posted.minus(Duration.ofDays(1)))) {
                    return Optional.of(t);
                }
            } catch (DateTimeParseException e) {
                // not a time after all; keep looking
            }
        }
        return Optional.empty();
    }

    private record Console(String url, String alarm, String region) {
        static Optional<Console> of(String url) {
            Matcher m = CONSOLE.matcher(url);
            if (!m.find()) {
                return Optional.empty();
            }
            String alarm;
            try {
                alarm = URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                alarm = m.group(2);
            }
            Matcher r = REGION_PARAM.matcher(url);
            String region = r.find() ? r.group(1) : m.group(1) != null && m.group(1).matches("[a-z]{2}(-gov)?-[a-z]+-\\d") ? m.group(1) : null;
            return Optional.of(new Console(url, alarm, region));
        }
    }
}
