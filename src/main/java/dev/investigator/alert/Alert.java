package dev.investigator.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One alert, recognised in a Slack post.
 *
 * @param title   the headline without the vendor's state prefix ("[Triggered on …]", "[FIRING:1]", "ALARM:")
 * @param tags    normalised {@code key:value} pairs (lower case; camelCase keys become snake_case), in post order
 * @param firedAt the alert's own time when the post carries one (Grafana's start, Sentry's incident start,
 *                CloudWatch's state change), else the Slack post time
 * @param link    the monitor / issue / incident / alarm page, when the post links it
 * @param key     what the same alert's recovery carries too (monitor id and group, issue id, incident, alarm name)
 * @param text    the post's readable text, bounded, for finding service names; never sent to a vendor
 */
public record Alert(
        AlertVendor vendor,
        AlertState state,
        AlertSeverity severity,
        String title,
        Set<String> tags,
        Instant firedAt,
        Optional<String> link,
        String key,
        String text) {

    static final int MAX_TITLE = 300;
    static final int MAX_TEXT = 8_000;
    private static final int MAX_TAGS = 100;
    private static final int MAX_TAG_VALUE = 200;

    public Alert {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        title = clip(Objects.requireNonNull(title, "title").strip(), MAX_TITLE);
        tags = Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        Objects.requireNonNull(firedAt, "firedAt");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(key, "key");
        text = clip(Objects.requireNonNull(text, "text"), MAX_TEXT);
    }

    /** The values of every tag with this key, in order. */
    public List<String> tagValues(String key) {
        String prefix = key.toLowerCase(Locale.ROOT) + ":";
        List<String> out = new ArrayList<>();
        for (String t : tags) {
            if (t.startsWith(prefix)) {
                out.add(t.substring(prefix.length()));
            }
        }
        return out;
    }

    /** Adds {@code key:value} normalised, ignoring blanks and anything past the bounds. */
    static void addTag(Set<String> tags, String key, String value) {
        if (key == null || value == null || tags.size() >= MAX_TAGS) {
            return;
        }
        String k = normaliseKey(key);
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (k.isEmpty() || v.isEmpty() || v.length() > MAX_TAG_VALUE) {
            return;
        }
        tags.add(k + ":" + v);
    }

    /** {@code ServiceName} → {@code service_name}, {@code Service Name} → {@code service_name}. */
    static String normaliseKey(String key) {
        String k = key.strip().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return k.replaceAll("[\\s-]+", "_").replaceAll("[^a-z0-9_.@]", "");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
