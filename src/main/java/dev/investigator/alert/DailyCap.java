package dev.investigator.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts investigations per channel per local day (the catalog's zone, so "today" is the on-call's today) and
 * refuses past the cap. The first refusal of a day says so, so the channel is told once, not once per alert.
 * Thread-safe; memory is one small entry per channel.
 */
public final class DailyCap {

    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, Day> days = new HashMap<>();

    public DailyCap(Clock clock, ZoneId zone) {
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
    }

    public enum Outcome {
        ALLOWED,
        /** The first refusal today: tell the channel. */
        REACHED,
        /** Refused again: the channel was already told. */
        EXHAUSTED
    }

    private static final class Day {
        LocalDate date;
        int used;
        boolean told;
    }

    /** Takes one investigation from today's allowance of {@code cap}. */
    public synchronized Outcome take(String channel, int cap) {
        Day day = today(channel);
        if (day.used < cap) {
            day.used++;
            return Outcome.ALLOWED;
        }
        if (day.told) {
            return Outcome.EXHAUSTED;
        }
        day.told = true;
        return Outcome.REACHED;
    }

    public synchronized int used(String channel) {
        return today(channel).used;
    }

    private Day today(String channel) {
        LocalDate date = LocalDate.now(clock.withZone(zone));
        Day day = days.computeIfAbsent(channel, c -> new Day());
        if (!date.equals(day.date)) {
            day.date = date;
            day.used = 0;
            day.told = false;
        }
        return day;
    }
}
