package dev.investigator.source.datadog;

import java.time.Duration;
import java.util.Set;

/**
 * Rewrites a Datadog formula so that it reads the same metrics {@code offset} earlier: every query name
 * {@code x} becomes {@code timeshift(x, -S)}. Only whole identifiers that name one of the given queries are
 * rewritten; function names (an identifier followed by '('), numbers and quoted strings are left alone, so
 * {@code errors} and {@code errors_5xx} can live in one formula.
 */
final class Timeshift {

    private Timeshift() {
    }

    static String apply(String formula, Set<String> queryNames, Duration offset) {
        long seconds = offset.getSeconds();
        StringBuilder out = new StringBuilder(formula.length() + 32);
        int i = 0;
        while (i < formula.length()) {
            char c = formula.charAt(i);
            if (c == '\'' || c == '"') {
                int end = formula.indexOf(c, i + 1);
                end = end < 0 ? formula.length() : end + 1;
                out.append(formula, i, end);
                i = end;
            } else if (Character.isDigit(c) || c == '.') {
                // A number, including forms like 1e3: never an identifier.
                int end = i;
                while (end < formula.length() && (isIdentifierPart(formula.charAt(end)) || formula.charAt(end) == '.')) {
                    end++;
                }
                out.append(formula, i, end);
                i = end;
            } else if (isIdentifierStart(c)) {
                int end = i;
                while (end < formula.length() && isIdentifierPart(formula.charAt(end))) {
                    end++;
                }
                String identifier = formula.substring(i, end);
                if (queryNames.contains(identifier) && !isCall(formula, end)) {
                    out.append("timeshift(").append(identifier).append(", -").append(seconds).append(')');
                } else {
                    out.append(identifier);
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isCall(String formula, int afterIdentifier) {
        int j = afterIdentifier;
        while (j < formula.length() && Character.isWhitespace(formula.charAt(j))) {
            j++;
        }
        return j < formula.length() && formula.charAt(j) == '(';
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
