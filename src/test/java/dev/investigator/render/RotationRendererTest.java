package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationRendererTest {

    private final RotationRenderer renderer = new RotationRenderer(Messages.load(Language.EN));

    @Test
    void anEmptyRotationSaysWhatToConfigure() {
        SlackMessage message = renderer.render(new RotationView(LocalDate.of(2026, 11, 20), List.of(), List.of()));
        assertThat(message.text()).contains("rotation.members");
        assertThat(BlockKitValidator.check(message)).isEmpty();
    }

    @Test
    void onAWeekendThereIsNoCheckToday() {
        LocalDate saturday = LocalDate.of(2026, 11, 21);
        SlackMessage message = renderer.render(new RotationView(saturday, List.of(
                new RotationView.DutyDay(LocalDate.of(2026, 11, 24), "U02HANAKO", Optional.empty())),
                List.of(new RotationView.Holiday(LocalDate.of(2026, 11, 23), "勤労感謝の日"))));
        assertThat(message.text()).isEqualTo("""
                Daily check rotation
                No check today (weekend).
                🎌 Mon 11/23: 勤労感謝の日 — no check
                Tue 11/24: <@U02HANAKO>""");
    }

    @Test
    void notesAreEscaped() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        SlackMessage message = renderer.render(new RotationView(day, List.of(
                new RotationView.DutyDay(day, "U01TARO", Optional.of("covering for <@U02HANAKO> & co"))), List.of()));
        assertThat(message.blocksJson()).contains("covering for &lt;@U02HANAKO&gt; &amp; co");
        assertThat(BlockKitValidator.check(message)).isEmpty();
    }
}
