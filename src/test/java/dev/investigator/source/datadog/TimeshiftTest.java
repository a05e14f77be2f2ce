package dev.investigator.source.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TimeshiftTest {

    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void shiftsAPlainQueryName() {
        assertThat(Timeshift.apply("requests", Set.of("requests"), DAY)).isEqualTo("timeshift(requests, -86400)");
    }

    @Test
    void shiftsEveryQueryNameInAFormula() {
        assertThat(Timeshift.apply("100 * errors / requests", Set.of("errors", "requests"), Duration.ofDays(7)))
                .isEqualTo("100 * timeshift(errors, -604800) / timeshift(requests, -604800)");
    }

    @Test
    void replacesWholeIdentifiersOnly() {
        assertThat(Timeshift.apply("errors + errors_5xx*2/requests_total", Set.of("errors", "errors_5xx", "requests"), DAY))
                .isEqualTo("timeshift(errors, -86400) + timeshift(errors_5xx, -86400)*2/requests_total");
    }

    @Test
    void leavesFunctionsNumbersAndStringsAlone() {
        assertThat(Timeshift.apply("abs(cpu) + top(cpu, 10, 'cpu', 'desc') + 1e3 + cpu2", Set.of("cpu", "abs", "e3"), DAY))
                .isEqualTo("abs(timeshift(cpu, -86400)) + top(timeshift(cpu, -86400), 10, 'cpu', 'desc') + 1e3 + cpu2");
    }

    @Test
    void leavesUnknownIdentifiersAlone() {
        assertThat(Timeshift.apply("100 * errors / requests", Set.of("latency"), DAY)).isEqualTo("100 * errors / requests");
    }

    @Test
    void shiftsByWholeSecondsOfTheOffset() {
        assertThat(Timeshift.apply("a", Set.of("a"), Duration.ofHours(1))).isEqualTo("timeshift(a, -3600)");
    }
}
