package dev.investigator.rotation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is on duty on a day. Immutable apart from a log-once memo, so safe to share between threads.
 *
 * <p>The roster is a round robin over working days: the first working day on or after the start date belongs to
 * the first member, each following working day to the next member, wrapping around. Weekends (days outside the
 * working days), Japanese public holidays (when skipped) and the team's extra holidays have no owner and do not
 * advance the round robin. Days before the start have no owner.
 *
 * <p>Run-time changes compose in three layers, each answering a different question (see {@link #owner}):
 * <ol>
 *   <li>swaps — who is <em>scheduled</em>: each swap exchanges the scheduled people of its two days, applied in
 *       the order they were made, on top of the roster;</li>
 *   <li>replacements — who is <em>available</em>: a scheduled person who is absent on the day is replaced by the
 *       substitute of the most recent replacement covering that day, following chains (X by Y, Y by Z gives Z)
 *       and stopping at a loop;</li>
 *   <li>hand-offs — who <em>actually has</em> the day: the last hand-off of a day wins over everything else,
 *       because it is an explicit decision taken for that very day.</li>
 * </ol>
 * A swap or hand-off that names a day which is no longer a working day (the settings changed) is ignored.
 */
public final class RotationSchedule {

    private static final Logger log = LoggerFactory.getLogger(RotationSchedule.class);

    // Bound for searches ahead, so that odd settings cannot loop for ever.
    private static final int SEARCH_DAYS = 3 * 366;

    private final RotationSettings settings;
    private final JapaneseHolidays holidays;
    private final NavigableSet<LocalDate> closedWorkdays = new TreeSet<>();
    private final Optional<LocalDate> firstDay;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    public RotationSchedule(RotationSettings settings, JapaneseHolidays holidays) {
        this.settings = settings;
        this.holidays = holidays;
        if (settings.skipJapaneseHolidays()) {
            holidays.between(LocalDate.MIN, LocalDate.MAX).keySet().stream()
                    .filter(d -> settings.workingDays().contains(d.getDayOfWeek()))
                    .forEach(closedWorkdays::add);
        }
        settings.extraHolidays().stream()
                .filter(d -> settings.workingDays().contains(d.getDayOfWeek()))
                .forEach(closedWorkdays::add);
        this.firstDay = nextWorkingDayFrom(settings.startDate());
    }

    public RotationSettings settings() {
        return settings;
    }

    public JapaneseHolidays holidays() {
        return holidays;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (!settings.workingDays().contains(day.getDayOfWeek())) {
            return false;
        }
        if (settings.skipJapaneseHolidays() && !holidays.covers(day) && warnedYears.add(day.getYear())) {
            log.warn("No Japanese holiday data for {} (the data ends with {}): its public holidays count as working "
                    + "days; run scripts/update-holidays.sh", day.getYear(), holidays.lastCoveredYear());
        }
        return !closedWorkdays.contains(day);
    }

    /** The Japanese public holiday on {@code day}, if the rotation skips them. */
    public Optional<Holiday> publicHoliday(LocalDate day) {
        return settings.skipJapaneseHolidays() ? holidays.holiday(day) : Optional.empty();
    }

    /** Whether {@code day} is one of the team's own extra holidays. */
    public boolean isExtraHoliday(LocalDate day) {
        return settings.extraHolidays().contains(day);
    }

    /** The round robin's owner of a working day, before any run-time change. */
    public Optional<String> rosterOwner(LocalDate day) {
        List<String> members = settings.members();
        if (members.isEmpty() || firstDay.isEmpty() || day.isBefore(firstDay.get()) || !isWorkingDay(day)) {
            return Optional.empty();
        }
        long index = workingDaysBetween(firstDay.get(), day);
        return Optional.of(members.get((int) (index % members.size())));
    }

    /** Who is scheduled on {@code day}: the roster with the swaps applied. */
    public Optional<String> scheduledOwner(LocalDate day, Overrides overrides) {
        if (!isWorkingDay(day)) {
            return Optional.empty();
        }
        // The swaps are transpositions of days; walking them newest first finds whose roster day ends up here.
        LocalDate source = day;
        List<Swap> swaps = overrides.swaps();
        for (int i = swaps.size() - 1; i >= 0; i--) {
            Swap s = swaps.get(i);
            if (!isWorkingDay(s.first()) || !isWorkingDay(s.second())) {
                continue;
            }
            if (s.first().equals(source)) {
                source = s.second();
            } else if (s.second().equals(source)) {
                source = s.first();
            }
        }
        return rosterOwner(source).or(() -> rosterOwner(day));
    }

    /**
     * Who holds {@code day} after every run-time change: the last hand-off of the day if any; otherwise the
     * scheduled person (roster plus swaps), or their substitute if a replacement covers the day. Empty on a day
     * off, before the start, and when the rotation has no members.
     */
    public Optional<String> owner(LocalDate day, Overrides overrides) {
        if (!isWorkingDay(day)) {
            return Optional.empty();
        }
        Optional<HandOff> handOff = overrides.lastHandOff(day);
        if (handOff.isPresent()) {
            return Optional.of(handOff.get().to());
        }
        return scheduledOwner(day, overrides).map(m -> present(m, day, overrides));
    }

    public Optional<String> owner(LocalDate day) {
        return owner(day, Overrides.none());
    }

    /** Whether a replacement says {@code member} is away on {@code day}. */
    public boolean isAbsent(String member, LocalDate day, Overrides overrides) {
        return overrides.replacements().stream().anyMatch(r -> r.absent().equals(member) && r.covers(day));
    }

    /**
     * The member after {@code current} in rotation order who can take {@code day}: not {@code current}, not in
     * {@code exclude}, and not away that day. When {@code current} is not a member (a substitute from outside the
     * rotation), the order continues from the person scheduled that day.
     */
    public Optional<String> nextMember(LocalDate day, String current, Overrides overrides, Set<String> exclude) {
        List<String> members = settings.members();
        if (members.isEmpty()) {
            return Optional.empty();
        }
        int start = members.indexOf(current);
        if (start < 0) {
            start = scheduledOwner(day, overrides).map(members::indexOf).orElse(-1);
        }
        for (int i = 1; i <= members.size(); i++) {
            String candidate = members.get(Math.floorMod(start + i, members.size()));
            if (!candidate.equals(current) && !exclude.contains(candidate) && !isAbsent(candidate, day, overrides)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The next {@code count} working days from {@code from} (inclusive) that have an owner. */
    public List<Duty> upcoming(LocalDate from, int count, Overrides overrides) {
        List<Duty> out = new ArrayList<>();
        LocalDate day = from;
        for (int i = 0; i < SEARCH_DAYS && out.size() < count; i++, day = day.plusDays(1)) {
            Optional<String> owner = owner(day, overrides);
            if (owner.isPresent()) {
                out.add(new Duty(day, owner.get(), rosterOwner(day).orElse(owner.get())));
            }
        }
        return out;
    }

    public List<Duty> upcoming(LocalDate from, int count) {
        return upcoming(from, count, Overrides.none());
    }

    /** The first day on or after {@code from}, other than {@code except}, that {@code member} holds. */
    public Optional<LocalDate> nextDayHeldBy(String member, LocalDate from, LocalDate except, Overrides overrides) {
        LocalDate day = from;
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!day.equals(except) && owner(day, overrides).filter(member::equals).isPresent()) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** The first working day on or after {@code from}. */
    public Optional<LocalDate> nextWorkingDayFrom(LocalDate from) {
        LocalDate day = from;
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** Working days in {@code [from, to)}: whole weeks at once, then the rest, minus the days off. */
    long workingDaysBetween(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        long count = days / 7 * settings.workingDays().size();
        for (LocalDate d = from.plusDays(days - days % 7); d.isBefore(to); d = d.plusDays(1)) {
            if (settings.workingDays().contains(d.getDayOfWeek())) {
                count++;
            }
        }
        return count - closedWorkdays.subSet(from, true, to, false).size();
    }

    private String present(String scheduled, LocalDate day, Overrides overrides) {
        String current = scheduled;
        Set<String> seen = new HashSet<>(Set.of(scheduled));
        while (true) {
            Optional<Replacement> r = latestReplacement(current, day, overrides);
            if (r.isEmpty() || !seen.add(r.get().substitute())) {
                return current;
            }
            current = r.get().substitute();
        }
    }

    private static Optional<Replacement> latestReplacement(String member, LocalDate day, Overrides overrides) {
        List<Replacement> all = overrides.replacements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Replacement r = all.get(i);
            if (r.absent().equals(member) && r.covers(day)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
