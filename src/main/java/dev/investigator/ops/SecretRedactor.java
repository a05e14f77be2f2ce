package dev.investigator.ops;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Replaces known secret values with {@code ***} wherever they appear in a text: a log line, a stack trace, an
 * error message echoed from a vendor. A last line of defence; code should not log secrets in the first place.
 *
 * <p>Secrets shorter than {@value #MIN_LENGTH} characters are ignored: a short value (a test placeholder, a
 * mistaken "x") would otherwise blank out ordinary words everywhere.
 */
public final class SecretRedactor {

    public static final String MASK = "***";
    public static final int MIN_LENGTH = 8;
    /** The environment variables whose values the bot treats as secrets. */
    public static final List<String> SECRET_VARIABLES = List.of(
            "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET",
            "DD_API_KEY", "DD_APP_KEY", "SENTRY_AUTH_TOKEN",
            "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private static final SecretRedactor NONE = new SecretRedactor(List.of());

    /** Longest first, so a secret that contains another is masked whole rather than leaving its tail. */
    private final List<String> needles;

    private SecretRedactor(List<String> needles) {
        this.needles = needles;
    }

    /**
     * A redactor for these values, and for the forms they take when a URL or a JSON string carries them (a token
     * with {@code +/=} in a query string, or a {@code "} escaped in a JSON log line).
     */
    public static SecretRedactor of(Collection<String> secrets) {
        Set<String> needles = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null) {
                continue;
            }
            String s = secret.strip();
            if (s.length() < MIN_LENGTH) {
                continue;
            }
            needles.add(s);
            needles.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            needles.add(jsonEscaped(s));
        }
        if (needles.isEmpty()) {
            return NONE;
        }
        return new SecretRedactor(needles.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList());
    }

    /** The values of {@link #SECRET_VARIABLES} (and any {@code extraVariables}) found in {@code env}. */
    public static SecretRedactor fromEnvironment(Map<String, String> env, Collection<String> extraVariables) {
        Set<String> names = new LinkedHashSet<>(SECRET_VARIABLES);
        names.addAll(extraVariables);
        return of(names.stream().map(env::get).filter(Objects::nonNull).toList());
    }

    /** {@code text} with every occurrence of any non-blank secret of at least {@value #MIN_LENGTH} characters masked. */
    public static String redact(String text, Collection<String> secrets) {
        return of(secrets).redact(text);
    }

    /** Returns {@code text} itself (the same instance) when it holds no secret. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String needle : needles) {
            out = out.replace(needle, MASK);
        }
        return out;
    }

    public boolean isEmpty() {
        return needles.isEmpty();
    }

    /** How many strings it looks for; never the strings themselves. */
    @Override
    public String toString() {
        return "SecretRedactor[" + needles.size() + " patterns]";
    }

    private static String jsonEscaped(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
