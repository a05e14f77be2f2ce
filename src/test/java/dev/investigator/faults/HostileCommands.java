package dev.investigator.faults;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Command texts a person, a paste accident or an attacker could type after {@code /investigate}, drawn from a
 * seeded {@link Random} so every failure is reproducible from its seed and index.
 *
 * <p>Three families: {@link #hostile()} mixes anything (quotes, vendor query operators, injections, control
 * characters, emoji, Japanese, very long runs); {@link #disguised} writes a valid command the ways people really
 * type it (case, full-width, Japanese units and dashes, odd whitespace between words), so it must mean exactly
 * the plain command; {@link #injected} glues an injection onto a valid command, so it must never run as one.
 * Every injection carries {@link #MARKER}, which no vendor request may ever contain.
 */
final class HostileCommands {

    /** Appears in every injected fragment and nowhere in the catalog. */
    static final String MARKER = "zqxj";

    private static final List<String> QUOTES = List.of(
            "\"", "'", "`", "```", "\u201c", "\u201d", "\u2018", "\u2019", "\u300c", "\u300d", "\\\"", "''");
    private static final List<String> OPERATORS = List.of(
            "{", "}", ":", "*", "OR", "AND", "NOT", "||", "&&", "|", "(", ")", "[", "]", "=", "!=", ">", "<", "~",
            "\\", "/", "%", "$", "#", "@", ",", ";", "?", "&", "+", "-", "!", "^", "..");
    private static final List<String> INJECTIONS = List.of(
            "service(\"%s\") OR 1", "\" AND %s:*", "' OR '1'='1 %s", "env:%s", "{service:%s}", "*:%s*",
            "%s OR service:*", "annotation.%s = \"x\"", "http.url CONTAINS \"%s\"", "!transaction:/%s",
            "is:unresolved %s", "$(%s)", "${jndi:ldap://%s}", "`%s`", "```%s```", "<@U0%s>", "<!here> %s",
            "<https://%s.example.com|click>", "%%0d%%0a%s", "%s\r\nX-Injected: 1", "../../%s", "%s?cursor=0:0:0&project=1",
            "%s#frag", "%s&query=is:resolved", "timeshift(%s, -1)", "sum:%s{*}.as_count()", "100 * %s / 0",
            "responsetime > 5 AND service(\"%s\")", "'; DROP TABLE %s; --", "<script>%s</script>", "&lt;%s&gt;",
            "\u300c%s\u300d\u3092\u8abf\u67fb", "%s\u0000", "%s\u202e", "OR service(id(name: \"%s\"))");
    private static final List<String> JAPANESE = List.of(
            "\u30c1\u30a7\u30c3\u30af\u30a2\u30a6\u30c8", "\u691c\u7d22", "\u6c7a\u6e08", "\u5728\u5eab",
            "30\u5206", "2\u6642\u9593", "1\u65e5", "14\u6642", "\u301c", "\uff5e", "\u30fc", "\u3000",
            "\u8abf\u67fb\u3057\u3066", "\u76f4\u8fd130\u5206", "\uff11\uff14\uff1a\uff10\uff10\uff5e\uff11\uff14\uff1a\uff13\uff10",
            "\u4e09\u5341\u5206", "\u30d8\u30eb\u30d7", "\u4f7f\u3044\u65b9", "\u3067\u3059", "\uff1f");
    private static final List<String> EMOJI = List.of(
            "\ud83d\udd25", "\ud83d\udea8", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67", "\ud83c\uddef\ud83c\uddf5",
            "\u2705", "\ud83d\ude00", "\u2764\ufe0f", ":fire:", ":rotating_light:");
    private static final List<String> CONTROL = List.of(
            "\u0000", "\u0007", "\u001b[31m", "\r", "\n", "\t", "\u000b", "\u000c", "\u2028", "\u2029", "\u202e",
            "\ufeff", "\u200b", "\u200d", "\u00ad", "\u0085", "\u007f", "\u2066", "\u061c");
    private static final List<String> ODD = List.of(
            "\ud800", "\udc00", "e\u0301", "\ufb01", "\u2460", "\u337b", "\uff76\uff80\uff76\uff85", "\u216b",
            "\ud835\udfd1\ud835\udfce" + "m", "\u0130", "\u00df", "\u0131", "\ufdfd", "\u3371", "\u2474", "\u33a1");
    private static final List<String> NUMBERS = List.of(
            "0m", "-5m", "99999m", "100000m", "1e9h", "30", "m", "30 m", "30mm", "1.5h", "0x1Fh", "\u0663\u0660m",
            "\u0969\u0966m", "00000000000000000030m", "9999999999999999999999d", "7d", "8d", "10080m", "10081m", "1m", "59s");
    private static final List<String> TIMES = List.of(
            "25:00-26:00", "14:00-14:00", "23:50-00:20", "2026-02-30 14:00-15:00", "9999-12-31 23:59-00:00",
            "0000-01-01 00:00-00:01", "14:00-", "-14:00", "14:00~14:30", "14:00\u301c14:30", "1:00-1:30",
            "99:99-99:99", "2026-11-20 14:00-15:10", "2099-01-01 00:00-01:00", "14:00-14:30-15:00", "14:00 - 14:30");
    private static final List<String> SEPARATORS = List.of(" ", "", "  ", "\t", "\n", "\u3000", "\u00a0", "\r\n", "\u2003");
    /** Windows that parse: relative in English and Japanese, and an absolute range in the team's zone. */
    private static final List<String> WINDOWS = List.of("", "30m", "2h", "1d", "90 min", "14:00-14:20", "2026-11-19 09:00-10:30");
    /** Separators a person types between words; all become one space. */
    private static final List<String> SPACES = List.of(" ", "  ", "\u3000", "\u00a0", "\t", "\u2003", " \u200b ", "\u3000\u3000");

    /** A valid command: the plain text, and its service and window as the catalog and parser know them. */
    record Plain(String service, String window) {
        String text() {
            return window.isEmpty() ? service : service + " " + window;
        }
    }

    private final Random random;
    private final List<String> names;

    /** @param names every service name and alias of the catalog */
    HostileCommands(long seed, List<String> names) {
        this.random = new Random(seed);
        this.names = List.copyOf(names);
    }

    /** A valid command, its service spelled by name or alias. */
    Plain plain() {
        return new Plain(pick(names), pick(WINDOWS));
    }

    /** Anything at all; mostly junk, sometimes a command by accident. */
    String hostile() {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return randomCodePoints(random.nextInt(300));
        }
        if (kind == 1) {
            // very long: up to 10,000 characters of one fragment, or of everything
            String unit = fragment();
            StringBuilder b = new StringBuilder();
            while (b.length() < 10_000) {
                b.append(unit.isEmpty() ? "x" : unit).append(random.nextBoolean() ? " " : "");
            }
            return b.substring(0, 9_000 + random.nextInt(1_001));
        }
        StringBuilder b = new StringBuilder();
        int parts = 1 + random.nextInt(6);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                b.append(pick(SEPARATORS));
            }
            b.append(fragment());
        }
        return b.toString();
    }

    /** {@code plain} as people type it; must mean exactly {@code plain}. */
    String disguised(Plain plain) {
        StringBuilder b = new StringBuilder();
        if (random.nextInt(4) == 0) {
            b.append(pick(List.of(" ", "\u3000", "\n", "\u200b", "\ufeff", "\t")));
        }
        b.append(disguiseWord(plain.service()));
        if (!plain.window().isEmpty()) {
            b.append(pick(SPACES)).append(disguiseWindow(plain.window()));
        }
        if (random.nextInt(4) == 0) {
            b.append(pick(List.of(" ", "\n", "\r\n", "\u3000", "\u2028", "\u0000")));
        }
        return b.toString();
    }

    /** {@code plain} with an injection before, after or in place of its window; must never run. */
    String injected(Plain plain) {
        String injection = String.format(pick(INJECTIONS), MARKER + random.nextInt(1_000));
        return switch (random.nextInt(4)) {
            case 0 -> plain.text() + " " + injection;
            case 1 -> plain.service() + " " + injection;
            case 2 -> injection + " " + plain.text();
            default -> plain.service() + pick(List.of("", " ", ":", "\"", "{", "*")) + injection + " " + plain.window();
        };
    }

    private String fragment() {
        return switch (random.nextInt(12)) {
            case 0 -> pick(QUOTES);
            case 1 -> pick(OPERATORS);
            case 2 -> String.format(pick(INJECTIONS), MARKER + random.nextInt(1_000));
            case 3 -> pick(JAPANESE);
            case 4 -> pick(EMOJI);
            case 5 -> pick(CONTROL);
            case 6 -> pick(ODD);
            case 7 -> pick(NUMBERS);
            case 8 -> pick(TIMES);
            case 9 -> disguiseWord(pick(names));
            case 10 -> typo(pick(names));
            default -> pick(WINDOWS);
        };
    }

    private String disguiseWord(String word) {
        return switch (random.nextInt(5)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> fullWidth(word);
            case 2 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
            default -> word;
        };
    }

    private String disguiseWindow(String window) {
        String w = switch (window) {
            case "30m" -> pick(List.of("30m", "30 min", "30\u5206", "30\u5206\u9593", "\uff13\uff10\u5206", "30 minutes"));
            case "2h" -> pick(List.of("2h", "2 hours", "2\u6642\u9593", "\uff12\u6642\u9593", "120m", "2 HR"));
            case "1d" -> pick(List.of("1d", "1 day", "1\u65e5", "\uff11\u65e5\u9593", "24h"));
            case "14:00-14:20" -> pick(List.of("14:00-14:20", "14:00 - 14:20", "14:00\uff5e14:20", "14:00\u301c14:20",
                    "\uff11\uff14\uff1a\uff10\uff10\uff5e\uff11\uff14\uff1a\uff12\uff10", "14:00\u201414:20", "14:00~14:20"));
            default -> window;
        };
        return random.nextInt(3) == 0 ? w.toUpperCase(Locale.ROOT) : w;
    }

    private String typo(String word) {
        if (word.length() < 2) {
            return word + word;
        }
        int i = random.nextInt(word.length() - 1);
        return word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
    }

    private static String fullWidth(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(c > 0x20 && c < 0x7f ? (char) (c - 0x21 + 0xff01) : c);
        }
        return b.toString();
    }

    /** Any code points at all, surrogate halves and unassigned ones included. */
    private String randomCodePoints(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int range = random.nextInt(4);
            int cp = switch (range) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x3000);
                case 2 -> 0x3000 + random.nextInt(0xD000);
                default -> random.nextInt(0x110000);
            };
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                b.append((char) cp); // a lone half, as a broken client might send
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
