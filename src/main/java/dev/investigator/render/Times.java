package dev.investigator.render;

import dev.investigator.model.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Times of one investigation as its readers want them: the bare clock time ("14:03") while everything happens on
 * the window's day, with the date ("11/20 14:03") when the window crosses midnight or a time lies on another day.
 */
final class Times {

    private final Messages messages;
    private final ZoneId zone;
    private final TimeWindow window;
    private final boolean crossesDay;
    private final LocalDate day;

    Times(Messages messages, ZoneId zone, TimeWindow window) {
        this.messages = messages;
        this.zone = zone;
        this.window = window;
        this.crossesDay = Messages.crossesDay(window.from(), window.to(), zone);
        this.day = window.from().atZone(zone).toLocalDate();
    }

    String at(Instant instant) {
        if (crossesDay || !instant.atZone(zone).toLocalDate().equals(day)) {
            return messages.dateClock(instant, zone);
        }
        return messages.clock(instant, zone);
    }

    /** "14:00–14:30 JST". */
    String window() {
        return messages.window(window.from(), window.to(), zone);
    }

    /** "30 min". */
    String length() {
        return messages.duration(window.length());
    }

    ZoneId zone() {
        return zone;
    }
}
