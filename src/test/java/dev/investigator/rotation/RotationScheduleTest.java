package dev.investigator.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RotationScheduleTest {

    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String CAROL = "U0CAROL01";
    static final String DAVE = "U0DAVE001";
    static final JapaneseHolidays HOLIDAYS = JapaneseHolidays.load();
    private static final Instant AT = Instant.parse("2025-03-01T00:00:00Z");

    private static RotationSettings settings(LocalDate start) {
        return RotationSettings.defaults(List.of(ALICE, BOB, CAROL), start, "C0CHECKS01");
    }

    private static RotationSchedule schedule(LocalDate start) {
        return new RotationSchedule(settings(start), HOLIDAYS);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static List<String> owners(RotationSchedule s, LocalDate from, int n, Overrides o) {
        return s.upcoming(from, n, o).stream().map(x -> x.day() + " " + x.owner()).toList();
    }

    @Test
    void roundRobinOverWorkingDaysSkipsTheWeekend() {
        RotationSchedule s = schedule(d("2025-04-01")); // a Tuesday
        assertThat(owners(s, d("2025-04-01"), 6, Overrides.none())).containsExactly(
                "2025-04-01 " + ALICE, "2025-04-02 " + BOB, "2025-04-03 " + CAROL, "2025-04-04 " + ALICE,
                "2025-04-07 " + BOB, "2025-04-08 " + CAROL);
        assertThat(s.isWorkingDay(d("2025-04-05"))).isFalse();
        assertThat(s.rosterOwner(d("2025-04-05"))).isEmpty();
        assertThat(s.owner(d("2025-04-06"))).isEmpty();
        assertThat(s.owner(d("2025-03-31"))).as("before the start").isEmpty();
    }

    @Test
    void aStartOnTheWeekendBeginsOnTheNextWorkingDay() {
        RotationSchedule s = schedule(d("2025-04-05"));
        assertThat(s.owner(d("2025-04-07"))).contains(ALICE);
        assertThat(s.owner(d("2025-04-08"))).contains(BOB);
    }

    @Test
    void goldenWeekHolidaysHaveNoOwnerAndDoNotAdvanceTheRotation() {
        RotationSchedule s = schedule(d("2025-04-01"));
        // April 2025 has 19 working days up to Friday the 25th: index 18, so Alice; then Showa Day (29th),
        // Constitution Day (Sat 3rd), Greenery Day (Sun 4th), Children's Day (5th) and its substitute (6th).
        assertThat(owners(s, d("2025-04-25"), 6, Overrides.none())).containsExactly(
                "2025-04-25 " + ALICE, "2025-04-28 " + BOB, "2025-04-30 " + CAROL, "2025-05-01 " + ALICE,
                "2025-05-02 " + BOB, "2025-05-07 " + CAROL);
        for (String holiday : List.of("2025-04-29", "2025-05-05", "2025-05-06")) {
            assertThat(s.isWorkingDay(d(holiday))).as(holiday).isFalse();
        }
        assertThat(s.publicHoliday(d("2025-05-06"))).get().extracting(Holiday::nameJa).isEqualTo("こどもの日 振替休日");
    }

    @Test
    void substituteHolidaysAreSkipped() {
        RotationSchedule s = schedule(d("2025-02-17")); // a Monday
        assertThat(owners(s, d("2025-02-17"), 6, Overrides.none())).containsExactly(
                "2025-02-17 " + ALICE, "2025-02-18 " + BOB, "2025-02-19 " + CAROL, "2025-02-20 " + ALICE,
                "2025-02-21 " + BOB, "2025-02-25 " + CAROL); // Monday the 24th is 天皇誕生日 振替休日
        assertThat(s.isWorkingDay(d("2025-11-24"))).isFalse();
        assertThat(s.isWorkingDay(d("2026-05-06"))).isFalse();
    }

    @Test
    void silverWeekWithACitizensHoliday() {
        RotationSchedule s = schedule(d("2026-09-14"));
        assertThat(s.isWorkingDay(d("2026-09-21"))).isFalse();
        assertThat(s.isWorkingDay(d("2026-09-22"))).isFalse();
        assertThat(s.isWorkingDay(d("2026-09-23"))).isFalse();
        assertThat(owners(s, d("2026-09-17"), 3, Overrides.none())).containsExactly(
                "2026-09-17 " + ALICE, "2026-09-18 " + BOB, "2026-09-24 " + CAROL);
    }

    @Test
    void holidaysCanBeKeptAsWorkingDays() {
        RotationSchedule s = new RotationSchedule(settings(d("2025-02-17")).withJapaneseHolidaysSkipped(false), HOLIDAYS);
        assertThat(s.isWorkingDay(d("2025-02-24"))).isTrue();
        assertThat(s.owner(d("2025-02-24"))).contains(CAROL);
        assertThat(s.publicHoliday(d("2025-02-24"))).isEmpty();
    }

    @Test
    void theTeamsYearEndClosureIsSkipped() {
        Set<LocalDate> yearEnd = Set.copyOf(d("2025-12-29").datesUntil(d("2026-01-04")).toList());
        RotationSchedule s = new RotationSchedule(settings(d("2025-12-22")).withExtraHolidays(yearEnd), HOLIDAYS);
        // 22nd Alice, 23rd Bob (no longer the Emperor's Birthday), 24th Carol, 25th Alice, 26th Bob, then the
        // closure from the 29th to the 3rd (New Year's Day among it), back on Monday the 5th.
        assertThat(owners(s, d("2025-12-25"), 4, Overrides.none())).containsExactly(
                "2025-12-25 " + ALICE, "2025-12-26 " + BOB, "2026-01-05 " + CAROL, "2026-01-06 " + ALICE);
        assertThat(s.isExtraHoliday(d("2025-12-30"))).isTrue();
        assertThat(s.isWorkingDay(d("2025-12-30"))).isFalse();
    }

    @Test
    void otherWorkingWeeks() {
        RotationSettings sunToThu = settings(d("2025-04-06")).withWorkingDays(EnumSet.of(
                DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
        RotationSchedule s = new RotationSchedule(sunToThu, HOLIDAYS);
        assertThat(owners(s, d("2025-04-06"), 6, Overrides.none())).containsExactly(
                "2025-04-06 " + ALICE, "2025-04-07 " + BOB, "2025-04-08 " + CAROL, "2025-04-09 " + ALICE,
                "2025-04-10 " + BOB, "2025-04-13 " + CAROL);
    }

    @Test
    void theArithmeticAgreesWithCountingDayByDayOverYears() {
        Set<LocalDate> extra = Set.of(d("2025-12-29"), d("2025-12-30"), d("2026-08-14"), d("2027-12-31"));
        RotationSettings four = RotationSettings.defaults(List.of(ALICE, BOB, CAROL, DAVE), d("2025-01-06"), "C0CHECKS01")
                .withExtraHolidays(extra);
        RotationSchedule s = new RotationSchedule(four, HOLIDAYS);
        int index = 0;
        for (LocalDate day = d("2025-01-06"); day.isBefore(d("2028-01-01")); day = day.plusDays(1)) {
            boolean working = day.getDayOfWeek().getValue() <= 5 && !HOLIDAYS.isHoliday(day) && !extra.contains(day);
            assertThat(s.isWorkingDay(day)).as("%s", day).isEqualTo(working);
            if (working) {
                assertThat(s.rosterOwner(day)).as("%s", day).contains(four.members().get(index++ % 4));
            } else {
                assertThat(s.rosterOwner(day)).as("%s", day).isEmpty();
            }
        }
    }

    @Test
    void noMembersMeansNoOwner() {
        RotationSchedule s = new RotationSchedule(RotationSettings.defaults(List.of(), d("2025-04-01"), "C0CHECKS01"), HOLIDAYS);
        assertThat(s.owner(d("2025-04-01"))).isEmpty();
        assertThat(s.upcoming(d("2025-04-01"), 5)).isEmpty();
        assertThat(s.nextMember(d("2025-04-01"), ALICE, Overrides.none(), Set.of())).isEmpty();
    }

    // ---- overrides and how they compose ----

    private static Swap swap(String a, String b) {
        return new Swap(d(a), d(b), ALICE, AT);
    }

    private static Replacement replacement(String absent, String substitute, String from, String to) {
        return new Replacement(absent, substitute, d(from), d(to), ALICE, AT);
    }

    private static HandOff handOff(String day, String from, String to) {
        return new HandOff(d(day), from, to, from, AT);
    }

    private static Overrides overrides(List<Swap> swaps, List<Replacement> replacements, List<HandOff> handOffs) {
        return new Overrides(swaps, replacements, handOffs);
    }

    @Test
    void aSwapExchangesTwoDays() {
        RotationSchedule s = schedule(d("2025-04-01"));
        Overrides o = overrides(List.of(swap("2025-04-01", "2025-04-03")), List.of(), List.of());
        assertThat(owners(s, d("2025-04-01"), 4, o)).containsExactly(
                "2025-04-01 " + CAROL, "2025-04-02 " + BOB, "2025-04-03 " + ALICE, "2025-04-04 " + ALICE);
        assertThat(s.upcoming(d("2025-04-01"), 2, o)).extracting(Duty::changed).containsExactly(true, false);
        assertThat(s.upcoming(d("2025-04-01"), 1, o).get(0).rosterOwner()).isEqualTo(ALICE);
    }

    @Test
    void swapsApplyInTheOrderTheyWereMade() {
        RotationSchedule s = schedule(d("2025-04-01"));
        // Alice<->Bob (1st<->2nd), then whoever has the 2nd (Alice) swaps with Carol's 3rd.
        Overrides o = overrides(List.of(swap("2025-04-01", "2025-04-02"), swap("2025-04-02", "2025-04-03")),
                List.of(), List.of());
        assertThat(owners(s, d("2025-04-01"), 3, o)).containsExactly(
                "2025-04-01 " + BOB, "2025-04-02 " + CAROL, "2025-04-03 " + ALICE);
        // Swapping back undoes it.
        Overrides undone = overrides(List.of(swap("2025-04-01", "2025-04-02"), swap("2025-04-02", "2025-04-01")),
                List.of(), List.of());
        assertThat(owners(s, d("2025-04-01"), 2, undone)).containsExactly("2025-04-01 " + ALICE, "2025-04-02 " + BOB);
    }

    @Test
    void aReplacementCoversTheAbsentMembersDaysInItsRangeOnly() {
        RotationSchedule s = schedule(d("2025-04-01"));
        Overrides o = overrides(List.of(), List.of(replacement(ALICE, DAVE, "2025-04-01", "2025-04-06")), List.of());
        assertThat(owners(s, d("2025-04-01"), 7, o)).containsExactly(
                "2025-04-01 " + DAVE, "2025-04-02 " + BOB, "2025-04-03 " + CAROL, "2025-04-04 " + DAVE,
                "2025-04-07 " + BOB, "2025-04-08 " + CAROL, "2025-04-09 " + ALICE);
        assertThat(s.isAbsent(ALICE, d("2025-04-04"), o)).isTrue();
        assertThat(s.isAbsent(ALICE, d("2025-04-09"), o)).isFalse();
    }

    @Test
    void replacementsFollowChainsTheLatestWinsAndLoopsStop() {
        RotationSchedule s = schedule(d("2025-04-01"));
        Overrides chain = overrides(List.of(), List.of(
                replacement(ALICE, DAVE, "2025-04-01", "2025-04-30"),
                replacement(DAVE, BOB, "2025-04-01", "2025-04-01")), List.of());
        assertThat(s.owner(d("2025-04-01"), chain)).contains(BOB);
        assertThat(s.owner(d("2025-04-04"), chain)).contains(DAVE);

        Overrides latest = overrides(List.of(), List.of(
                replacement(ALICE, DAVE, "2025-04-01", "2025-04-30"),
                replacement(ALICE, CAROL, "2025-04-01", "2025-04-01")), List.of());
        assertThat(s.owner(d("2025-04-01"), latest)).contains(CAROL);
        assertThat(s.owner(d("2025-04-04"), latest)).contains(DAVE);

        Overrides loop = overrides(List.of(), List.of(
                replacement(ALICE, BOB, "2025-04-01", "2025-04-30"),
                replacement(BOB, ALICE, "2025-04-01", "2025-04-30")), List.of());
        assertThat(s.owner(d("2025-04-01"), loop)).contains(BOB);
        assertThat(s.owner(d("2025-04-02"), loop)).contains(ALICE);
    }

    @Test
    void replacementsApplyToWhoeverIsScheduledAfterSwaps() {
        RotationSchedule s = schedule(d("2025-04-01"));
        // Alice swaps her 1st for Bob's 2nd, then turns out to be away on the 2nd: Dave covers the day she now has.
        Overrides o = overrides(List.of(swap("2025-04-01", "2025-04-02")),
                List.of(replacement(ALICE, DAVE, "2025-04-02", "2025-04-02")), List.of());
        assertThat(s.owner(d("2025-04-01"), o)).contains(BOB);
        assertThat(s.owner(d("2025-04-02"), o)).contains(DAVE);
        assertThat(s.scheduledOwner(d("2025-04-02"), o)).contains(ALICE);
    }

    @Test
    void theLastHandOffOfADayWinsOverSwapsAndReplacements() {
        RotationSchedule s = schedule(d("2025-04-01"));
        Overrides o = overrides(List.of(swap("2025-04-01", "2025-04-02")),
                List.of(replacement(BOB, DAVE, "2025-04-01", "2025-04-01")),
                List.of(handOff("2025-04-01", DAVE, ALICE), handOff("2025-04-01", ALICE, CAROL)));
        assertThat(s.owner(d("2025-04-01"), o)).contains(CAROL);
        assertThat(s.owner(d("2025-04-02"), o)).contains(ALICE);
    }

    @Test
    void overridesOnDaysThatAreNoLongerWorkingDaysAreIgnored() {
        // The swap was made when the 2nd was a working day; the team then declared it a company holiday.
        RotationSchedule s = new RotationSchedule(settings(d("2025-04-01")).withExtraHolidays(Set.of(d("2025-04-02"))), HOLIDAYS);
        Overrides o = overrides(List.of(swap("2025-04-01", "2025-04-02")), List.of(),
                List.of(handOff("2025-04-02", BOB, CAROL)));
        assertThat(s.owner(d("2025-04-01"), o)).contains(ALICE);
        assertThat(s.owner(d("2025-04-02"), o)).isEmpty();
    }

    @Test
    void theNextMemberSkipsTheAbsentAndTheExcludedAndWraps() {
        RotationSchedule s = schedule(d("2025-04-01"));
        LocalDate day = d("2025-04-03");
        assertThat(s.nextMember(day, CAROL, Overrides.none(), Set.of())).contains(ALICE);
        Overrides aliceAway = overrides(List.of(), List.of(replacement(ALICE, DAVE, "2025-04-03", "2025-04-03")), List.of());
        assertThat(s.nextMember(day, CAROL, aliceAway, Set.of())).contains(BOB);
        assertThat(s.nextMember(day, CAROL, aliceAway, Set.of(BOB))).isEmpty();
        // Dave, a substitute from outside the rotation, hands on to the member after the one scheduled.
        assertThat(s.nextMember(day, DAVE, Overrides.none(), Set.of())).contains(ALICE);
    }

    @Test
    void findsTheNextDayAMemberHolds() {
        RotationSchedule s = schedule(d("2025-04-01"));
        assertThat(s.nextDayHeldBy(BOB, d("2025-04-01"), d("2025-04-01"), Overrides.none())).contains(d("2025-04-02"));
        assertThat(s.nextDayHeldBy(BOB, d("2025-04-01"), d("2025-04-02"), Overrides.none())).contains(d("2025-04-07"));
        assertThat(s.nextDayHeldBy(DAVE, d("2025-04-01"), d("2025-04-01"), Overrides.none())).isEmpty();
        assertThat(s.nextWorkingDayFrom(d("2025-05-03"))).contains(d("2025-05-07"));
    }

    @Test
    void upcomingListsWorkingDaysOnly() {
        RotationSchedule s = schedule(d("2025-04-01"));
        List<LocalDate> days = new ArrayList<>();
        s.upcoming(d("2025-04-26"), 3).forEach(x -> days.add(x.day()));
        assertThat(days).containsExactly(d("2025-04-28"), d("2025-04-30"), d("2025-05-01"));
        assertThat(s.owner(d("2025-04-27"))).isEqualTo(Optional.empty());
    }
}
