package dev.investigator.investigation;

import static dev.investigator.investigation.Series.flat;
import static dev.investigator.investigation.Series.minute;
import static dev.investigator.investigation.Series.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.investigator.model.Finding.MetricShift;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.ServiceDefinition.Thresholds;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChangePointDetectorTest {

    private final ChangePointDetector detector = new ChangePointDetector();
    private final Thresholds thresholds = Thresholds.defaults();

    static Stream<Arguments> cases() {
        IntToDoubleFunction spikeOnce = i -> i == 10 ? 50 : 0.3;
        IntToDoubleFunction lastPointOnly = i -> i == 29 ? 500 : 120;
        return Stream.of(
                // name, role, unit, now, baseline, expected change minute (-1: none), direction
                Arguments.of("error rate 0.3% -> 6%", MetricRole.ERROR_RATE, MetricUnit.PERCENT, step(0.3, 6.2, 18), flat(0.3), 18, true),
                Arguments.of("error rate noise", MetricRole.ERROR_RATE, MetricUnit.PERCENT, flat(0.3), flat(0.3), -1, true),
                Arguments.of("error rate mildly up, below warn", MetricRole.ERROR_RATE, MetricUnit.PERCENT, step(0.3, 0.9, 10), flat(0.3), -1, true),
                Arguments.of("one spike is not a change", MetricRole.ERROR_RATE, MetricUnit.PERCENT, spikeOnce, flat(0.3), -1, true),
                Arguments.of("p95 x3 after deploy", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, step(120, 420, 18), flat(120), 18, true),
                Arguments.of("p95 x1.3 is noise", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, step(120, 156, 18), flat(120), -1, true),
                Arguments.of("p95 faster is not a problem", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, step(120, 40, 18), flat(120), -1, true),
                Arguments.of("a last-point blip waits for confirmation", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, lastPointOnly, flat(120), -1, true),
                Arguments.of("traffic x4", MetricRole.REQUESTS, MetricUnit.COUNT, step(1000, 4000, 18), flat(1000), 18, true),
                Arguments.of("traffic drop", MetricRole.REQUESTS, MetricUnit.COUNT, step(1000, 200, 12), flat(1000), 12, false),
                Arguments.of("already high when the window starts", MetricRole.LATENCY_P99, MetricUnit.MILLISECONDS, flat(900), flat(200), 0, true),
                Arguments.of("errors from zero", MetricRole.ERRORS, MetricUnit.COUNT, step(0, 40, 20), flat(0), 20, true),
                Arguments.of("cpu x2.5", MetricRole.RESOURCE, MetricUnit.PERCENT, step(30, 75, 18), flat(30), 18, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsWhenASeriesLeftItsBaseline(String name, MetricRole role, MetricUnit unit, IntToDoubleFunction now,
            IntToDoubleFunction baseline, int expectedMinute, boolean rose) {
        Optional<MetricShift> shift = detector.detect(Series.of("m", role, unit, now, baseline), thresholds, "https://dd/link");
        if (expectedMinute < 0) {
            assertThat(shift).isEmpty();
        } else {
            assertThat(shift).hasValueSatisfying(s -> {
                assertThat(s.at()).isEqualTo(minute(expectedMinute));
                assertThat(s.rose()).isEqualTo(rose);
                assertThat(s.link()).isEqualTo("https://dd/link");
            });
        }
    }

    @Test
    void reportsHowFarItMoved() {
        MetricShift s = detector.detect(Series.of("error_rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT,
                step(0.3, 6.0, 18), flat(0.3)), thresholds, "").orElseThrow();
        assertThat(s.baseline()).isCloseTo(0.3, within(0.02));
        assertThat(s.observed()).isCloseTo(6.0, within(0.3));
        assertThat(s.ratio()).isCloseTo(20, within(2.0));
    }

    @Test
    void withoutBaselinesTheWindowsFirstQuarterIsTheReference() {
        MetricSeries s = Series.withoutBaseline("p95", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, step(100, 400, 15));
        assertThat(detector.detect(s, thresholds, "")).map(MetricShift::at).hasValue(minute(15));
        MetricSeries flatOnly = Series.withoutBaseline("p95", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, flat(100));
        assertThat(detector.detect(flatOnly, thresholds, "")).isEmpty();
    }

    @Test
    void thresholdsComeFromTheService() {
        Thresholds lenient = new Thresholds(1, 5, 5.0, 8.0, 2, 0.5, 0.01, 0.05, 50);
        MetricSeries x3 = Series.of("p95", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, step(100, 300, 10), flat(100));
        assertThat(detector.detect(x3, thresholds, "")).isPresent();
        assertThat(detector.detect(x3, lenient, "")).isEmpty();
    }
}
