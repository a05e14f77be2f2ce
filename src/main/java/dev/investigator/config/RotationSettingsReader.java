package dev.investigator.config;

import static dev.investigator.config.CatalogLoader.checkKeys;
import static dev.investigator.config.CatalogLoader.duration;
import static dev.investigator.config.CatalogLoader.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import dev.investigator.rotation.RotationSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the top-level {@code rotation:} section into {@link RotationSettings}. No section, or
 * {@code enabled: false}, means no daily check. Every error names the file and the key.
 *
 * <pre>
 * rotation:
 *   members: [U0123ABCD, U0456EFGH]   # Slack user ids, in rotation order (required; [] = nobody, no prompt)
 *   start_date: 2025-04-01            # the first member's first working day (required)
 *   channel: C0123ABCD                # where the prompt goes (required)
 *   working_days: [mon, tue, wed, thu, fri]
 *   skip_japanese_holidays: true
 *   extra_holidays: [2025-12-29..2026-01-03, 2026-08-14]
 *   time: "10:00"                      # in zone
 *   zone: Asia/Tokyo
 *   remind_after: 60m
 *   escalate_after: 120m
 *   backup: S0123ABCD                  # a user (U…) or user group (S…) mentioned when still unchecked
 *   data_dir: ./data                   # or env INVESTIGATOR_DATA_DIR, which wins
 * </pre>
 */
public final class RotationSettingsReader {

    public static final String DATA_DIR_ENV = "INVESTIGATOR_DATA_DIR";

