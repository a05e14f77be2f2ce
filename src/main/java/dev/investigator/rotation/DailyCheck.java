package dev.investigator.rotation;

import dev.investigator.model.TimeWindow;
import dev.investigator.rotation.DueAction.Escalate;
import dev.investigator.rotation.DueAction.PostPrompt;
import dev.investigator.rotation.DueAction.Remind;
import dev.investigator.rotation.HandOffResult.Outcome;
import dev.investigator.rotation.RotationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily check's state machine. The Slack scheduler ticks {@link #due()} (every 30 seconds, say), carries out
 * what it returns and reports back through the record methods; button handlers call the record methods from
 * other threads. Every method is synchronized; all state lives in the {@link RotationStore}, so a new instance on
 * the same store (after a restart) carries on where the old one stopped. Use one instance per store.
 *
 * <p>Rules, decided here once:
 * <ul>
 *   <li>A day's prompt is due from the prompt time until the end of that day (so a bot started late still posts
 *       it), only on a working day with an owner (no members: no prompt), and never twice: the store records it.
 *       Between {@code due()} returning an action and its record call, the action is leased for {@link #LEASE} so
 *       that an overlapping tick does not return it again; {@link #failed} releases it at once.</li>
 *   <li>The reminder goes to whoever holds the day {@code remind_after} after they got it (the prompt, or a later
 *       hand-off: a new holder gets their own reminder). The escalation to the backup comes once a day,
 *       {@code escalate_after} after the holder got the day and after their reminder, only if a backup is set.
 *       Reminders and escalations belong to their day: after midnight they are no longer due.</li>
 *   <li>Anyone may press "Checked", not only the owner; the first check stands and records who and when.</li>
 *   <li>Only the current owner can hand the day off; a second press by the previous owner (a double click, or an
 *       old message) changes nothing and reports {@link Outcome#NOT_OWNER}. The new owner may hand it off again,
 *       to the next member who has not handed this day off yet and is not away.</li>
 * </ul>
 */
public final class DailyCheck {

    /** Days kept in the store; older days, swaps and replacements are pruned. */
    public static final int RETENTION_DAYS = 60;
    /** How long an action returned by {@link #due()} is not returned again while it is being carried out. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    /** The digest period when there was no previous prompt. */
    public static final Duration DEFAULT_PERIOD = Duration.ofHours(24);
    /** The longest digest period: after weeks without a prompt, a digest over all of them says little. */
    public static final Duration MAX_PERIOD = Duration.ofDays(14);

    private static final Logger log = LoggerFactory.getLogger(DailyCheck.class);

    private record Lease(LocalDate day, Class<? extends DueAction> kind) {
    }

    private final RotationSchedule schedule;
    private final RotationSettings settings;
    private final RotationStore store;
    private final Clock clock;
    private final Map<Lease, Instant> leases = new HashMap<>();
    private LocalDate prunedOn;

    public DailyCheck(RotationSchedule schedule, RotationStore store, Clock clock) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.settings = schedule.settings();
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What should be done now; at most one action per call, in the order prompt, reminder, escalation. */
    public synchronized List<DueAction> due() {
        Instant now = clock.instant();
        LocalDate today = dayOf(now);
        prune(today);
        leases.keySet().removeIf(l -> !l.day().equals(today));
        RotationState state = store.state();
        Optional<String> owner = schedule.owner(today, state.overrides());
        if (owner.isEmpty()) {
            return List.of();
        }
        Optional<CheckDay> day = state.day(today);
        if (day.flatMap(CheckDay::prompt).isEmpty()) {
            Instant promptAt = today.atTime(settings.promptTime()).atZone(settings.zone()).toInstant();
            if (!now.isBefore(promptAt) && lease(today, PostPrompt.class, now)) {
                return List.of(new PostPrompt(today, owner.get(), period(state, today, now)));
            }
            return List.of();
        }
        CheckDay d = day.get();
        if (d.isChecked()) {
            return List.of();
        }
        PromptRef prompt = d.prompt().get();
        Instant since = d.heldSince().orElse(prompt.at());
        boolean remindedSince = d.remindedAt().filter(r -> !r.isBefore(since)).isPresent();
        if (!remindedSince) {
            if (!now.isBefore(since.plus(settings.remindAfter())) && lease(today, Remind.class, now)) {
                return List.of(new Remind(today, owner.get(), prompt));
            }
            return List.of();
        }
        if (settings.backup().isPresent() && d.escalatedAt().isEmpty()
                && !now.isBefore(since.plus(settings.escalateAfter())) && lease(today, Escalate.class, now)) {
            return List.of(new Escalate(today, settings.backup().get(), owner.get(), prompt));
        }
        return List.of();
    }

    /** Records that the prompt of {@code day} was posted; a second record for the same day is ignored. */
    public synchronized void promptPosted(LocalDate day, String channel, String ts) {
        Instant now = clock.instant();
        RotationState state = store.state();
        CheckDay d = dayOrNew(state, day);
        if (d.prompt().isPresent()) {
            log.warn("The prompt of {} was already recorded ({}); ignoring a second one ({})", day, d.prompt().get().ts(), ts);
        } else {
            String owner = schedule.owner(day, state.overrides()).orElse(d.owner());
            store.update(s -> s.with(d.withOwner(owner).withPrompt(new PromptRef(channel, ts, now))));
        }
        leases.remove(new Lease(day, PostPrompt.class));
    }

    /** Releases the lease of an action that could not be carried out, so the next tick returns it again. */
    public synchronized void failed(DueAction action) {
        leases.remove(new Lease(action.day(), action.getClass()));
    }

    /** Records a "Checked" press by {@code user}, owner or not; the first check of a day stands. */
    public synchronized CheckResult checked(LocalDate day, String user) {
        requireText(user, "user");
        CheckDay d = dayOrNew(store.state(), day);
        if (d.checked().isPresent()) {
            return new CheckResult(false, d.checked().get(), d);
        }
        CheckDay updated = d.withCheck(new Check(user, clock.instant()));
        store.update(s -> s.with(updated));
        return new CheckResult(true, updated.checked().get(), updated);
    }

    /** "Hand off" pressed by {@code by}: the day moves to the next member in order who can take it. */
    public synchronized HandOffResult handedOff(LocalDate day, String by) {
        return handOff(day, by, Optional.empty());
    }

    /** {@code by} hands the day to a named person (any Slack user, member or not). */
    public synchronized HandOffResult handedOff(LocalDate day, String by, String to) {
        if (!RotationSettings.USER.matcher(to).matches()) {
            throw new RotationException(Reason.NOT_A_USER, "'" + to + "' is not a Slack user id");
        }
        return handOff(day, by, Optional.of(to));
    }

    private HandOffResult handOff(LocalDate day, String by, Optional<String> to) {
        requireText(by, "by");
        Instant now = clock.instant();
        RotationState state = store.state();
        Overrides overrides = state.overrides();
        Optional<String> current = schedule.owner(day, overrides);
        if (day.isBefore(dayOf(now))) {
            return new HandOffResult(Outcome.PAST_DAY, current, Optional.empty());
        }
        if (current.isEmpty()) {
            return new HandOffResult(Outcome.NO_OWNER, current, Optional.empty());
        }
        CheckDay d = dayOrNew(state, day);
        if (d.isChecked()) {
            return new HandOffResult(Outcome.ALREADY_CHECKED, current, Optional.empty());
        }
        if (!current.get().equals(by)) {
            return new HandOffResult(Outcome.NOT_OWNER, current, Optional.empty());
        }
        Optional<String> next;
        if (to.isPresent()) {
            if (to.get().equals(current.get())) {
                return new HandOffResult(Outcome.SAME_PERSON, current, Optional.empty());
            }
            next = to;
        } else {
            Set<String> declined = d.handOffs().stream().map(HandOff::from).collect(Collectors.toSet());
            next = schedule.nextMember(day, current.get(), overrides, declined);
            if (next.isEmpty()) {
                return new HandOffResult(Outcome.NO_ONE_LEFT, current, Optional.empty());
            }
        }
        HandOff handOff = new HandOff(day, current.get(), next.get(), by, now);
        store.update(s -> s.with(d.withHandOff(handOff)));
        return new HandOffResult(Outcome.HANDED_OFF, next, Optional.of(handOff));
    }

    public synchronized void reminded(LocalDate day) {
        Instant now = clock.instant();
        CheckDay d = dayOrNew(store.state(), day);
        store.update(s -> s.with(d.withReminded(now)));
        leases.remove(new Lease(day, Remind.class));
    }

    public synchronized void escalated(LocalDate day) {
        Instant now = clock.instant();
        CheckDay d = dayOrNew(store.state(), day);
        store.update(s -> s.with(d.withEscalated(now)));
        leases.remove(new Lease(day, Escalate.class));
    }

    /**
     * {@code day}'s holder swaps with {@code member}'s next day (from today on): each takes the other's day.
     *
     * @return the swap, whose {@code second()} is {@code member}'s day that was exchanged
     * @throws RotationException when the swap cannot be made
     */
    public synchronized Swap swap(LocalDate day, String member, String by) {
        Overrides overrides = store.state().overrides();
        Optional<String> holder = schedule.owner(day, overrides);
        if (holder.isPresent() && holder.get().equals(member)) {
            throw new RotationException(Reason.SAME_PERSON, member + " already holds " + day);
        }
        LocalDate other = schedule.nextDayHeldBy(member, today(), day, overrides)
                .orElseThrow(() -> new RotationException(Reason.NO_UPCOMING_DAY, member + " holds no day ahead"));
        return swapDays(day, other, by);
    }

    /**
     * The people scheduled on two days exchange them. Days that were handed off cannot be swapped: the hand-off
     * decides them (hand off again instead).
     *
     * @throws RotationException when the swap cannot be made
     */
    public synchronized Swap swapDays(LocalDate first, LocalDate second, String by) {
        requireText(by, "by");
        if (first.equals(second)) {
            throw new RotationException(Reason.SAME_PERSON, "a swap needs two different days");
        }
        LocalDate today = today();
        if (first.isBefore(today) || second.isBefore(today)) {
            throw new RotationException(Reason.PAST_DAY, "cannot swap a day that is over");
        }
        RotationState state = store.state();
        Overrides overrides = state.overrides();
        Optional<String> a = schedule.owner(first, overrides);
        Optional<String> b = schedule.owner(second, overrides);
        if (a.isEmpty() || b.isEmpty()) {
            throw new RotationException(Reason.NOT_A_WORKING_DAY, (a.isEmpty() ? first : second) + " has no owner");
        }
        if (a.equals(b)) {
            throw new RotationException(Reason.SAME_PERSON, a.get() + " holds both days");
        }
        for (LocalDate d : List.of(first, second)) {
            if (overrides.lastHandOff(d).isPresent()) {
                throw new RotationException(Reason.HANDED_OFF, d + " was handed off; hand it off again instead");
            }
        }
        Swap swap = new Swap(first, second, by, clock.instant());
        store.update(s -> s.with(swap));
        return swap;
    }

    /**
     * {@code substitute} takes every day {@code absent} holds from {@code from} to {@code to} (inclusive), as
     * scheduled after swaps; days already handed off stay with whoever they were handed to.
     *
     * @throws RotationException when the replacement cannot be made
     */
    public synchronized Replacement replace(String absent, String substitute, LocalDate from, LocalDate to, String by) {
        requireText(by, "by");
        for (String id : List.of(absent, substitute)) {
            if (!RotationSettings.USER.matcher(id).matches()) {
                throw new RotationException(Reason.NOT_A_USER, "'" + id + "' is not a Slack user id");
            }
        }
        if (absent.equals(substitute)) {
            throw new RotationException(Reason.SAME_PERSON, "a member cannot replace themself");
        }
        if (to.isBefore(from)) {
            throw new RotationException(Reason.BAD_RANGE, "the replacement ends before it starts");
        }
        if (to.isBefore(today())) {
            throw new RotationException(Reason.PAST_DAY, "the replacement is over already");
        }
        Replacement r = new Replacement(absent, substitute, from, to, by, clock.instant());
        store.update(s -> s.with(r));
        return r;
    }

    /** Today in the rotation's zone. */
    public LocalDate today() {
        return dayOf(clock.instant());
    }

    /** Who holds {@code day} now, all changes applied. */
    public synchronized Optional<String> owner(LocalDate day) {
        return schedule.owner(day, store.state().overrides());
    }

    /** Today (if a working day) and the following working days, {@code count} in all, with their owners. */
    public synchronized List<Duty> upcoming(int count) {
        return schedule.upcoming(today(), count, store.state().overrides());
    }

    public synchronized Optional<CheckDay> day(LocalDate day) {
        return store.state().day(day);
    }

    public synchronized Overrides overrides() {
        return store.state().overrides();
    }

    public RotationSchedule schedule() {
        return schedule;
    }

    private LocalDate dayOf(Instant t) {
        return LocalDate.ofInstant(t, settings.zone());
    }

    private CheckDay dayOrNew(RotationState state, LocalDate day) {
        return state.day(day).orElseGet(() -> CheckDay.of(day, schedule.owner(day, state.overrides()).orElse("")));
    }

    private boolean lease(LocalDate day, Class<? extends DueAction> kind, Instant now) {
        Lease key = new Lease(day, kind);
        Instant until = leases.get(key);
        if (until != null && now.isBefore(until)) {
            return false;
        }
        leases.put(key, now.plus(LEASE));
        return true;
    }

    // The period the digest covers: since the previous prompt, capped, or the last day when there was none.
    private static TimeWindow period(RotationState state, LocalDate today, Instant now) {
        Instant from = state.lastPromptBefore(today).map(PromptRef::at).orElse(now.minus(DEFAULT_PERIOD));
        if (!from.isBefore(now)) {
            from = now.minus(DEFAULT_PERIOD);
        }
        if (Duration.between(from, now).compareTo(MAX_PERIOD) > 0) {
            from = now.minus(MAX_PERIOD);
        }
        return new TimeWindow(from, now);
    }

    private void prune(LocalDate today) {
        if (today.equals(prunedOn)) {
            return;
        }
        try {
            store.update(s -> s.prunedBefore(today.minusDays(RETENTION_DAYS)));
            prunedOn = today;
        } catch (RotationStateException e) {
            // Pruning can wait for the next tick; the day's prompt should not.
            log.warn("Could not prune the rotation state: {}", e.getMessage());
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }
}
