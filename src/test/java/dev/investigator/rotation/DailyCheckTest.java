package dev.investigator.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.investigator.model.TimeWindow;
import dev.investigator.rotation.DueAction.Escalate;
import dev.investigator.rotation.DueAction.PostPrompt;
import dev.investigator.rotation.DueAction.Remind;
import dev.investigator.rotation.HandOffResult.Outcome;
import dev.investigator.rotation.RotationException.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyCheckTest {

    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String CAROL = "U0CAROL01";
    static final String DAVE = "U0DAVE001";
    static final String BACKUP = "S0BACKUP01";
    static final String CHANNEL = "C0CHECKS01";
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final JapaneseHolidays HOLIDAYS = JapaneseHolidays.load();

    // Tuesday 1 April 2025 is Alice's first day; then Bob on the 2nd, Carol on the 3rd, Alice on Friday the 4th.
    static final LocalDate TUE = LocalDate.parse("2025-04-01");
    static final LocalDate WED = LocalDate.parse("2025-04-02");
    static final LocalDate FRI = LocalDate.parse("2025-04-04");

    @TempDir
    Path dir;

    MutableClock clock;
    RotationSettings settings;

    @BeforeEach
    void setUp() {
        clock = MutableClock.tokyo("2025-04-01T08:00");
        settings = RotationSettings.defaults(List.of(ALICE, BOB, CAROL), TUE, CHANNEL)
                .withBackup(Optional.of(BACKUP)).withDataDir(dir);
    }

    private DailyCheck check() {
        return new DailyCheck(new RotationSchedule(settings, HOLIDAYS), RotationStore.open(dir), clock);
    }

    private static Instant tokyo(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(TOKYO).toInstant();
    }

    private PostPrompt postedPrompt(DailyCheck check, String ts) {
        List<DueAction> due = check.due();
        assertThat(due).hasSize(1).first().isInstanceOf(PostPrompt.class);
        PostPrompt prompt = (PostPrompt) due.get(0);
        check.promptPosted(prompt.day(), CHANNEL, ts);
        return prompt;
    }

    @Test
    void aWholeDayPromptThenReminderThenEscalation() {
        DailyCheck check = check();
        assertThat(check.due()).as("08:00").isEmpty();
        clock.at("2025-04-01T09:59:30");
        assertThat(check.due()).as("09:59:30").isEmpty();

        clock.at("2025-04-01T10:00");
        List<DueAction> due = check.due();
        assertThat(due).containsExactly(new PostPrompt(TUE, ALICE,
                new TimeWindow(tokyo("2025-03-31T10:00"), tokyo("2025-04-01T10:00"))));
        assertThat(check.due()).as("leased while being posted").isEmpty();
        clock.at("2025-04-01T10:00:02");
        check.promptPosted(TUE, CHANNEL, "1743469202.000100");
        PromptRef ref = new PromptRef(CHANNEL, "1743469202.000100", tokyo("2025-04-01T10:00:02"));
        assertThat(check.day(TUE).orElseThrow().prompt()).contains(ref);

        clock.at("2025-04-01T10:30");
        assertThat(check.due()).isEmpty();
        clock.at("2025-04-01T11:00:01");
        assertThat(check.due()).as("a second short of an hour after the prompt").isEmpty();
        clock.at("2025-04-01T11:00:02");
        assertThat(check.due()).as("an hour after the prompt").containsExactly(new Remind(TUE, ALICE, ref));
        check.reminded(TUE);
        clock.at("2025-04-01T11:30");
        assertThat(check.due()).isEmpty();
        clock.at("2025-04-01T12:00:01");
        assertThat(check.due()).isEmpty();
        clock.at("2025-04-01T12:00:02");
        assertThat(check.due()).as("two hours after the prompt").containsExactly(new Escalate(TUE, BACKUP, ALICE, ref));
        check.escalated(TUE);
        clock.at("2025-04-01T18:00");
        assertThat(check.due()).as("everything sent once").isEmpty();
        assertThat(check.day(TUE).orElseThrow().escalatedAt()).contains(tokyo("2025-04-01T12:00:02"));

        clock.at("2025-04-02T10:00");
        assertThat(check.due()).as("Wednesday covers the period since Tuesday's prompt").containsExactly(
                new PostPrompt(WED, BOB, new TimeWindow(tokyo("2025-04-01T10:00:02"), tokyo("2025-04-02T10:00"))));
    }

    @Test
    void aCheckBySomeoneElseStopsTheReminderAndTheFirstCheckStands() {
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        postedPrompt(check, "1.1");
        clock.at("2025-04-01T10:20");
        CheckResult first = check.checked(TUE, CAROL);
        assertThat(first.recorded()).isTrue();
        assertThat(first.check()).isEqualTo(new Check(CAROL, tokyo("2025-04-01T10:20")));
        assertThat(first.day().owner()).as("the owner stays Alice").isEqualTo(ALICE);

        clock.at("2025-04-01T10:25");
        CheckResult second = check.checked(TUE, ALICE);
        assertThat(second.recorded()).isFalse();
        assertThat(second.check()).isEqualTo(first.check());

        for (String t : List.of("11:00", "12:00", "23:59")) {
            clock.at("2025-04-01T" + t);
            assertThat(check.due()).as(t).isEmpty();
        }
    }

    @Test
    void aLateStartStillPostsUntilMidnightButNotTheNextDay() {
        DailyCheck check = check();
        clock.at("2025-04-04T23:59:30");
        assertThat(check.due()).containsExactly(new PostPrompt(FRI, ALICE,
                new TimeWindow(tokyo("2025-04-03T23:59:30"), tokyo("2025-04-04T23:59:30"))));
        clock.at("2025-04-05T00:00:30");
        assertThat(check.due()).as("Saturday").isEmpty();
        clock.at("2025-04-05T10:00");
        assertThat(check.due()).as("Saturday 10:00").isEmpty();
    }

    @Test
    void aRestartDoesNotRepostButCarriesOn() {
        DailyCheck before = check();
        clock.at("2025-04-01T10:00");
        postedPrompt(before, "1743469200.000100");

        clock.at("2025-04-01T10:05");
        DailyCheck after = check(); // a new process: new store, new DailyCheck, same file
        assertThat(after.due()).isEmpty();
        clock.at("2025-04-01T11:00");
        assertThat(after.due()).singleElement().isInstanceOfSatisfying(Remind.class,
                r -> assertThat(r.prompt().ts()).isEqualTo("1743469200.000100"));
        after.reminded(TUE);

        DailyCheck third = check();
        clock.at("2025-04-01T11:30");
        assertThat(third.due()).as("the reminder is not repeated either").isEmpty();
    }

    @Test
    void anActionNotReportedBackIsOfferedAgainAfterTheLeaseOrAtOnceWhenItFailed() {
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        assertThat(check.due()).singleElement().isInstanceOf(PostPrompt.class);
        clock.advance(DailyCheck.LEASE.minusSeconds(1));
        assertThat(check.due()).as("still leased").isEmpty();
        clock.advance(Duration.ofSeconds(1));
        List<DueAction> again = check.due();
        assertThat(again).as("lease expired").singleElement().isInstanceOf(PostPrompt.class);
        assertThat(check.due()).as("leased again").isEmpty();

        check.failed(again.get(0));
        assertThat(check.due()).as("released by failed()").singleElement().isInstanceOf(PostPrompt.class);
    }

    @Test
    void noPromptOnWeekendsAndHolidays() {
        DailyCheck check = check();
        for (String day : List.of("2025-04-05", "2025-04-06", "2025-04-29", "2025-05-05", "2025-05-06")) {
            clock.at(day + "T10:00");
            assertThat(check.due()).as(day).isEmpty();
            clock.at(day + "T23:00");
            assertThat(check.due()).as(day).isEmpty();
        }
        clock.at("2025-05-07T10:00");
        assertThat(check.due()).singleElement().isInstanceOf(PostPrompt.class);
    }

    @Test
    void withoutABackupThereIsNoEscalation() {
        settings = settings.withBackup(Optional.empty());
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        postedPrompt(check, "1.1");
        clock.at("2025-04-01T11:00");
        assertThat(check.due()).singleElement().isInstanceOf(Remind.class);
        check.reminded(TUE);
        clock.at("2025-04-01T15:00");
        assertThat(check.due()).isEmpty();
    }

    @Test
    void withoutMembersNothingIsEverDue() {
        settings = RotationSettings.defaults(List.of(), TUE, CHANNEL).withDataDir(dir);
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        assertThat(check.due()).isEmpty();
        assertThat(check.upcoming(5)).isEmpty();
        assertThat(check.handedOff(TUE, ALICE).outcome()).isEqualTo(Outcome.NO_OWNER);
    }

    @Test
    void handOffMovesTheDayAlongTheOrderAndASecondPressChangesNothing() {
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        postedPrompt(check, "1.1");
        clock.at("2025-04-01T10:10");

        HandOffResult handed = check.handedOff(TUE, ALICE);
        assertThat(handed.outcome()).isEqualTo(Outcome.HANDED_OFF);
        assertThat(handed.owner()).contains(BOB);
        assertThat(handed.handOff()).contains(new HandOff(TUE, ALICE, BOB, ALICE, tokyo("2025-04-01T10:10")));
        assertThat(check.owner(TUE)).contains(BOB);

        HandOffResult twice = check.handedOff(TUE, ALICE);
        assertThat(twice.outcome()).isEqualTo(Outcome.NOT_OWNER);
        assertThat(twice.owner()).contains(BOB);
        assertThat(check.day(TUE).orElseThrow().handOffs()).hasSize(1);

        assertThat(check.handedOff(TUE, BOB).owner()).contains(CAROL);
        HandOffResult last = check.handedOff(TUE, CAROL);
        assertThat(last.outcome()).as("Alice and Bob already declined today").isEqualTo(Outcome.NO_ONE_LEFT);
        assertThat(last.owner()).contains(CAROL);
        assertThat(check.day(TUE).orElseThrow().owner()).isEqualTo(CAROL);

        // Survives a restart; Wednesday is not affected.
        DailyCheck after = check();
        assertThat(after.owner(TUE)).contains(CAROL);
        assertThat(after.owner(WED)).contains(BOB);
    }

    @Test
    void theNewHolderGetsTheirOwnReminderAndTheEscalationWaitsForIt() {
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        PromptRef ref = new PromptRef(CHANNEL, "1.1", tokyo("2025-04-01T10:00"));
        postedPrompt(check, "1.1");
        clock.at("2025-04-01T11:00");
        assertThat(check.due()).containsExactly(new Remind(TUE, ALICE, ref));
        check.reminded(TUE);
        clock.at("2025-04-01T11:10");
        check.handedOff(TUE, ALICE);

        clock.at("2025-04-01T12:00");
        assertThat(check.due()).as("Bob has had the day for 50 minutes: no escalation yet").isEmpty();
        clock.at("2025-04-01T12:10");
        assertThat(check.due()).containsExactly(new Remind(TUE, BOB, ref));
        check.reminded(TUE);
        clock.at("2025-04-01T13:09");
        assertThat(check.due()).isEmpty();
        clock.at("2025-04-01T13:10");
        assertThat(check.due()).containsExactly(new Escalate(TUE, BACKUP, BOB, ref));
    }

    @Test
    void aHandOffBeforeThePromptChangesWhoIsMentioned() {
        DailyCheck check = check();
        clock.at("2025-04-01T09:00");
        check.handedOff(TUE, ALICE);
        clock.at("2025-04-01T10:00");
        assertThat(check.due()).singleElement().isInstanceOfSatisfying(PostPrompt.class, p -> assertThat(p.owner()).isEqualTo(BOB));
        check.promptPosted(TUE, CHANNEL, "1.1");
        assertThat(check.day(TUE).orElseThrow().owner()).isEqualTo(BOB);
        clock.at("2025-04-01T11:00");
        assertThat(check.due()).as("an hour after the prompt, not after the hand-off")
                .singleElement().isInstanceOf(Remind.class);
    }

    @Test
    void handOffRefusals() {
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        postedPrompt(check, "1.1");
        assertThat(check.handedOff(TUE, ALICE, ALICE).outcome()).isEqualTo(Outcome.SAME_PERSON);
        assertThatThrownBy(() -> check.handedOff(TUE, ALICE, "bob"))
                .isInstanceOfSatisfying(RotationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_USER));
        assertThat(check.handedOff(LocalDate.parse("2025-04-05"), ALICE).outcome()).isEqualTo(Outcome.NO_OWNER);

        HandOffResult named = check.handedOff(TUE, ALICE, DAVE);
        assertThat(named.outcome()).as("to anyone, member or not").isEqualTo(Outcome.HANDED_OFF);
        assertThat(check.owner(TUE)).contains(DAVE);
        assertThat(check.handedOff(TUE, DAVE).owner()).as("Dave hands on to the member after Alice").contains(BOB);

        check.checked(TUE, BOB);
        assertThat(check.handedOff(TUE, BOB).outcome()).isEqualTo(Outcome.ALREADY_CHECKED);

        clock.at("2025-04-02T09:00");
        assertThat(check.handedOff(TUE, BOB).outcome()).isEqualTo(Outcome.PAST_DAY);
    }

    @Test
    void thePeriodStartsAtThePreviousPromptAcrossWeekendsAndIsCapped() {
        DailyCheck check = check();
        clock.at("2025-04-04T10:00:05");
        postedPrompt(check, "1.1");
        clock.at("2025-04-07T10:00");
        assertThat(((PostPrompt) check.due().get(0)).period())
                .isEqualTo(new TimeWindow(tokyo("2025-04-04T10:00:05"), tokyo("2025-04-07T10:00")));

        clock.at("2025-04-28T10:00");
        assertThat(((PostPrompt) check.due().get(0)).period().length()).isEqualTo(DailyCheck.MAX_PERIOD);
    }

    @Test
    void aSecondPromptRecordForTheSameDayIsIgnored() {
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        postedPrompt(check, "1.1");
        clock.at("2025-04-01T10:01");
        check.promptPosted(TUE, CHANNEL, "2.2");
        assertThat(check.day(TUE).orElseThrow().prompt().orElseThrow().ts()).isEqualTo("1.1");
    }

    @Test
    void swapsWithAMembersNextDayAndSurvivesARestart() {
        DailyCheck check = check();
        clock.at("2025-04-01T09:00");
        Swap swap = check.swap(TUE, CAROL, ALICE);
        assertThat(swap.second()).isEqualTo(LocalDate.parse("2025-04-03"));
        assertThat(check.upcoming(3)).extracting(Duty::owner).containsExactly(CAROL, BOB, ALICE);
        assertThat(check.upcoming(3)).extracting(Duty::changed).containsExactly(true, false, true);

        DailyCheck after = check();
        clock.at("2025-04-01T10:00");
        assertThat(after.due()).singleElement().isInstanceOfSatisfying(PostPrompt.class, p -> assertThat(p.owner()).isEqualTo(CAROL));
    }

    @Test
    void swapRefusals() {
        DailyCheck check = check();
        clock.at("2025-04-02T09:00");
        assertThat(catchReason(() -> check.swapDays(TUE, FRI, ALICE))).isEqualTo(Reason.PAST_DAY);
        assertThat(catchReason(() -> check.swapDays(WED, LocalDate.parse("2025-04-05"), ALICE))).isEqualTo(Reason.NOT_A_WORKING_DAY);
        assertThat(catchReason(() -> check.swapDays(WED, WED, ALICE))).isEqualTo(Reason.SAME_PERSON);
        assertThat(catchReason(() -> check.swapDays(LocalDate.parse("2025-04-03"), LocalDate.parse("2025-04-08"), ALICE)))
                .as("Carol holds both").isEqualTo(Reason.SAME_PERSON);
        assertThat(catchReason(() -> check.swap(WED, BOB, BOB))).isEqualTo(Reason.SAME_PERSON);
        assertThat(catchReason(() -> check.swap(WED, DAVE, BOB))).isEqualTo(Reason.NO_UPCOMING_DAY);
        check.handedOff(WED, BOB);
        assertThat(catchReason(() -> check.swapDays(WED, FRI, CAROL))).isEqualTo(Reason.HANDED_OFF);
    }

    @Test
    void aTemporaryReplacement() {
        DailyCheck check = check();
        clock.at("2025-04-01T09:00");
        Replacement r = check.replace(ALICE, DAVE, TUE, LocalDate.parse("2025-04-04"), BOB);
        assertThat(r.by()).isEqualTo(BOB);
        assertThat(check.upcoming(5)).extracting(d -> d.owner() + "/" + d.rosterOwner())
                .containsExactly(DAVE + "/" + ALICE, BOB + "/" + BOB, CAROL + "/" + CAROL, DAVE + "/" + ALICE, BOB + "/" + BOB);
        clock.at("2025-04-01T10:00");
        assertThat(check.due()).singleElement().isInstanceOfSatisfying(PostPrompt.class, p -> assertThat(p.owner()).isEqualTo(DAVE));
        assertThat(check().owner(FRI)).as("after a restart").contains(DAVE);

        assertThat(catchReason(() -> check.replace(ALICE, ALICE, TUE, FRI, BOB))).isEqualTo(Reason.SAME_PERSON);
        assertThat(catchReason(() -> check.replace(ALICE, "dave", TUE, FRI, BOB))).isEqualTo(Reason.NOT_A_USER);
        assertThat(catchReason(() -> check.replace(ALICE, DAVE, FRI, TUE, BOB))).isEqualTo(Reason.BAD_RANGE);
        assertThat(catchReason(() -> check.replace(ALICE, DAVE, LocalDate.parse("2025-03-01"), LocalDate.parse("2025-03-31"), BOB)))
                .isEqualTo(Reason.PAST_DAY);
    }

    @Test
    void oldDaysArePrunedFromTheFile() {
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        postedPrompt(check, "1.1");
        clock.at("2025-05-30T09:00"); // 59 days later: kept
        check.due();
        assertThat(check().day(TUE)).isPresent();
        clock.at("2025-05-31T09:00"); // 60 days later: still kept (the cutoff day itself stays)
        check.due();
        assertThat(check().day(TUE)).isPresent();
        clock.at("2025-06-01T09:00");
        check.due();
        assertThat(RotationStore.open(dir).state().day(TUE)).isEmpty();
    }

    @Test
    void concurrentCheckedPressesRecordExactlyOne() throws Exception {
        DailyCheck check = check();
        clock.at("2025-04-01T10:00");
        postedPrompt(check, "1.1");
        List<String> users = List.of(ALICE, BOB, CAROL, DAVE, "U0EVE0001", "U0FRANK01", "U0GRACE01", "U0HEIDI01");
        ExecutorService pool = Executors.newFixedThreadPool(users.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CheckResult>> results = new ArrayList<>();
            for (String u : users) {
                Callable<CheckResult> press = () -> {
                    start.await();
                    return check.checked(TUE, u);
                };
                results.add(pool.submit(press));
            }
            start.countDown();
            List<CheckResult> done = new ArrayList<>();
            for (Future<CheckResult> f : results) {
                done.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(done).filteredOn(CheckResult::recorded).hasSize(1);
            Check winner = done.stream().filter(CheckResult::recorded).findFirst().orElseThrow().check();
            assertThat(done).extracting(CheckResult::check).containsOnly(winner);
            assertThat(check().day(TUE).orElseThrow().checked()).contains(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Reason catchReason(Runnable r) {
        try {
            r.run();
        } catch (RotationException e) {
            return e.reason();
        }
        throw new AssertionError("no RotationException");
    }
}
