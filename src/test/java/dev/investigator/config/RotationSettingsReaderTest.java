package dev.investigator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.investigator.rotation.RotationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationSettingsReaderTest {

    private static final String FILE = "team.yml";
    private static final String MINIMAL = """
            rotation:
              members: [U0ALICE01, U0BOB0001]
              start_date: 2025-04-01
              channel: C0CHECKS01
            """;

    private static JsonNode rotation(String yaml) {
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return root.path("rotation");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RotationSettings read(String yaml) {
        return read(yaml, Map.of());
    }

    private static RotationSettings read(String yaml, Map<String, String> env) {
        return RotationSettingsReader.read(rotation(yaml), env, FILE).orElseThrow();
    }

    @Test
    void noSectionMeansNoRotation() {
        assertThat(RotationSettingsReader.read(rotation("services: [a]\n"), Map.of(), FILE)).isEmpty();
        assertThat(RotationSettingsReader.read(MissingNode.getInstance(), Map.of(), FILE)).isEmpty();
        assertThat(RotationSettingsReader.read(null, Map.of(), FILE)).isEmpty();
        assertThat(RotationSettingsReader.read(rotation("rotation:\n"), Map.of(), FILE)).isEmpty();
        assertThat(RotationSettingsReader.read(rotation(MINIMAL + "  enabled: false\n"), Map.of(), FILE)).isEmpty();
    }

    @Test
    void theMinimalSectionTakesTheDefaults() {
        RotationSettings s = read(MINIMAL);
        assertThat(s.members()).containsExactly("U0ALICE01", "U0BOB0001");
        assertThat(s.startDate()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(s.channel()).isEqualTo("C0CHECKS01");
        assertThat(s.workingDays()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(s.skipJapaneseHolidays()).isTrue();
        assertThat(s.extraHolidays()).isEmpty();
        assertThat(s.promptTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(s.remindAfter()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.escalateAfter()).isEqualTo(Duration.ofMinutes(120));
        assertThat(s.backup()).isEmpty();
        assertThat(s.dataDir()).isEqualTo(Path.of("data"));
    }

    @Test
    void everyKeySet() {
        RotationSettings s = read("""
                rotation:
                  enabled: true
                  members:
                    - U0ALICE01
                    - W0BOB0001
                  start_date: 2025-04-07
                  channel: G0PRIVATE1
                  working_days: [Sunday, mon, TUE, 水, thu]
                  skip_japanese_holidays: false
                  extra_holidays: [2025-12-29..2026-01-03, 2026-08-14]
                  time: 09:30
                  zone: Europe/London
                  remind_after: 30m
                  escalate_after: 2h
                  backup: S0SRETEAM1
                  data_dir: /var/lib/investigator
                """);
        assertThat(s.members()).containsExactly("U0ALICE01", "W0BOB0001");
        assertThat(s.channel()).isEqualTo("G0PRIVATE1");
        assertThat(s.workingDays()).containsExactlyInAnyOrder(
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(s.skipJapaneseHolidays()).isFalse();
        assertThat(s.extraHolidays()).hasSize(7).contains(LocalDate.of(2025, 12, 29), LocalDate.of(2026, 1, 3),
                LocalDate.of(2026, 8, 14)).doesNotContain(LocalDate.of(2026, 1, 4));
        assertThat(s.promptTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(s.remindAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(s.escalateAfter()).isEqualTo(Duration.ofHours(2));
        assertThat(s.backup()).contains("S0SRETEAM1");
        assertThat(s.dataDir()).isEqualTo(Path.of("/var/lib/investigator"));
    }

    @Test
    void anEmptyMemberListIsAllowedAndAUserCanBeTheBackup() {
        RotationSettings s = read(MINIMAL.replace("[U0ALICE01, U0BOB0001]", "[]") + "  backup: U0CAROL01\n");
        assertThat(s.members()).isEmpty();
        assertThat(s.backup()).contains("U0CAROL01");
    }

    @Test
    void theEnvironmentChoosesTheDataDirectory() {
        String yaml = MINIMAL + "  data_dir: ./state\n";
        assertThat(read(yaml).dataDir()).isEqualTo(Path.of("./state"));
        assertThat(read(yaml, Map.of("INVESTIGATOR_DATA_DIR", "/data")).dataDir()).isEqualTo(Path.of("/data"));
        assertThat(read(MINIMAL, Map.of("INVESTIGATOR_DATA_DIR", "/data")).dataDir()).isEqualTo(Path.of("/data"));
        assertThat(read(yaml, Map.of("INVESTIGATOR_DATA_DIR", " ")).dataDir()).isEqualTo(Path.of("./state"));
        assertThatThrownBy(() -> read(MINIMAL, Map.of("INVESTIGATOR_DATA_DIR", "bad\0dir")))
                .hasMessageStartingWith("INVESTIGATOR_DATA_DIR: ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            members: U0ALICE01                                   | rotation.members: must be a list of Slack user ids
            members: [U0ALICE01, bob]                            | rotation.members[1]: 'bob' is not a Slack user id
            members: [U0ALICE01, C0CHECKS01]                     | rotation.members[1]: 'C0CHECKS01' is not a Slack user id
            members: [U0ALICE01, U0BOB0001, U0ALICE01]           | rotation.members[2]: U0ALICE01 is already members[0]
            start_date: 2025/04/01                               | rotation.start_date: '2025/04/01' is not a date like 2025-04-01
            channel: '#ops'                                      | rotation.channel: '#ops' is not a channel id like C0123ABCD
            working_days: [mon, fry]                             | rotation.working_days[1]: 'fry' is not a day of the week
            working_days: []                                     | rotation.working_days: must be a non-empty list
            extra_holidays: 2025-12-29                           | rotation.extra_holidays: must be a list of dates or ranges
            extra_holidays: [2026-01-01, 2026-01-03..2025-12-29] | rotation.extra_holidays[1]: '2026-01-03..2025-12-29' ends before it starts
            extra_holidays: [2026-01-01, 2026-13-01]             | rotation.extra_holidays[1]: '2026-13-01' is not a date
            extra_holidays: [2025-01-01..2026-12-31]             | rotation.extra_holidays[0]: '2025-01-01..2026-12-31' spans more than a year
            time: '25:00'                                        | rotation.time: '25:00' is not a time like "10:00"
            time: ten                                            | rotation.time: 'ten' is not a time
            zone: Tokyo                                          | rotation.zone: unknown time zone 'Tokyo'
            remind_after: soon                                   | rotation.remind_after: 'soon' is not a duration
            escalate_after: 45m                                  | rotation.escalate_after: must be longer than remind_after (45m <= 1h)
            backup: '@sre'                                       | rotation.backup: '@sre' is not a Slack user id (U0123ABCD) or user group id
            skip_japanese_holidays: maybe                        | rotation.skip_japanese_holidays: must be true or false
            enabled: 'no way'                                    | rotation.enabled: must be true or false
            memebers: [U0ALICE01]                                | rotation.memebers: unknown key — did you mean 'members'?
            """)
    void everyErrorNamesItsKey(String line, String message) {
        // The faulty line replaces the minimal section's line with the same key, or is added to it.
        String key = line.substring(0, line.indexOf(':'));
        String yaml = MINIMAL.lines().anyMatch(l -> l.trim().startsWith(key + ":"))
                ? MINIMAL.lines().map(l -> l.trim().startsWith(key + ":") ? "  " + line : l).reduce("", (a, b) -> a + b + "\n")
                : MINIMAL + "  " + line + "\n";
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(FILE + ": " + message);
    }

    @Test
    void requiredKeys() {
        for (String key : new String[] {"members", "start_date", "channel"}) {
            String yaml = MINIMAL.lines().filter(l -> !l.trim().startsWith(key + ":")).reduce("", (a, b) -> a + b + "\n");
            assertThatThrownBy(() -> read(yaml)).as(key).hasMessage(FILE + ": rotation." + key + ": is required");
        }
        assertThatThrownBy(() -> RotationSettingsReader.read(rotation("rotation: [a, b]\n"), Map.of(), FILE))
                .hasMessageStartingWith(FILE + ": rotation: must be a mapping");
    }
}
