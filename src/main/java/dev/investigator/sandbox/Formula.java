package dev.investigator.sandbox;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A parsed Datadog formula ("100 * errors / requests", "timeshift(requests, -86400)"). Evaluation takes the
 * value of each named query at a time offset; a missing operand, or a division by zero, gives null (Datadog
 * leaves such points empty).
 */
sealed interface Formula {

    /** The value of query {@code name} at the point being computed, shifted by {@code shiftSeconds}. */
    @FunctionalInterface
    interface Values {
        Double of(String name, long shiftSeconds);
    }

    Double evaluate(Values values, long shiftSeconds);

    default Double evaluate(Values values) {
        return evaluate(values, 0);
    }

    /** Every query name the formula refers to. */
    default Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        collectNames(names);
        return names;
    }

    void collectNames(Set<String> into);

    record Number(double value) implements Formula {
        @Override
        public Double evaluate(Values values, long shiftSeconds) {
            return value;
        }

        @Override
        public void collectNames(Set<String> into) {
        }
    }

    record Ref(String name) implements Formula {
        @Override
        public Double evaluate(Values values, long shiftSeconds) {
            return values.of(name, shiftSeconds);
        }

        @Override
        public void collectNames(Set<String> into) {
            into.add(name);
        }
    }

    /** {@code timeshift(expr, seconds)} and its named forms such as {@code day_before(expr)}. */
    record Shift(Formula inner, long seconds) implements Formula {
        @Override
        public Double evaluate(Values values, long shiftSeconds) {
            return inner.evaluate(values, shiftSeconds + seconds);
        }

        @Override
        public void collectNames(Set<String> into) {
            inner.collectNames(into);
        }
    }

    record Abs(Formula inner) implements Formula {
        @Override
        public Double evaluate(Values values, long shiftSeconds) {
            Double v = inner.evaluate(values, shiftSeconds);
            return v == null ? null : Math.abs(v);
        }

        @Override
        public void collectNames(Set<String> into) {
            inner.collectNames(into);
        }
    }

    record Negate(Formula inner) implements Formula {
        @Override
        public Double evaluate(Values values, long shiftSeconds) {
            Double v = inner.evaluate(values, shiftSeconds);
            return v == null ? null : -v;
        }

        @Override
        public void collectNames(Set<String> into) {
            inner.collectNames(into);
        }
    }

    record Binary(char op, Formula left, Formula right) implements Formula {
        @Override
        public Double evaluate(Values values, long shiftSeconds) {
            Double a = left.evaluate(values, shiftSeconds);
            Double b = right.evaluate(values, shiftSeconds);
            if (a == null || b == null) {
                return null;
            }
            return switch (op) {
                case '+' -> a + b;
                case '-' -> a - b;
                case '*' -> a * b;
                case '/' -> b == 0 ? null : a / b;
                default -> throw new IllegalStateException("operator " + op);
            };
        }

        @Override
        public void collectNames(Set<String> into) {
            left.collectNames(into);
            right.collectNames(into);
        }
    }
}
