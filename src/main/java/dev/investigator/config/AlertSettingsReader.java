package dev.investigator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.investigator.alert.AlertSettings;
import dev.investigator.alert.AlertSeverity;
import dev.investigator.alert.AlertState;
import dev.investigator.alert.AlertVendor;
import dev.investigator.alert.ChannelSettings;
import dev.investigator.alert.FollowUpStyle;
import dev.investigator.alert.UnknownServiceReply;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the {@code alerts:} section:
 * <pre>
 * alerts:
 *   defaults: { lookback: 30m, after: 5m, storm_window: 10m, follow_ups: reply, unknown_service: reply,
 *               daily_cap: 50, max_age: 15m, min_severity: warning }
 *   channels:
 *     C0ALERTS01: { aliases: { checkout-api: checkout }, patterns: ['svc=(?&lt;service&gt;[a-z-]+)'] }
 *     C0ALERTS02: { enabled: false }
 * </pre>
 * A channel's settings are the defaults with its own keys laid on top; {@code aliases} merge with the defaults'
 * (the channel's win), every other key replaces. Only listed channels are watched. Every error names the key.
 */
public final class AlertSettingsReader {

    // Same shape as slack.allowed_channels (CatalogLoader.SLACK_CHANNEL).
    private static final Pattern CHANNEL_ID = Pattern.compile("[CG][A-Z0-9]{6,20}");
    private static final Pattern TAG_KEY = Pattern.compile("[a-z0-9_.@-]{1,64}");
    private static final Set<String> SECTION_KEYS = Set.of("defaults", "channels");
    private static final Set<String> CHANNEL_KEYS = Set.of(
            "enabled", "vendors", "min_severity", "states", "lookback", "after", "storm_window", "follow_ups",
            "unknown_service", "daily_cap", "max_age", "aliases", "patterns", "service_tags");
    private static final int MAX_ALIAS = 100;
    private static final int MAX_PATTERN = 500;

    private AlertSettingsReader() {
    }

    /**
     * @param alerts the {@code alerts} node, or a missing/null node (then no channel is watched)
     * @param file   the config file, for error messages
     */
    public static AlertSettings read(JsonNode alerts, ServiceCatalog catalog, String file) {
        if (alerts == null || alerts.isMissingNode() || alerts.isNull()) {
            return AlertSettings.none();
        }
        if (!alerts.isObject()) {
            throw ConfigException.at(file, "alerts", "must be a mapping with defaults: and channels:");
        }
        CatalogLoader.checkKeys(alerts, SECTION_KEYS, "alerts", file);
        JsonNode defaultsNode = CatalogLoader.object(alerts, "defaults", "alerts", file);
        ChannelSettings defaults = channel(defaultsNode, ChannelSettings.defaults(), catalog, "alerts.defaults", file);

        Map<String, ChannelSettings> channels = new LinkedHashMap<>();
        JsonNode channelsNode = CatalogLoader.object(alerts, "channels", "alerts", file);
        for (Map.Entry<String, JsonNode> e : CatalogLoader.iterable(channelsNode)) {
            String id = e.getKey().trim();
            String path = "alerts.channels." + e.getKey();
            if (!CHANNEL_ID.matcher(id).matches()) {
                throw ConfigException.at(file, path, "'" + e.getKey()
                        + "' is not a Slack channel id (they look like C0123ABCD; copy it from the channel's details)");
            }
            JsonNode override = e.getValue() == null || e.getValue().isNull() ? JsonNodeFactory.instance.objectNode() : e.getValue();
            if (!override.isObject()) {
                throw ConfigException.at(file, path, "must be empty or a mapping of settings (enabled:, aliases:, …)");
            }
            channels.put(id, channel(override, defaults, catalog, path, file));
        }
        return new AlertSettings(defaults, channels);
    }

    private static ChannelSettings channel(JsonNode n, ChannelSettings base, ServiceCatalog catalog, String path, String file) {
        CatalogLoader.checkKeys(n, CHANNEL_KEYS, path, file);
        boolean enabled = CatalogLoader.bool(n, "enabled", base.enabled());
        Set<AlertVendor> vendors = n.has("vendors") ? enums(n, "vendors", AlertVendor.class, path, file) : base.vendors();
        AlertSeverity minSeverity = base.minSeverity();
        if (present(n, "min_severity")) {
            minSeverity = CatalogLoader.enumValue(AlertSeverity.class, CatalogLoader.text(n, "min_severity", path, file),
                    path + ".min_severity", file);
            if (minSeverity == AlertSeverity.UNKNOWN) {
                throw ConfigException.at(file, path + ".min_severity", "must be one of critical, error, warning, info");
            }
        }
        Set<AlertState> states = base.states();
        if (n.has("states")) {
            states = enums(n, "states", AlertState.class, path, file);
            if (states.contains(AlertState.RECOVERED)) {
                throw ConfigException.at(file, path + ".states",
                        "recovered never starts an investigation (recoveries are noted in the original thread); use firing, warning, no_data");
            }
        }
        Duration lookback = duration(n, "lookback", base.lookback(), Duration.ofMinutes(1), Duration.ofHours(24), path, file);
        Duration after = duration(n, "after", base.after(), Duration.ZERO, Duration.ofHours(1), path, file);
        Duration storm = duration(n, "storm_window", base.stormWindow(), Duration.ofMinutes(1), Duration.ofHours(24), path, file);
        Duration maxAge = duration(n, "max_age", base.maxAge(), Duration.ofMinutes(1), Duration.ofHours(24), path, file);
        FollowUpStyle followUps = present(n, "follow_ups")
                ? CatalogLoader.enumValue(FollowUpStyle.class, CatalogLoader.text(n, "follow_ups", path, file), path + ".follow_ups", file)
                : base.followUps();
        UnknownServiceReply unknown = present(n, "unknown_service")
                ? CatalogLoader.enumValue(UnknownServiceReply.class, CatalogLoader.text(n, "unknown_service", path, file),
                        path + ".unknown_service", file)
                : base.unknownService();
        int dailyCap = base.dailyCap();
        if (present(n, "daily_cap")) {
            double raw = CatalogLoader.number(n, "daily_cap", base.dailyCap(), path, file);
            if (raw != Math.rint(raw) || raw < 1 || raw > 10_000) {
                throw ConfigException.at(file, path + ".daily_cap", "must be a whole number between 1 and 10000");
            }
            dailyCap = (int) raw;
        }
        Map<String, String> aliases = new LinkedHashMap<>(base.aliases());
        aliases.putAll(aliases(n, catalog, path, file));
        List<Pattern> patterns = n.has("patterns") ? patterns(n, path, file) : base.patterns();
        List<String> serviceTags = n.has("service_tags") ? serviceTags(n, path, file) : base.serviceTags();
        return new ChannelSettings(enabled, vendors, minSeverity, states, lookback, after, storm, followUps, unknown, dailyCap,
                maxAge, aliases, patterns, serviceTags);
    }

    private static boolean present(JsonNode n, String key) {
        return n.has(key) && !n.get(key).isNull();
    }

    private static <E extends Enum<E>> Set<E> enums(JsonNode n, String key, Class<E> type, String path, String file) {
        Set<E> out = EnumSet.noneOf(type);
        for (JsonNode v : list(n, key, path, file)) {
            out.add(CatalogLoader.enumValue(type, v.asText().trim(), path + "." + key, file));
        }
        if (out.isEmpty()) {
            throw ConfigException.at(file, path + "." + key, "must name at least one; to switch the channel off use enabled: false");
        }
        return out;
    }

    private static List<JsonNode> list(JsonNode n, String key, String path, String file) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (v.isArray()) {
            List<JsonNode> out = new ArrayList<>();
            v.forEach(e -> {
                if (!e.isValueNode()) {
                    throw ConfigException.at(file, path + "." + key, "must be a list of plain values");
                }
                out.add(e);
            });
            return out;
        }
        if (v.isValueNode()) {
            return List.of(v);
        }
        throw ConfigException.at(file, path + "." + key, "must be a list");
    }

    private static Duration duration(JsonNode n, String key, Duration fallback, Duration min, Duration max, String path, String file) {
        if (!present(n, key)) {
            return fallback;
        }
        String where = path + "." + key;
        String raw = n.get(key).asText().trim();
        Duration d = Durations.parse(raw)
                .orElseThrow(() -> ConfigException.at(file, where, "'" + raw + "' is not a duration like 30m or 90s"));
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw ConfigException.at(file, where, "must lie between " + Durations.format(min) + " and " + Durations.format(max));
        }
        return d;
    }

    private static Map<String, String> aliases(JsonNode n, ServiceCatalog catalog, String path, String file) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode node = n.get("aliases");
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw ConfigException.at(file, path + ".aliases", "must be a mapping of text in alerts: service, e.g. { checkout-api: checkout }");
        }
        for (Map.Entry<String, JsonNode> e : CatalogLoader.iterable(node)) {
            String text = e.getKey().trim().toLowerCase(Locale.ROOT);
            String where = path + ".aliases." + e.getKey();
            if (text.isEmpty() || text.length() > MAX_ALIAS) {
                throw ConfigException.at(file, where, "alias text must be 1 to " + MAX_ALIAS + " characters");
            }
            if (!e.getValue().isValueNode() || e.getValue().asText().isBlank()) {
                throw ConfigException.at(file, where, "must name a service of the catalog");
            }
            String target = e.getValue().asText().trim();
            Optional<ServiceDefinition> service = catalog.find(target);
            if (service.isEmpty()) {
                String hint = CatalogLoader.closest(target.toLowerCase(Locale.ROOT), Set.copyOf(catalog.namesAndAliases()))
                        .map(s -> " — did you mean '" + s + "'?").orElse("");
                throw ConfigException.at(file, where, "'" + target + "' is not a service of the catalog" + hint
                        + " (services: " + String.join(", ", catalog.names()) + ")");
            }
            out.put(text, service.get().name());
        }
        return out;
    }

    private static List<Pattern> patterns(JsonNode n, String path, String file) {
        List<Pattern> out = new ArrayList<>();
        for (JsonNode v : list(n, "patterns", path, file)) {
            String raw = v.asText();
            String where = path + ".patterns";
            if (raw.isBlank() || raw.length() > MAX_PATTERN) {
                throw ConfigException.at(file, where, "a pattern must be 1 to " + MAX_PATTERN + " characters");
            }
            Pattern p;
            try {
                p = Pattern.compile(raw);
            } catch (PatternSyntaxException e) {
                throw ConfigException.at(file, where, "'" + raw + "' is not a valid regular expression: " + e.getDescription());
            }
            if (!raw.contains("(?<service>")) {
                throw ConfigException.at(file, where, "'" + raw + "' needs a named group (?<service>...) capturing the service name");
            }
            out.add(p);
        }
        return out;
    }

    private static List<String> serviceTags(JsonNode n, String path, String file) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : list(n, "service_tags", path, file)) {
            String key = v.asText().trim().toLowerCase(Locale.ROOT);
            if (!TAG_KEY.matcher(key).matches()) {
                throw ConfigException.at(file, path + ".service_tags", "'" + v.asText() + "' is not a tag key (e.g. service, app, kube_service)");
            }
            out.add(key);
        }
        if (out.isEmpty()) {
            throw ConfigException.at(file, path + ".service_tags", "must name at least one tag key, e.g. [service]");
        }
        return out;
    }
}
