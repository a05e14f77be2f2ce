package dev.investigator.render;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code /investigate rotation}: who is on duty today and on the next working days, with the public holidays
 * skipped in between named. Every person listed is a mention, so the Slack layer should answer ephemerally:
 * in the channel it would notify them all.
 */
public final class RotationRenderer {

    private final Messages messages;
    private final BlockKitLimits limits;

    public RotationRenderer(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.limits = new BlockKitLimits(messages);
    }

    public SlackMessage render(RotationView view) {
        Markup md = new MrkdwnMarkup();
        List<String> lines = lines(view, md);
        String title = messages.get("rotation.title");
        String blocks = new BlockBuilder(limits).list(md.bold(title), lines, 0, 2).build().toString();
        String text = title + "\n" + String.join("\n", lines);
        return new SlackMessage(BlockKitLimits.fallbackText(text), blocks);
    }

    private List<String> lines(RotationView view, Markup md) {
        List<String> lines = new ArrayList<>();
        if (view.days().isEmpty()) {
            lines.add(messages.get("rotation.empty"));
            return lines;
        }
        Optional<RotationView.Holiday> holidayToday = view.holidays().stream().filter(h -> h.day().equals(view.today())).findFirst();
        boolean dutyToday = view.days().get(0).day().equals(view.today());
        if (!dutyToday) {
            String why = holidayToday.map(h -> md.text(h.name(), Phrases.MAX_NAME))
                    .orElseGet(() -> weekend(view.today()) ? messages.get("rotation.weekend")
                            : DigestPhrases.day(messages, view.today()));
            lines.add(messages.get("rotation.noCheckToday", why));
        }
        // Days and holidays in date order; a holiday on a duty day (a config oddity) is shown just before it.
        List<Entry> entries = new ArrayList<>();
        for (RotationView.Holiday h : view.holidays()) {
            if (!(h.day().equals(view.today()) && !dutyToday)) {
                entries.add(new Entry(h.day(), 0, messages.get("rotation.holiday", DigestPhrases.day(messages, h.day()),
                        md.text(h.name(), Phrases.MAX_NAME))));
            }
        }
        for (RotationView.DutyDay d : view.days()) {
            String day = DigestPhrases.day(messages, d.day());
            String line = d.day().equals(view.today())
                    ? messages.get("rotation.today", day, Mentions.of(d.userId()))
                    : messages.get("rotation.day", day, Mentions.of(d.userId()));
            if (d.note().isPresent() && !d.note().get().isBlank()) {
                line = messages.get("rotation.note", line, md.text(d.note().get(), Phrases.MAX_TITLE));
            }
            entries.add(new Entry(d.day(), 1, line));
        }
        entries.sort(Comparator.comparing(Entry::day).thenComparingInt(Entry::order));
        entries.forEach(e -> lines.add(e.line()));
        return lines;
    }

    private record Entry(LocalDate day, int order, String line) {
    }

    private static boolean weekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
