package dev.investigator.investigation;

import dev.investigator.investigation.UserFacingException.Problem;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Turns {@code <service> [window]} into a validated {@link Command}. The service must be in the catalog and
 * the window is rebuilt from numbers, so no user text ever reaches a vendor query.
 *
 * <p>Japanese input is welcome: full-width digits and spaces, {@code 30分 / 2時間 / 1日}, and {@code ～ 〜}
 * as range separators are normalised first.
 */
public final class QueryParser {

    public static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(7);
    private static final int MAX_INPUT = 200;
    private static final int MAX_ECHO = 40;

    private static final Set<String> HELP = Set.of("help", "-h", "--help", "?", "ヘルプ", "使い方");
    private static final Set<String> DAILY = Set.of("daily", "digest", "日次", "デイリー", "日次チェック");
    private static final Set<String> ROTATION = Set.of("rotation", "duty", "当番", "ローテーション", "担当");
    private static final Pattern RELATIVE = Pattern.compile(
            "(\\d{1,5})\\s*(m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|分|分間|時間|日|日間)");
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?:(\\d{4})-(\\d{1,2})-(\\d{1,2})\\s+)?(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");
    private static final Pattern DASHES = Pattern.compile("[\\u2010-\\u2015\\u301c\\uff5e~]");
    /** Control and format characters, line breaks, and surrogate halves without their other half (Cs). */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}]");

    private final ServiceCatalog catalog;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration defaultWindow;

    public QueryParser(ServiceCatalog catalog, ZoneId zone, Clock clock, Duration defaultWindow) {
        this.catalog = Objects.requireNonNull(catalog);
        this.zone = Objects.requireNonNull(zone);
        this.clock = Objects.requireNonNull(clock);
        this.defaultWindow = Objects.requireNonNull(defaultWindow);
    }

    public Command parse(String raw) {
        String text = normalise(raw == null ? "" : raw);
        if (text.length() > MAX_INPUT) {
            throw new UserFacingException(Problem.TOO_LONG, echo(text), List.of());
        }
        if (text.isEmpty()) {
            throw new UserFacingException(Problem.EMPTY, "", catalog.names().stream().limit(5).toList());
        }
        String[] words = text.split(" ", 2);
        String first = words[0].toLowerCase(Locale.ROOT);
        if (HELP.contains(first)) {
            return new Command.Help();
        }
        if (words.length == 2 && ROTATION.contains(first) && catalog.find(first).isEmpty()) {
            return new Command.Rotation(Optional.of(rotationChange(words[1])));
        }
        // a catalog service of the same name wins: the keywords must never hide a service
        if (words.length == 1 && catalog.find(first).isEmpty()) {
            if (DAILY.contains(first)) {
                return new Command.Daily();
            }
            if (ROTATION.contains(first)) {
                return new Command.Rotation();
            }
        }
        ServiceDefinition service = catalog.find(first)
                .orElseThrow(() -> new UserFacingException(Problem.UNKNOWN_SERVICE, echo(words[0]), suggestions(first)));
        TimeWindow window = words.length == 1 ? TimeWindow.ending(now(), defaultWindow) : window(words[1]);
        return new Command.Investigate(service, window);
    }

    /**
     * {@code swap @member [date]} or {@code cover @absent @substitute date[..date]}. Mentions arrive as
     * {@code <@U123|name>} (the command escapes them); only the id is kept, and only if it looks like one.
     */
    private Command.Rotation.Change rotationChange(String rest) {
        String[] parts = rest.trim().split(" ");
        String verb = parts[0].toLowerCase(Locale.ROOT);
        try {
            if ((verb.equals("swap") || verb.equals("交代")) && (parts.length == 2 || parts.length == 3)) {
                return new Command.Rotation.Swap(userId(parts[1]),
                        parts.length == 3 ? Optional.of(LocalDate.parse(parts[2])) : Optional.empty());
            }
            if ((verb.equals("cover") || verb.equals("代理")) && parts.length == 4) {
                String[] range = parts[3].split("\\.\\.", 2);
                LocalDate from = LocalDate.parse(range[0]);
                LocalDate to = range.length == 2 ? LocalDate.parse(range[1]) : from;
                return new Command.Rotation.Cover(userId(parts[1]), userId(parts[2]), from, to);
            }
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            // falls through to the usage error below
        }
        throw new UserFacingException(Problem.BAD_ROTATION_CHANGE, echo(rest), List.of());
    }

    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,20})(?:\\|[^>]*)?>|@?([UW][A-Z0-9]{2,20})");

    private static String userId(String word) {
        Matcher m = MENTION.matcher(word);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a member");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** The window part alone ("30m", "14:00-14:30", "2026-11-20 14:00-15:10"). */
    public TimeWindow window(String spec) {
        String text = normalise(spec).toLowerCase(Locale.ROOT);
        Matcher rel = RELATIVE.matcher(text);
        if (rel.matches()) {
            Duration length = relative(Long.parseLong(rel.group(1)), rel.group(2));
            checkLength(length, text);
            return TimeWindow.ending(now(), length);
        }
        Matcher abs = ABSOLUTE.matcher(text);
        if (abs.matches()) {
            return absolute(abs, text);
        }
        throw new UserFacingException(Problem.BAD_WINDOW, echo(text), List.of());
    }

    private TimeWindow absolute(Matcher m, String text) {
        LocalTime start;
        LocalTime end;
        try {
            start = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)));
            end = LocalTime.of(Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)));
        } catch (DateTimeException e) {
            throw new UserFacingException(Problem.BAD_WINDOW, echo(text), List.of());
        }
        Instant now = now();
        boolean dated = m.group(1) != null;
        LocalDate day;
        if (dated) {
            try {
                day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new UserFacingException(Problem.BAD_WINDOW, echo(text), List.of());
            }
        } else {
            day = LocalDate.ofInstant(now, zone);
        }
        ZonedDateTime from = day.atTime(start).atZone(zone);
        ZonedDateTime to = day.atTime(end).atZone(zone);
        if (!to.isAfter(from)) {
            to = to.plusDays(1); // 23:50-00:20 crosses midnight
        }
        if (!dated && from.toInstant().isAfter(now)) {
            // "14:00-14:30" typed at 09:00 means yesterday afternoon, not a window in the future.
            from = from.minusDays(1);
            to = to.minusDays(1);
        }
        if (!from.toInstant().isBefore(now)) {
            throw new UserFacingException(Problem.WINDOW_IN_FUTURE, echo(text), List.of());
        }
        Instant toInstant = to.toInstant().isAfter(now) ? now : to.toInstant();
        Duration length = Duration.between(from.toInstant(), toInstant);
        checkLength(length, text);
        return new TimeWindow(from.toInstant(), toInstant);
    }

    private static Duration relative(long n, String unit) {
        return switch (unit) {
            case "m", "min", "mins", "minute", "minutes", "分", "分間" -> Duration.ofMinutes(n);
            case "h", "hr", "hrs", "hour", "hours", "時間" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    private static void checkLength(Duration length, String text) {
        if (length.compareTo(MIN_WINDOW) < 0) {
            throw new UserFacingException(Problem.WINDOW_TOO_SHORT, echo(text), List.of());
        }
        if (length.compareTo(MAX_WINDOW) > 0) {
            throw new UserFacingException(Problem.WINDOW_TOO_LONG, echo(text), List.of());
        }
    }

    private List<String> suggestions(String word) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        int tolerance = Math.max(2, word.length() / 3);
        return catalog.namesAndAliases().stream()
                .map(name -> new Scored(name, name.startsWith(word) || word.startsWith(name) ? 0 : distance.apply(word, name)))
                .filter(s -> s.score <= tolerance)
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .map(Scored::name)
                .map(n -> catalog.find(n).map(ServiceDefinition::name).orElse(n))
                .distinct()
                .limit(3)
                .toList();
    }

    private record Scored(String name, int score) {
    }

    private Instant now() {
        return clock.instant();
    }

    /** NFKC (full-width to ASCII), one kind of dash, control characters out, runs of spaces to one. */
    static String normalise(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        s = CONTROL.matcher(s).replaceAll(" ");
        s = DASHES.matcher(s).replaceAll("-");
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String echo(String text) {
        String clean = CONTROL.matcher(text).replaceAll("");
        if (clean.length() <= MAX_ECHO) {
            return clean;
        }
        // Never cut an emoji (a surrogate pair) in half: the echo would end in an unpaired surrogate.
        int end = Character.isHighSurrogate(clean.charAt(MAX_ECHO - 1)) ? MAX_ECHO - 1 : MAX_ECHO;
        return clean.substring(0, end) + "…";
    }

    public Optional<ServiceDefinition> service(String name) {
        return catalog.find(name);
    }
}
