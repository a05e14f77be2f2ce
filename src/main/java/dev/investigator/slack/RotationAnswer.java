package dev.investigator.slack;

import dev.investigator.render.Messages;
import dev.investigator.render.RotationRenderer;
import dev.investigator.render.RotationView;
import dev.investigator.render.SlackMessage;
import dev.investigator.rotation.DailyCheck;
import dev.investigator.rotation.Duty;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /investigate rotation}: who is on duty today and on the next working days, with the public holidays
 * skipped in between. Answered privately, because every name in it is a mention.
 */
final class RotationAnswer {

    private static final int DAYS = 10;

    private final Optional<DailyCheck> check;
    private final RotationRenderer renderer;
    private final Messages messages;
    private final SlackTexts texts;

    RotationAnswer(Optional<DailyCheck> check, RotationRenderer renderer, Messages messages, SlackTexts texts) {
        this.check = Objects.requireNonNull(check);
        this.renderer = Objects.requireNonNull(renderer);
        this.messages = Objects.requireNonNull(messages);
        this.texts = Objects.requireNonNull(texts);
    }

    /** The answer, or the advice to set the rotation up when there is none. */
    SlackMessage answer() {
        if (check.isEmpty()) {
            String off = texts.dailyOff();
            return new SlackMessage(off, "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":"
                    + com.fasterxml.jackson.databind.node.TextNode.valueOf(off) + "}}]");
        }
        DailyCheck daily = check.get();
        LocalDate today = daily.today();
        List<Duty> duties = daily.upcoming(DAYS);
        LocalDate last = duties.isEmpty() ? today : duties.get(duties.size() - 1).day();
        List<RotationView.DutyDay> days = duties.stream()
                .map(d -> new RotationView.DutyDay(d.day(), d.owner(),
                        d.changed() ? Optional.of(messages.get("slack.rotation.changed")) : Optional.empty()))
                .toList();
        List<RotationView.Holiday> holidays = daily.schedule().settings().skipJapaneseHolidays()
                ? daily.schedule().holidays().between(today, last).values().stream()
                        .map(h -> new RotationView.Holiday(h.date(), h.name(messages.language().locale())))
                        .toList()
                : List.of();
        return renderer.render(new RotationView(today, days, holidays));
    }
}
