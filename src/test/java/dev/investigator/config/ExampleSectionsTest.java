package dev.investigator.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example configuration's alert and rotation sections say what the README says, and load as written. */
class ExampleSectionsTest {

    private static final Path EXAMPLE = Path.of("config/investigator.example.yml");

    @Test
    void theExampleWatchesItsAlertChannel() {
        AppConfig config = new CatalogLoader().load(Optional.of(EXAMPLE), Map.of());
        assertThat(config.alerts().channels()).containsKey("C0ALERTS01");
        assertThat(config.rotation()).as("commented out: off until a team fills it in").isEmpty();
    }

    @Test
    void theCommentedRotationLoadsOnceUncommented(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        boolean inRotation = false;
        for (String line : Files.readAllLines(EXAMPLE)) {
            if (line.startsWith("# rotation:")) {
                inRotation = true;
            } else if (line.isBlank()) {
                inRotation = false;
            }
            text.append(inRotation ? line.substring(2) : line).append('\n');
        }
        Path uncommented = dir.resolve("investigator.yml");
        Files.writeString(uncommented, text);

        AppConfig config = new CatalogLoader().load(Optional.of(uncommented), Map.of("INVESTIGATOR_DATA_DIR", dir.toString()));

        var rotation = config.rotation().orElseThrow();
        assertThat(rotation.members()).containsExactly("U01AAAAAAA", "U02BBBBBBB", "U03CCCCCCC");
        assertThat(rotation.startDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(rotation.promptTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(rotation.workingDays()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(rotation.extraHolidays()).contains(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 3));
        assertThat(rotation.backup()).contains("S0SREGROUP");
        assertThat(rotation.dataDir()).isEqualTo(dir);
        assertThat(List.of(rotation.channel())).containsExactly("C0SRE00001");
    }
}
