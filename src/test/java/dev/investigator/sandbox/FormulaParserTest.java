package dev.investigator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaParserTest {

    /** Query values: a=10 b=4 c=0 at shift 0; at a shift of s seconds, a is 10 + s/3600 (one per hour back). */
    private static final Formula.Values VALUES = (name, shift) -> switch (name) {
        case "a" -> 10.0 + shift / 3600.0;
        case "b" -> 4.0;
        case "c" -> 0.0;
        case "requests" -> 200.0 + shift / 86400.0;
        case "errors" -> 3.0;
        case "missing" -> null;
        default -> throw new AssertionError("unexpected name " + name);
    };

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "a                                              | 10",
            "42                                             | 42",
            "1.5e2                                          | 150",
            "a + b                                          | 14",
            "a - b - 1                                      | 5",
            "a * b + 2                                      | 42",
            "2 + a * b                                      | 42",
            "(2 + a) * b                                    | 48",
            "a / b                                          | 2.5",
            "-a + b                                         | -6",
            "- (a - b)                                      | -6",
            "100 * errors / requests                        | 1.5",
            "timeshift(a, -3600)                            | 9",
            "timeshift(requests, -86400)                    | 199",
            "100 * timeshift(errors, -86400) / timeshift(requests, -86400) | 1.5075376884422111",
            "timeshift(a + b, -7200)                        | 12",
            "timeshift(timeshift(a, -3600), -3600)          | 8",
            "hour_before(a)                                 | 9",
            "day_before(a)                                  | -14",
            "week_before(requests)                          | 193",
            "abs(b - a)                                     | 6",
            "a / c                                          | null",
            "missing + 1                                    | null",
            "timeshift(missing, -60) * a                    | null",
    })
    void evaluates(String formula, Double expected) {
        Double value = FormulaParser.parse(formula).evaluate(VALUES);
        if (expected == null) {
            assertThat(value).isNull();
        } else {
            assertThat(value).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', value = {
            "100 * errors / requests                       | errors,requests",
            "timeshift(requests, -604800)                   | requests",
            "2 * 3                                          | ''",
    })
    void listsTheQueryNamesItUses(String formula, String names) {
        assertThat(String.join(",", FormulaParser.parse(formula).names())).isEqualTo(names);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a +", "(a", "a)", "a $ b", "timeshift(a)", "timeshift(a, b)", "rollup(a, 60)",
            "abs(a, b)", "1..2"})
    void rejectsWhatItCannotEvaluate(String formula) {
        assertThatThrownBy(() -> FormulaParser.parse(formula))
                .isInstanceOf(FormulaParser.FormulaException.class)
                .hasMessageContaining("formula");
    }

    @org.junit.jupiter.api.Test
    void shiftsApplyToEveryQueryInsideThem() {
        Formula f = FormulaParser.parse("timeshift(a * b, -3600) / timeshift(b, -3600)");
        Map<String, Double> seen = new java.util.HashMap<>();
        Double v = f.evaluate((name, shift) -> {
            seen.put(name + "@" + shift, 1.0);
            return VALUES.of(name, shift);
        });
        assertThat(v).isEqualTo(9.0);
        assertThat(seen).containsOnlyKeys("a@-3600", "b@-3600");
    }
}
