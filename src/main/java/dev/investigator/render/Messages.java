package dev.investigator.render;

import dev.investigator.model.MetricUnit;
import dev.investigator.model.TimeWindow;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * Every user-visible string, in one language, plus the number, duration and time formats both renderers share,
 * so Slack and the terminal say the same thing the same way.
 *
 * <p>Texts live in {@code i18n/messages_<lang>.properties} (UTF-8) and are MessageFormat patterns. Callers pass
 * arguments already formatted as strings: MessageFormat's own number formatting is never used, so "1,234" looks
 * the same in every language.
 */
public final class Messages {

    private static final String BUNDLE = "i18n.messages";
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd", Locale.ROOT);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    /** Loads the bundle of {@code language}; no fallback to another language or to the JVM's default locale. */
    public static Messages load(Language language) {
        Objects.requireNonNull(language, "language");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(language, bundle);
    }

    public Language language() {
        return language;
    }

    /**
     * The text of {@code key} with {@code args} filled in.
     *
     * @throws MissingResourceException when the key is not in the bundle (a bug: both bundles are tested)
     */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return new MessageFormat(pattern, language.locale()).format(args == null ? new Object[0] : args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Set<String> keys() {
        return bundle.keySet();
    }

    // ---- numbers ----

    /** "1,234". */
    public String count(long n) {
        return decimal("#,##0").format(n);
    }

    /** A plain number: whole numbers with separators, others with up to 2 decimals ("12.35", "1,234"). */
    public String number(double value) {
        if (!Double.isFinite(value)) {
            return get("fmt.none");
        }
        double abs = Math.abs(value);
        if (abs >= 100 || value == Math.rint(value)) {
            return decimal("#,##0").format(value);
        }
        return decimal("#,##0.##").format(value);
    }

    /** A value already in percent (0-100), one decimal: "6.2%". */
    public String percent(double pct) {
        if (!Double.isFinite(pct)) {
            return get("fmt.none");
        }
        return get("fmt.percent", decimal("#,##0.0").format(pct));
    }

    /** A fraction (0-1) as a whole percent, "83%"; below 1% but not zero, "<1%". */
    public String share(double fraction) {
        if (!Double.isFinite(fraction)) {
            return get("fmt.none");
        }
        double pct = fraction * 100;
        if (pct > 0 && pct < 1) {
            return get("fmt.shareBelowOne");
        }
        return get("fmt.percent", decimal("#,##0").format(pct));
    }

    /** A fraction (0-1) as a percent with one decimal: 0.062 → "6.2%". */
    public String rate(double fraction) {
        return percent(fraction * 100);
    }

    /** Milliseconds: "850 ms" below a second, "1.2 s" below a minute, "2.5 min" above. */
    public String millis(double ms) {
        if (!Double.isFinite(ms)) {
            return get("fmt.none");
        }
        double abs = Math.abs(ms);
        if (abs < 999.5) {
            return get("fmt.ms", decimal("#,##0").format(ms));
        }
        if (abs < 59_950) {
            return get("fmt.s", decimal("#,##0.0").format(ms / 1000));
        }
        return get("fmt.min", decimal("#,##0.0").format(ms / 60_000));
    }

    /** observed / baseline: "×21" from ten up, "×1.5" and "×0.4" below; "new" when the baseline was zero. */
    public String ratio(double ratio) {
        if (Double.isNaN(ratio)) {
            return get("fmt.none");
        }
        if (Double.isInfinite(ratio)) {
            return get("fmt.ratioFromZero");
        }
        String n = Math.abs(ratio) >= 9.95 ? decimal("#,##0").format(ratio) : decimal("0.0").format(ratio);
        return get("fmt.ratio", n);
    }

    /** Bytes with a binary unit: "512 B", "1.5 KB", "3.2 MB". */
    public String bytes(double bytes) {
        if (!Double.isFinite(bytes)) {
            return get("fmt.none");
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = bytes;
        int i = 0;
        while (Math.abs(v) >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        String n = i == 0 ? decimal("#,##0").format(v) : decimal("#,##0.0").format(v);
        return get("fmt.bytes", n, units[i]);
    }

    /** A metric value in its unit. */
    public String value(double value, MetricUnit unit) {
        return switch (unit) {
            case COUNT, NUMBER -> number(value);
            case PERCENT -> percent(value);
            case MILLISECONDS -> millis(value);
            case BYTES -> bytes(value);
        };
    }

    // ---- durations ----

    /** A length of time: "45 s", "30 min", "1 h 30 min", "2 d 3 h" (JA: "30分", "1時間30分"). */
    public String duration(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds < 60) {
            return get("duration.s", count(seconds));
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return get("duration.min", count(minutes));
        }
        long hours = minutes / 60;
        if (hours < 24) {
            long rest = minutes % 60;
            return rest == 0 ? get("duration.h", count(hours)) : get("duration.hmin", count(hours), count(rest));
        }
        long days = hours / 24;
        long rest = hours % 24;
        return rest == 0 ? get("duration.d", count(days)) : get("duration.dh", count(days), count(rest));
    }

    /** How long something took: like {@link #millis}, "1.2 s". */
    public String elapsed(Duration d) {
        return millis(d.toMillis());
    }

    // ---- times ----

    /** "14:03 JST" in English, "14:03" in Japanese. */
    public String time(Instant at, ZoneId zone) {
        return withZone(clock(at, zone), at, zone);
    }

    /** "14:03": the bare clock time, for text where the zone is already stated. */
    public String clock(Instant at, ZoneId zone) {
        return CLOCK.format(at.atZone(zone));
    }

    /** "11/20 14:03": date and clock time, for times on another day than the window's. */
    public String dateClock(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return get("fmt.dateTime", DATE.format(local), CLOCK.format(local));
    }

    /** "11/20". */
    /** "Fri 11/20" (JA "11/20(金)"): a day of the rotation or the digest. */
    public String day(java.time.LocalDate day) {
        String weekday = get("weekday." + day.getDayOfWeek().name());
        String date = String.format(java.util.Locale.ROOT, "%02d/%02d", day.getMonthValue(), day.getDayOfMonth());
        return get("digest.day", weekday, date);
    }

    public String date(Instant at, ZoneId zone) {
        return DATE.format(at.atZone(zone));
    }

    /**
     * A window: "14:00–14:30 JST"; with dates when it crosses midnight: "11/20 23:30 – 11/21 00:30 JST".
     * The end is exclusive, so a window ending at midnight is still "one day".
     */
    public String window(Instant from, Instant to, ZoneId zone) {
        if (crossesDay(from, to, zone)) {
            return withZone(get("fmt.windowDates", dateClock(from, zone), dateClock(to, zone)), to, zone);
        }
        return withZone(get("fmt.window", clock(from, zone), clock(to, zone)), to, zone);
    }

    /** {@link #window(Instant, Instant, ZoneId)} of a model window. */
    public String window(TimeWindow window, ZoneId zone) {
        return window(window.from(), window.to(), zone);
    }

    /** True when {@code [from, to)} spans more than one calendar day in {@code zone}. */
    public static boolean crossesDay(Instant from, Instant to, ZoneId zone) {
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate last = to.minusNanos(1).atZone(zone).toLocalDate();
        return !first.equals(last);
    }

    /** "…and 37 more". */
    public String more(int n) {
        return get("more", count(n));
    }

    private String withZone(String text, Instant at, ZoneId zone) {
        if (language == Language.JA) {
            return text;
        }
        // "zzz" names the zone as it was at that instant: JST, or CET vs CEST across daylight saving.
        String zoneName = ZONE_NAME.format(at.atZone(zone));
        return get("fmt.withZone", text, zoneName);
    }

    private static DecimalFormat decimal(String pattern) {
        // DecimalFormat is not thread-safe: a fresh one per call keeps Messages shareable between threads.
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
