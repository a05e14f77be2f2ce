package dev.investigator.rotation;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The team's daily-check rotation, as configured under {@code rotation:}.
 *
 * @param members Slack user ids in rotation order; may be empty (then no day has an owner and no prompt is posted)
 * @param startDate the first member's first day (or the first working day after it)
 * @param extraHolidays the team's own days off (year-end closure, company holidays), skipped like public holidays
 * @param promptTime when the prompt is posted, in {@code zone}
 * @param backup who is mentioned when a check stays undone: a user (U…/W…) or a user group (S…)
 * @param dataDir where the store keeps its file
 */
public record RotationSettings(
        List<String> members,
        LocalDate startDate,
        Set<DayOfWeek> workingDays,
        boolean skipJapaneseHolidays,
        Set<LocalDate> extraHolidays,
        LocalTime promptTime,
        ZoneId zone,
        String channel,
        Duration remindAfter,
        Duration escalateAfter,
        Optional<String> backup,
        Path dataDir) {

    public static final Pattern USER = Pattern.compile("[UW][A-Z0-9]{6,20}");
    public static final Pattern USER_GROUP = Pattern.compile("S[A-Z0-9]{6,20}");
    public static final Pattern CHANNEL = Pattern.compile("[CG][A-Z0-9]{6,20}");

    public static final Set<DayOfWeek> DEFAULT_WORKING_DAYS = Collections.unmodifiableSet(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    public static final LocalTime DEFAULT_PROMPT_TIME = LocalTime.of(10, 0);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Tokyo");
    public static final Duration DEFAULT_REMIND_AFTER = Duration.ofMinutes(60);
    public static final Duration DEFAULT_ESCALATE_AFTER = Duration.ofMinutes(120);
    public static final Path DEFAULT_DATA_DIR = Path.of("data");

    public RotationSettings {
        members = List.copyOf(members);
        if (new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("a member appears twice: " + members);
        }
        members.forEach(m -> require(USER, m, "member"));
        Objects.requireNonNull(startDate, "startDate");
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("no working days");
        }
        workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        extraHolidays = Collections.unmodifiableSortedSet(new TreeSet<>(extraHolidays));
        Objects.requireNonNull(promptTime, "promptTime");
        Objects.requireNonNull(zone, "zone");
        require(CHANNEL, channel, "channel");
        if (remindAfter.isNegative() || remindAfter.isZero() || escalateAfter.compareTo(remindAfter) <= 0) {
            throw new IllegalArgumentException("need 0 < remindAfter < escalateAfter: " + remindAfter + ", " + escalateAfter);
        }
        Objects.requireNonNull(backup, "backup");
        backup.ifPresent(b -> {
            if (!USER.matcher(b).matches() && !USER_GROUP.matcher(b).matches()) {
                throw new IllegalArgumentException("backup is not a Slack user or user group id: " + b);
            }
        });
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** The defaults for everything but the members, the start and the channel. */
    public static RotationSettings defaults(List<String> members, LocalDate startDate, String channel) {
        return new RotationSettings(members, startDate, DEFAULT_WORKING_DAYS, true, Set.of(), DEFAULT_PROMPT_TIME,
                DEFAULT_ZONE, channel, DEFAULT_REMIND_AFTER, DEFAULT_ESCALATE_AFTER, Optional.empty(), DEFAULT_DATA_DIR);
    }

    public RotationSettings withWorkingDays(Set<DayOfWeek> days) {
        return new RotationSettings(members, startDate, days, skipJapaneseHolidays, extraHolidays, promptTime, zone,
                channel, remindAfter, escalateAfter, backup, dataDir);
    }

    public RotationSettings withJapaneseHolidaysSkipped(boolean skip) {
        return new RotationSettings(members, startDate, workingDays, skip, extraHolidays, promptTime, zone,
                channel, remindAfter, escalateAfter, backup, dataDir);
    }

    public RotationSettings withExtraHolidays(Set<LocalDate> days) {
        return new RotationSettings(members, startDate, workingDays, skipJapaneseHolidays, days, promptTime, zone,
                channel, remindAfter, escalateAfter, backup, dataDir);
    }

    public RotationSettings withPromptTime(LocalTime time) {
        return new RotationSettings(members, startDate, workingDays, skipJapaneseHolidays, extraHolidays, time, zone,
                channel, remindAfter, escalateAfter, backup, dataDir);
    }

    public RotationSettings withDelays(Duration remind, Duration escalate) {
        return new RotationSettings(members, startDate, workingDays, skipJapaneseHolidays, extraHolidays, promptTime,
                zone, channel, remind, escalate, backup, dataDir);
    }

    public RotationSettings withBackup(Optional<String> who) {
        return new RotationSettings(members, startDate, workingDays, skipJapaneseHolidays, extraHolidays, promptTime,
                zone, channel, remindAfter, escalateAfter, who, dataDir);
    }

    public RotationSettings withDataDir(Path dir) {
        return new RotationSettings(members, startDate, workingDays, skipJapaneseHolidays, extraHolidays, promptTime,
                zone, channel, remindAfter, escalateAfter, backup, dir);
    }

    private static void require(Pattern shape, String id, String what) {
        if (id == null || !shape.matcher(id).matches()) {
            throw new IllegalArgumentException(what + " is not a Slack id of the right kind: " + id);
        }
    }
}
