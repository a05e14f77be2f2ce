package dev.investigator.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small recursive-descent parser for Datadog formulas: numbers, query names, + - * /, parentheses, unary
 * minus, {@code timeshift(expr, seconds)}, {@code hour_before/day_before/week_before/month_before(expr)} and
 * {@code abs(expr)}. Anything else is rejected with a message the fake returns as a 400.
 */
final class FormulaParser {

    /** Thrown for a formula the fake cannot evaluate; the message is safe to return to the client. */
    static final class FormulaException extends IllegalArgumentException {
        FormulaException(String message) {
            super(message);
        }
    }

    private static final Map<String, Long> NAMED_SHIFTS = Map.of(
            "hour_before", -3_600L,
            "day_before", -86_400L,
            "week_before", -604_800L,
            "month_before", -2_419_200L);

    private final String text;
    private int pos;

    private FormulaParser(String text) {
        this.text = text;
    }

    static Formula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new FormulaException("empty formula");
        }
        FormulaParser p = new FormulaParser(text);
        Formula f = p.expression();
        p.skipSpaces();
        if (p.pos < text.length()) {
            throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        }
        return f;
    }

    private Formula expression() {
        Formula left = term();
        while (true) {
            char c = peek();
            if (c == '+' || c == '-') {
                pos++;
                left = new Formula.Binary(c, left, term());
            } else {
                return left;
            }
        }
    }

    private Formula term() {
        Formula left = unary();
        while (true) {
            char c = peek();
            if (c == '*' || c == '/') {
                pos++;
                left = new Formula.Binary(c, left, unary());
            } else {
                return left;
            }
        }
    }

    private Formula unary() {
        if (peek() == '-') {
            pos++;
            return new Formula.Negate(unary());
        }
        if (peek() == '+') {
            pos++;
            return unary();
        }
        return primary();
    }

    private Formula primary() {
        char c = peek();
        if (c == '(') {
            pos++;
            Formula inner = expression();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c) || c == '.') {
            return new Formula.Number(number());
        }
        if (Character.isLetter(c) || c == '_') {
            String name = identifier();
            if (peek() == '(') {
                pos++;
                return call(name);
            }
            return new Formula.Ref(name);
        }
        throw error(c == 0 ? "unexpected end of formula" : "unexpected '" + c + "'");
    }

    private Formula call(String function) {
        List<Formula> args = new ArrayList<>();
        if (peek() != ')') {
            args.add(expression());
            while (peek() == ',') {
                pos++;
                args.add(expression());
            }
        }
        expect(')');
        if (function.equals("timeshift")) {
            Double seconds = args.size() == 2 ? constant(args.get(1)) : null;
            if (seconds == null) {
                throw error("timeshift takes a query and a number of seconds");
            }
            return new Formula.Shift(args.get(0), Math.round(seconds));
        }
        Long named = NAMED_SHIFTS.get(function);
        if (named != null && args.size() == 1) {
            return new Formula.Shift(args.get(0), named);
        }
        if (function.equals("abs") && args.size() == 1) {
            return new Formula.Abs(args.get(0));
        }
        throw error("unknown function '" + function + "' with " + args.size() + " argument(s)");
    }

    /** The value of a formula made only of numbers (such as {@code -86400}), else null. */
    private static Double constant(Formula f) {
        if (f instanceof Formula.Number n) {
            return n.value();
        }
        if (f instanceof Formula.Negate n) {
            Double d = constant(n.inner());
            return d == null ? null : -d;
        }
        return null;
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                pos++;
            }
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        try {
            return Double.parseDouble(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("bad number '" + text.substring(start, pos) + "'");
        }
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length()
                && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** The next non-space character without consuming it, or 0 at the end. */
    private char peek() {
        skipSpaces();
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private FormulaException error(String what) {
        return new FormulaException("Error parsing formula '" + text + "' at position " + pos + ": " + what);
    }
}
