package dev.investigator.render;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code /investigate rotation} shows: who is on duty on each of the next working days, and the holidays
 * skipped between them (weekends are skipped without a word).
 *
 * @param today    the day the question is asked, in the team's zone
 * @param days     working days from today on, in order; the first is today when today is a working day
 * @param holidays public holidays from today to the last of {@code days}, with their names
 */
public record RotationView(LocalDate today, List<DutyDay> days, List<Holiday> holidays) {

    public RotationView {
        Objects.requireNonNull(today, "today");
        days = List.copyOf(days);
        holidays = List.copyOf(holidays);
    }

    /**
     * @param note why it differs from the plan, in the team's language ("swapped with …", "covering for …")
     */
    public record DutyDay(LocalDate day, String userId, Optional<String> note) {
        public DutyDay {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(note, "note");
        }
    }

    public record Holiday(LocalDate day, String name) {
        public Holiday {
            Objects.requireNonNull(day, "day");
            name = name == null ? "" : name;
        }
    }
}
