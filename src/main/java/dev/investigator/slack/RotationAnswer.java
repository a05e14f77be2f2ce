package dev.investigator.slack;

import dev.investigator.investigation.Command;
import dev.investigator.render.Messages;
import dev.investigator.render.RotationRenderer;
import dev.investigator.render.RotationView;
import dev.investigator.render.SlackMessage;
import dev.investigator.rotation.DailyCheck;
import dev.investigator.rotation.Duty;
import dev.investigator.rotation.Replacement;
import dev.investigator.rotation.RotationException;
import dev.investigator.rotation.Swap;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /investigate rotation}: who is on duty today and on the next working days, with the public holidays
 * skipped in between. Answered privately, because every name in it is a mention.
 */
final class RotationAnswer {

    private static final Logger log = LoggerFactory.getLogger(RotationAnswer.class);
    private static final int DAYS = 10;

    private final Optional<DailyCheck> check;
    private final Optional<String> channel;
    private final RotationRenderer renderer;
    private final Messages messages;
    private final SlackTexts texts;
    private final SlackGateway gateway;
    private final Executor background;

    /**
     * @param channel    the rotation's channel, where a change is announced (so the people it moves are notified)
     * @param background posts the announcement, off the Bolt handler thread
     */
    RotationAnswer(Optional<DailyCheck> check, Optional<String> channel, RotationRenderer renderer, Messages messages,
            SlackTexts texts, SlackGateway gateway, Executor background) {
        this.check = Objects.requireNonNull(check);
        this.channel = Objects.requireNonNull(channel);
        this.renderer = Objects.requireNonNull(renderer);
        this.messages = Objects.requireNonNull(messages);
        this.texts = Objects.requireNonNull(texts);
        this.gateway = Objects.requireNonNull(gateway);
        this.background = Objects.requireNonNull(background);
    }

    /**
     * Makes the change (if any) for {@code user}, announces it in the rotation channel, and answers with the
     * rotation as it now stands, or with why the change could not be made.
     */
    SlackMessage answer(Optional<Command.Rotation.Change> change, String user) {
        if (change.isEmpty() || check.isEmpty()) {
            return answer();
        }
        String done;
        try {
            done = apply(check.get(), change.get(), user);
        } catch (RotationException e) {
            return SlackMessage.section(messages.get("slack.rotation.refused." + e.reason().name()));
        }
        channel.ifPresent(c -> {
            try {
                background.execute(() -> {
                    try {
                        gateway.post(c, Optional.empty(), SlackMessage.section(done));
                    } catch (RuntimeException e) {
                        log.warn("could not announce a rotation change in {}: {}", c, e.toString());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                log.warn("could not queue the announcement of a rotation change");
            }
        });
        SlackMessage now = answer();
        // the change's line on top of the rotation as it now stands: two block arrays joined
        String line = SlackMessage.section(done).blocksJson();
        return new SlackMessage(done + "\n" + now.text(),
                line.substring(0, line.length() - 1) + "," + now.blocksJson().substring(1));
    }

    private String apply(DailyCheck daily, Command.Rotation.Change change, String user) {
        if (change instanceof Command.Rotation.Swap swap) {
            LocalDate day = swap.day().orElse(daily.today());
            Swap made = daily.swap(day, swap.member(), user);
            return messages.get("slack.rotation.swapped", "<@" + user + ">", day(made.first()), "<@" + swap.member() + ">",
                    day(made.second()));
        }
        Command.Rotation.Cover cover = (Command.Rotation.Cover) change;
        Replacement made = daily.replace(cover.absent(), cover.substitute(), cover.from(), cover.to(), user);
        return messages.get("slack.rotation.covered", "<@" + made.substitute() + ">", "<@" + made.absent() + ">",
                day(made.from()), day(made.to()), "<@" + user + ">");
    }

    private String day(LocalDate date) {
        return messages.day(date);
    }


    /** The rotation as it stands, or the advice to set the rotation up when there is none. */
    SlackMessage answer() {
        if (check.isEmpty()) {
            return SlackMessage.section(texts.dailyOff());
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
