package dev.investigator.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A filter expression as alternatives joined with OR (or {@code ||}), each an {@link XRayFilter}, as the daily
 * check asks for the slow traces of several services at once:
 * {@code ((service("a")) AND responsetime >= 1.2) OR ((service("b")) AND responsetime >= 0.3)}. A trace matches
 * when one alternative does, counting that alternative's {@code service(...)} as "the trace is that service's".
 */
record XRayQuery(List<XRayFilter> alternatives) {

    XRayQuery {
        alternatives = List.copyOf(alternatives);
    }

    static XRayQuery parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return new XRayQuery(List.of(XRayFilter.parse("")));
        }
        List<XRayFilter> alternatives = new ArrayList<>();
        for (String alternative : split(unwrap(expression.trim()), "or", "||")) {
            alternatives.add(XRayFilter.parse(alternative));
        }
        return new XRayQuery(alternatives);
    }

    /** The services the query names; empty when an alternative names none (then every service may match). */
    Optional<List<String>> services() {
        List<String> services = new ArrayList<>();
        for (XRayFilter f : alternatives) {
            if (f.service().isEmpty()) {
                return Optional.empty();
            }
            if (!services.contains(f.service().get())) {
                services.add(f.service().get());
            }
        }
        return Optional.of(services);
    }

    boolean matches(SimTrace t) {
        return alternatives.stream().anyMatch(f -> f.service().map(t.service()::equals).orElse(true) && f.matches(t));
    }

    /** Splits on a keyword (surrounded by spaces, any case) or a symbol, outside parentheses and quotes. */
    static List<String> split(String text, String keyword, String symbol) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        String lower = text.toLowerCase(Locale.ROOT);
        String word = " " + keyword + " ";
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0) {
                int skip = lower.startsWith(word, i) ? word.length() : text.startsWith(symbol, i) ? symbol.length() : 0;
                if (skip > 0) {
                    parts.add(text.substring(start, i).trim());
                    start = i + skip;
                    i = start - 1;
                }
            }
        }
        parts.add(text.substring(start).trim());
        return parts;
    }

    /** Drops parentheses that enclose the whole text, as many pairs as there are. */
    static String unwrap(String text) {
        String t = text.trim();
        while (t.startsWith("(") && closes(t) == t.length() - 1) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    /** The index of the parenthesis that closes the one at 0, or -1. */
    private static int closes(String t) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
