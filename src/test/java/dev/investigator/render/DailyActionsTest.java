package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DailyActionsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final TimeWindow PERIOD = new TimeWindow(Instant.parse("2026-11-19T01:00:00Z"), Instant.parse("2026-11-20T01:00:00Z"));

    @Test
    void aDayValueReadsBack() {
        String value = DailyActions.dayValue(DAY);
        assertThat(value).isEqualTo("{\"day\":\"2026-11-20\"}");
        assertThat(DailyActions.day(value)).contains(DAY);
    }

    @Test
    void anInvestigateValueReadsBackWithAnyServiceName() {
        String name = "we\"ird\\name";
        String value = DailyActions.investigateValue(name, PERIOD, DAY);
        assertThat(DailyActions.investigate(value)).hasValueSatisfying(r -> {
            assertThat(r.service()).isEqualTo(name);
            assertThat(r.window()).isEqualTo(PERIOD);
            assertThat(r.day()).isEqualTo(DAY);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "{\"day\":\"20/11/2026\"}", "{\"day\":20261120}",
        "{\"service\":\"checkout\",\"from\":1795136400,\"to\":1795050000,\"day\":\"2026-11-20\"}",
        "{\"service\":\"\",\"from\":1795050000,\"to\":1795136400,\"day\":\"2026-11-20\"}",
        "{\"service\":\"checkout\",\"from\":\"soon\",\"to\":1795136400,\"day\":\"2026-11-20\"}",
        "{\"service\":\"checkout\",\"from\":1795050000,\"to\":1795136400}",
    })
    void anythingElseIsNotOurs(String value) {
        assertThat(DailyActions.investigate(value)).isEmpty();
        if (!value.contains("\"day\":\"2026-11-20\"")) {
            assertThat(DailyActions.day(value)).isEmpty();
        }
    }

    @Test
    void investigateActionIdsMatchThePattern() {
        assertThat(DailyActions.INVESTIGATE_PATTERN.matcher(DailyActions.investigateActionId(3)).matches()).isTrue();
        assertThat(DailyActions.INVESTIGATE_PATTERN.matcher(DailyActions.CHECKED).matches()).isFalse();
        assertThat(DailyActions.INVESTIGATE_PATTERN.matcher("daily_investigate").matches()).isFalse();
    }
}
