package dev.investigator.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseHolidaysTest {

    private static final JapaneseHolidays HOLIDAYS = JapaneseHolidays.load();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        // substitute holidays (振替休日): the holiday fell on a Sunday
        "2025-02-24, 天皇誕生日 振替休日",
        "2025-05-06, こどもの日 振替休日",
        "2025-11-24, 勤労感謝の日 振替休日",
        "2026-05-06, こどもの日 振替休日",
        // citizens' holiday (国民の休日): a day between two holidays
        "2026-09-22, 休日",
        // the Olympics moved Marine Day and Sports Day in 2020
        "2020-07-23, 海の日",
        "2020-07-24, スポーツの日",
        // the accession of the present Emperor
        "2019-05-01, 休日（祝日扱い）",
        // equinoxes, which jollyday lacks
        "2024-03-20, 春分の日",
        "2024-09-22, 秋分の日",
        "2025-03-20, 春分の日",
        "2025-09-23, 秋分の日",
        "2026-03-20, 春分の日",
        "2026-09-23, 秋分の日",
        // the present Emperor's Birthday
        "2020-02-23, 天皇誕生日",
        "2026-02-23, 天皇誕生日",
    })
    void knowsTheseHolidays(LocalDate date, String nameJa) {
        assertThat(HOLIDAYS.isHoliday(date)).isTrue();
        assertThat(HOLIDAYS.holiday(date)).get().extracting(Holiday::nameJa).isEqualTo(nameJa);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2019-12-23", // the previous Emperor's Birthday, no longer a holiday after 2019
        "2025-12-23",
        "2020-07-20", // where Marine Day would have been without the Olympics
        "2020-10-12", // where Sports Day would have been
        "2025-05-07",
        "2026-09-24",
        "2025-02-25",
    })
    void theseAreNotHolidays(LocalDate date) {
        assertThat(HOLIDAYS.isHoliday(date)).isFalse();
        assertThat(HOLIDAYS.holiday(date)).isEmpty();
    }

    @Test
    void namesInBothLanguages() {
        Holiday equinox = HOLIDAYS.holiday(LocalDate.of(2025, 3, 20)).orElseThrow();
        assertThat(equinox.name(Locale.JAPANESE)).isEqualTo("春分の日");
        assertThat(equinox.name(Locale.ENGLISH)).isEqualTo("Vernal Equinox Day");
        assertThat(HOLIDAYS.holiday(LocalDate.of(2025, 2, 24)).orElseThrow().nameEn()).isEqualTo("Holiday in lieu");
    }

    @Test
    void knowsItsCoverage() {
        assertThat(HOLIDAYS.firstCoveredYear()).isEqualTo(2000);
        assertThat(HOLIDAYS.lastCoveredYear()).isEqualTo(2050);
        assertThat(HOLIDAYS.covers(LocalDate.of(2050, 12, 31))).isTrue();
        assertThat(HOLIDAYS.covers(LocalDate.of(2051, 1, 1))).isFalse();
        assertThat(HOLIDAYS.isHoliday(LocalDate.of(1999, 1, 1))).isFalse();
    }

    @Test
    void everyYearHasTheFixedHolidaysAndBetweenFifteenAndTwentyDays() {
        for (int year = 2000; year <= 2050; year++) {
            assertThat(HOLIDAYS.isHoliday(LocalDate.of(year, 1, 1))).as("New Year %d", year).isTrue();
            assertThat(HOLIDAYS.isHoliday(LocalDate.of(year, 11, 3))).as("Culture Day %d", year).isTrue();
            assertThat(HOLIDAYS.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                    .as("holidays in %d", year).hasSizeBetween(15, 22);
        }
    }

    @Test
    void parsesAndRejectsBrokenData() throws Exception {
        JapaneseHolidays two = JapaneseHolidays.parse(new StringReader(
                "date,name_ja,name_en\n2030-01-01,元日,New Year's Day\n\n2030-01-14,成人の日,Coming of Age Day\n"), "t.csv");
        assertThat(two.between(LocalDate.MIN, LocalDate.MAX)).hasSize(2);
        assertThat(two.lastCoveredYear()).isEqualTo(2030);

        assertThatThrownBy(() -> JapaneseHolidays.parse(new StringReader("day,name\n"), "t.csv"))
                .hasMessageContaining("t.csv: first line must be 'date,name_ja,name_en'");
        assertThatThrownBy(() -> JapaneseHolidays.parse(new StringReader(
                "date,name_ja,name_en\n2030-01-01,元日,New Year's Day\n2030/01/14,成人の日,Coming of Age Day\n"), "t.csv"))
                .hasMessageContaining("t.csv:3: '2030/01/14' is not a date");
        assertThatThrownBy(() -> JapaneseHolidays.parse(new StringReader(
                "date,name_ja,name_en\n2030-01-01,元日,New Year's Day\n2030-01-01,元日,New Year's Day\n"), "t.csv"))
                .hasMessageContaining("t.csv:3: 2030-01-01 appears twice");
        assertThatThrownBy(() -> JapaneseHolidays.parse(new StringReader("date,name_ja,name_en\n2030-01-01,元日\n"), "t.csv"))
                .hasMessageContaining("t.csv:2: expected date,name_ja,name_en");
        assertThatThrownBy(() -> JapaneseHolidays.parse(new StringReader("date,name_ja,name_en\n"), "t.csv"))
                .hasMessageContaining("no holidays");
    }
}