    private static final String SECTION = "rotation";
    private static final Set<String> KEYS = Set.of(
            "enabled", "members", "start_date", "working_days", "skip_japanese_holidays", "extra_holidays", "time",
            "zone", "channel", "remind_after", "escalate_after", "backup", "data_dir");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\S+)\\s*\\.\\.\\s*(\\S+)");
    private static final long MAX_RANGE_DAYS = 366;
    private static final Map<String, DayOfWeek> DAY_NAMES = dayNames();

    private RotationSettingsReader() {
    }

    /**
     * @param rotation the {@code rotation} node, or null / a missing node when the file has none
     * @param env the process environment ({@value #DATA_DIR_ENV} overrides {@code data_dir})
     * @param file the config file's name, for messages
     * @throws ConfigException naming the key, for anything malformed
     */
    public static Optional<RotationSettings> read(JsonNode rotation, Map<String, String> env, String file) {
        if (rotation == null || rotation.isMissingNode() || rotation.isNull()) {
            return Optional.empty();
        }
        if (!rotation.isObject()) {
            throw ConfigException.at(file, SECTION, "must be a mapping (members:, start_date:, channel:, ...)");
        }
        checkKeys(rotation, KEYS, SECTION, file);
        if (!strictBool(rotation, "enabled", true, file)) {
            return Optional.empty();
        }
        List<String> members = members(rotation, file);
        LocalDate start = date(required(rotation, "start_date", file), key("start_date"), file);
        String channel = required(rotation, "channel", file).asText().trim();
        if (!RotationSettings.CHANNEL.matcher(channel).matches()) {
            throw ConfigException.at(file, key("channel"), "'" + channel + "' is not a channel id like C0123ABCD "
                    + "(in Slack: the channel's name > About > Channel ID; the bot must be invited to it)");
        }
        Duration remind = rotation.has("remind_after")
                ? duration(rotation, "remind_after", SECTION, file) : RotationSettings.DEFAULT_REMIND_AFTER;
        Duration escalate = rotation.has("escalate_after")
                ? duration(rotation, "escalate_after", SECTION, file) : RotationSettings.DEFAULT_ESCALATE_AFTER;
        if (escalate.compareTo(remind) <= 0) {
            throw ConfigException.at(file, key("escalate_after"), "must be longer than remind_after ("
                    + Durations.format(escalate) + " <= " + Durations.format(remind) + "); it counts from the prompt too");
        }
        Optional<String> backup = Optional.of(optionalText(rotation, "backup")).filter(s -> !s.isEmpty());
        if (backup.isPresent() && !RotationSettings.USER.matcher(backup.get()).matches()
                && !RotationSettings.USER_GROUP.matcher(backup.get()).matches()) {
            throw ConfigException.at(file, key("backup"), "'" + backup.get()
                    + "' is not a Slack user id (U0123ABCD) or user group id (S0123ABCD)");
        }
        return Optional.of(new RotationSettings(members, start, workingDays(rotation, file),
                strictBool(rotation, "skip_japanese_holidays", true, file), extraHolidays(rotation, file),
                time(rotation, file), zone(rotation, file), channel, remind, escalate, backup, dataDir(rotation, env, file)));
    }

    private static List<String> members(JsonNode rotation, String file) {
        JsonNode n = required(rotation, "members", file);
        if (!n.isArray()) {
            throw ConfigException.at(file, key("members"), "must be a list of Slack user ids in rotation order, "
                    + "e.g. [U0123ABCD, U0456EFGH]");
        }
        List<String> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n.size(); i++) {
            String id = n.get(i).asText().trim();
            String where = key("members") + "[" + i + "]";
            if (!n.get(i).isValueNode() || !RotationSettings.USER.matcher(id).matches()) {
                throw ConfigException.at(file, where, "'" + id + "' is not a Slack user id like U0123ABCD "
                        + "(in Slack: the member's profile > ... > Copy member ID)");
            }
            Integer first = seen.putIfAbsent(id, i);
            if (first != null) {
                throw ConfigException.at(file, where, id + " is already members[" + first + "]; list each member once");
            }
            out.add(id);
        }
        return out;
    }

    private static Set<DayOfWeek> workingDays(JsonNode rotation, String file) {
        JsonNode n = rotation.get("working_days");
        if (n == null || n.isNull()) {
            return RotationSettings.DEFAULT_WORKING_DAYS;
        }
        if (!n.isArray() || n.isEmpty()) {
            throw ConfigException.at(file, key("working_days"), "must be a non-empty list such as [mon, tue, wed, thu, fri]");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < n.size(); i++) {
            String raw = n.get(i).asText().trim();
            DayOfWeek day = DAY_NAMES.get(raw.toLowerCase(Locale.ROOT));
            if (day == null) {
                throw ConfigException.at(file, key("working_days") + "[" + i + "]",
                        "'" + raw + "' is not a day of the week (mon, tue, wed, thu, fri, sat, sun)");
            }
            days.add(day);
        }
        return days;
    }

    private static Set<LocalDate> extraHolidays(JsonNode rotation, String file) {
        JsonNode n = rotation.get("extra_holidays");
        if (n == null || n.isNull()) {
            return Set.of();
        }
        if (!n.isArray()) {
            throw ConfigException.at(file, key("extra_holidays"), "must be a list of dates or ranges, "
                    + "e.g. [2025-12-29..2026-01-03, 2026-08-14]");
        }
        Set<LocalDate> out = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            String where = key("extra_holidays") + "[" + i + "]";
            String raw = n.get(i).asText().trim();
            Matcher range = RANGE.matcher(raw);
            if (!range.matches()) {
                out.add(date(n.get(i), where, file));
                continue;
            }
            LocalDate from = parseDate(range.group(1), where, file);
            LocalDate to = parseDate(range.group(2), where, file);
            if (to.isBefore(from)) {
                throw ConfigException.at(file, where, "'" + raw + "' ends before it starts");
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_RANGE_DAYS) {
                throw ConfigException.at(file, where, "'" + raw + "' spans more than a year");
            }
            from.datesUntil(to.plusDays(1)).forEach(out::add);
        }
        return out;
    }

    private static LocalTime time(JsonNode rotation, String file) {
        JsonNode n = rotation.get("time");
        if (n == null || n.isNull()) {
            return RotationSettings.DEFAULT_PROMPT_TIME;
        }
        String raw = n.asText().trim();
        Matcher m = TIME.matcher(raw);
        if (n.isValueNode() && m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        throw ConfigException.at(file, key("time"), "'" + raw + "' is not a time like \"10:00\" (24-hour, in zone; quote it)");
    }

    private static ZoneId zone(JsonNode rotation, String file) {
        String raw = optionalText(rotation, "zone");
        if (raw.isEmpty()) {
            return RotationSettings.DEFAULT_ZONE;
        }
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw ConfigException.at(file, key("zone"), "unknown time zone '" + raw + "' (e.g. Asia/Tokyo)");
        }
    }

    private static Path dataDir(JsonNode rotation, Map<String, String> env, String file) {
        String fromEnv = env.getOrDefault(DATA_DIR_ENV, "").trim();
        String raw = fromEnv.isEmpty() ? optionalText(rotation, "data_dir") : fromEnv;
        if (raw.isEmpty()) {
            return RotationSettings.DEFAULT_DATA_DIR;
        }
        try {
            return Path.of(raw);
        } catch (InvalidPathException e) {
            String where = fromEnv.isEmpty() ? file + ": " + key("data_dir") : DATA_DIR_ENV;
            throw new ConfigException(where + ": '" + raw + "' is not a usable directory path");
        }
    }

    private static JsonNode required(JsonNode parent, String name, String file) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull() || (n.isValueNode() && n.asText().isBlank())) {
            throw ConfigException.at(file, key(name), "is required");
        }
        return n;
    }

    private static boolean strictBool(JsonNode parent, String name, boolean fallback, String file) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isBoolean()) {
            throw ConfigException.at(file, key(name), "must be true or false, not '" + n.asText() + "'");
        }
        return n.asBoolean();
    }

    private static LocalDate date(JsonNode n, String where, String file) {
        if (!n.isValueNode()) {
            throw ConfigException.at(file, where, "must be a date like 2025-04-01");
        }
        return parseDate(n.asText().trim(), where, file);
    }

    private static LocalDate parseDate(String raw, String where, String file) {
        try {
            return LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            throw ConfigException.at(file, where, "'" + raw + "' is not a date like 2025-04-01");
        }
    }

    private static String key(String name) {
        return SECTION + "." + name;
    }

    private static Map<String, DayOfWeek> dayNames() {
        Map<String, DayOfWeek> names = new HashMap<>();
        String[] kanji = {"月", "火", "水", "木", "金", "土", "日"};
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            names.put(full, d);
            names.put(full.substring(0, 3), d);
            names.put(kanji[d.ordinal()], d);
        }
        return Map.copyOf(names);
    }
}
