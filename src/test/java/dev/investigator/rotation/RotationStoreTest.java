package dev.investigator.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotationStoreTest {

    private static final String ALICE = "U0ALICE01";
    private static final String BOB = "U0BOB0001";
    private static final Instant T = Instant.parse("2025-04-01T01:00:05Z");

    @TempDir
    Path dir;

    private static CheckDay fullDay() {
        LocalDate day = LocalDate.parse("2025-04-01");
        return CheckDay.of(day, ALICE)
                .withPrompt(new PromptRef("C0CHECKS01", "1743469205.000100", T))
                .withHandOff(new HandOff(day, ALICE, BOB, ALICE, T.plusSeconds(60)))
                .withReminded(T.plusSeconds(3600))
                .withEscalated(T.plusSeconds(7200))
                .withCheck(new Check("U0CAROL01", T.plusSeconds(7300)));
    }

    private static RotationState fullState() {
        return RotationState.empty()
                .with(fullDay())
                .with(CheckDay.of(LocalDate.parse("2025-04-02"), BOB))
                .with(new Swap(LocalDate.parse("2025-04-03"), LocalDate.parse("2025-04-07"), BOB, T))
                .with(new Replacement(ALICE, "U0DAVE001", LocalDate.parse("2025-04-10"), LocalDate.parse("2025-04-18"), BOB, T));
    }

    @Test
    void aNewStoreIsEmptyAndCreatesItsDirectory() {
        Path nested = dir.resolve("a/b");
        RotationStore store = RotationStore.open(nested);
        assertThat(store.state()).isEqualTo(RotationState.empty());
        assertThat(Files.isDirectory(nested)).isTrue();
        assertThat(store.file()).isEqualTo(nested.resolve(RotationStore.FILE_NAME));
        assertThat(Files.exists(store.file())).as("nothing written until something changes").isFalse();
    }

    @Test
    void everythingSurvivesAReopen() {
        RotationStore store = RotationStore.open(dir);
        store.update(s -> fullState());

        RotationStore reopened = RotationStore.open(dir);
        assertThat(reopened.state()).isEqualTo(fullState());
        CheckDay day = reopened.state().day(LocalDate.parse("2025-04-01")).orElseThrow();
        assertThat(day.owner()).isEqualTo(BOB);
        assertThat(day.prompt()).contains(new PromptRef("C0CHECKS01", "1743469205.000100", T));
        assertThat(day.checked()).contains(new Check("U0CAROL01", T.plusSeconds(7300)));
        assertThat(day.remindedAt()).contains(T.plusSeconds(3600));
        assertThat(reopened.state().day(LocalDate.parse("2025-04-02")).orElseThrow().prompt()).isEmpty();
        assertThat(reopened.state().overrides().handOffs()).hasSize(1);
    }

    @Test
    void theFileIsReadableJson() throws IOException {
        RotationStore store = RotationStore.open(dir);
        store.update(s -> fullState());
        JsonNode root = new ObjectMapper().readTree(store.file().toFile());
        assertThat(root.get("format").asInt()).isEqualTo(1);
        assertThat(root.get("days").get(0).get("prompt").get("ts").asText()).isEqualTo("1743469205.000100");
        assertThat(root.get("days").get(0).get("handOffs").get(0).get("to").asText()).isEqualTo(BOB);
        assertThat(root.get("swaps").get(0).get("second").asText()).isEqualTo("2025-04-07");
        assertThat(root.get("replacements").get(0).get("substitute").asText()).isEqualTo("U0DAVE001");
    }

    @Test
    void writesATemporaryFileInTheSameDirectoryThenMovesItAtomically() throws IOException {
        List<String> seen = new ArrayList<>();
        RotationStore.Mover recording = (written, target) -> {
            seen.add(written.getParent().equals(target.getParent()) ? "same directory" : "elsewhere");
            seen.add(Files.readString(written).contains("1743469205.000100") ? "complete" : "partial");
            seen.add(Files.exists(target) ? "old file still there" : "no old file");
            RotationStore.ATOMIC.move(written, target);
        };
        RotationStore store = RotationStore.open(dir, recording);
        store.update(s -> s.with(CheckDay.of(LocalDate.parse("2025-03-31"), BOB)));
        store.update(s -> s.with(fullDay()));
        assertThat(seen).containsExactly("same directory", "partial", "no old file",
                "same directory", "complete", "old file still there");
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndTheOldState() throws IOException {
        RotationStore.Mover failing = (written, target) -> {
            throw new IOException("No space left on device");
        };
        RotationStore.open(dir).update(s -> s.with(CheckDay.of(LocalDate.parse("2025-03-31"), BOB)));
        byte[] before = Files.readAllBytes(dir.resolve(RotationStore.FILE_NAME));

        RotationStore store = RotationStore.open(dir, failing);
        RotationState old = store.state();
        assertThatThrownBy(() -> store.update(s -> s.with(fullDay())))
                .isInstanceOf(RotationStateException.class)
                .hasMessageContaining(store.file().toString())
                .hasMessageContaining("No space left on device")
                .hasMessageContaining("the change was not kept");
        assertThat(store.state()).isEqualTo(old);
        assertThat(Files.readAllBytes(store.file())).isEqualTo(before);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void writesNothingWhenNothingChanges() {
        int[] moves = {0};
        RotationStore store = RotationStore.open(dir, (w, t) -> {
            moves[0]++;
            RotationStore.ATOMIC.move(w, t);
        });
        store.update(s -> s.with(fullDay()));
        store.update(s -> s.with(fullDay()));
        store.update(s -> s);
        assertThat(moves[0]).isEqualTo(1);
    }

    @Test
    void aTruncatedFileIsAClearErrorAndIsKeptWithACorruptCopy() throws IOException {
        RotationStore.open(dir).update(s -> fullState());
        Path file = dir.resolve(RotationStore.FILE_NAME);
        String full = Files.readString(file);
        Files.writeString(file, full.substring(0, full.length() / 2));

        assertThatThrownBy(() -> RotationStore.open(dir))
                .isInstanceOf(RotationStateException.class)
                .hasMessageStartingWith(file + " is not valid JSON at line ")
                .hasMessageContaining("a copy is kept at " + file + ".corrupt")
                .satisfies(e -> assertThat(((RotationStateException) e).file()).isEqualTo(file));
        assertThat(Files.readString(file)).as("left as it was").isEqualTo(full.substring(0, full.length() / 2));
        assertThat(Files.readString(dir.resolve(RotationStore.FILE_NAME + ".corrupt"))).isEqualTo(full.substring(0, full.length() / 2));
    }

    @Test
    void validJsonOfTheWrongShapeNamesTheBrokenPath() throws IOException {
        Path file = dir.resolve(RotationStore.FILE_NAME);
        Files.writeString(file, "{\"format\":1,\"days\":[{\"day\":\"2025-04-01\",\"owner\":\"U0ALICE01\","
                + "\"prompt\":{\"channel\":\"C0CHECKS01\",\"at\":\"2025-04-01T01:00:00Z\"}}]}");
        assertThatThrownBy(() -> RotationStore.open(dir))
                .isInstanceOf(RotationStateException.class)
                .hasMessageContaining("is not a rotation state file: days[0].prompt.ts: missing");
        assertThat(dir.resolve(RotationStore.FILE_NAME + ".corrupt")).exists();

        Files.writeString(file, "{\"format\":1,\"swaps\":[{\"first\":\"2025-04-01\",\"second\":\"tomorrow\",\"by\":\"U0ALICE01\",\"at\":\"2025-04-01T01:00:00Z\"}]}");
        assertThatThrownBy(() -> RotationStore.open(dir)).hasMessageContaining("swaps[0].second: 'tomorrow' is not a valid time");

        Files.writeString(file, "[1,2,3]");
        assertThatThrownBy(() -> RotationStore.open(dir)).hasMessageContaining("the top level is not a JSON object");

        Files.writeString(file, "{\"format\":2}");
        assertThatThrownBy(() -> RotationStore.open(dir)).hasMessageContaining("format: 2 is not 1");

        Files.writeString(file, "");
        assertThatThrownBy(() -> RotationStore.open(dir)).isInstanceOf(RotationStateException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void anUnreadableFileIsAClearError() throws IOException {
        Files.createDirectories(dir.resolve(RotationStore.FILE_NAME));
        assertThatThrownBy(() -> RotationStore.open(dir))
                .isInstanceOf(RotationStateException.class)
                .hasMessageStartingWith(dir.resolve(RotationStore.FILE_NAME) + ": cannot read the rotation state");
    }

    @Test
    void leftoversOfAnInterruptedWriteAreRemovedOnOpen() throws IOException {
        RotationStore.open(dir).update(s -> s.with(fullDay()));
        Path leftover = Files.writeString(dir.resolve(RotationStore.TEMP_PREFIX + "123" + RotationStore.TEMP_SUFFIX), "{\"form");
        RotationStore store = RotationStore.open(dir);
        assertThat(leftover).doesNotExist();
        assertThat(store.state().day(LocalDate.parse("2025-04-01"))).isPresent();
    }

    @Test
    void pruningDropsWhatLiesWhollyBeforeTheCutoff() {
        RotationState state = fullState()
                .with(new Swap(LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-03"), BOB, T))
                .with(new Swap(LocalDate.parse("2025-03-31"), LocalDate.parse("2025-04-02"), BOB, T))
                .with(new Replacement(BOB, ALICE, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"), BOB, T))
                .with(CheckDay.of(LocalDate.parse("2025-03-31"), BOB));
        RotationState pruned = state.prunedBefore(LocalDate.parse("2025-04-01"));
        assertThat(pruned.days().keySet()).containsExactly(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-02"));
        assertThat(pruned.swaps()).extracting(Swap::first).containsExactly(LocalDate.parse("2025-04-03"), LocalDate.parse("2025-03-31"));
        assertThat(pruned.replacements()).extracting(Replacement::absent).containsExactly(ALICE);
    }

    @Test
    void lastPromptBeforeADay() {
        RotationState state = fullState();
        assertThat(state.lastPromptBefore(LocalDate.parse("2025-04-05")).map(PromptRef::at)).contains(T);
        assertThat(state.lastPromptBefore(LocalDate.parse("2025-04-01"))).isEqualTo(Optional.empty());
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(RotationStore.TEMP_SUFFIX)).toList();
        }
    }
}
