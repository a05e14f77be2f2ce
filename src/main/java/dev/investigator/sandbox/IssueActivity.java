package dev.investigator.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How many events a scripted issue receives in each minute: its rate before or after the onset, with seeded
 * noise, nothing before its first-seen minute and at least one event in that minute.
 */
final class IssueActivity {

    /** Scanning further back than this for a last-seen time is pointless for the scripted rates. */
    private static final long LAST_SEEN_SCAN_MINUTES = 7 * 24 * 60;

    private final String project;
    private final IssueScript issue;
    private final Instant onset;
    private final Instant firstSeen;

    IssueActivity(String project, IssueScript issue, Instant onset) {
        this.project = project;
        this.issue = issue;
        this.onset = onset;
        this.firstSeen = onset.plus(issue.firstSeenFromOnset());
    }

    Instant firstSeen() {
        return firstSeen;
    }

    long eventsInMinute(long epochMinute) {
        long firstMinute = Math.floorDiv(firstSeen.getEpochSecond(), 60);
        if (epochMinute < firstMinute) {
            return 0;
        }
        double rate = epochMinute * 60 >= onset.getEpochSecond() ? issue.perMinuteAfter() : issue.perMinuteBefore();
        String topic = "issue:" + issue.number();
        double g = Noise.gaussian(Noise.seed(project, topic, epochMinute));
        double u = Noise.uniform(Noise.seed(project, topic + ":u", epochMinute));
        long n = (long) Math.floor(Math.max(0, rate * (1 + 0.25 * g)) + u);
        return epochMinute == firstMinute ? Math.max(1, n) : n;
    }

    /** Events in the minutes that start inside [from, to) and have finished by {@code now}. */
    long events(Instant from, Instant to, Instant now) {
        long first = Math.floorDiv(from.getEpochSecond() + 59, 60);
        long total = 0;
        for (long m = first; m * 60 < to.getEpochSecond() && (m + 1) * 60 <= now.getEpochSecond(); m++) {
            total += eventsInMinute(m);
        }
        return total;
    }

    long users(long events) {
        return events == 0 ? 0 : Math.max(1, Math.round(events * issue.usersPerEvent()));
    }

    /** An estimate of all events since first seen (the {@code lifetime} block), no less than {@code atLeast}. */
    long lifetimeEvents(Instant now, long atLeast) {
        long beforeMinutes = Math.max(0, Duration.between(firstSeen, min(onset, now)).toMinutes());
        long afterMinutes = Math.max(0, Duration.between(max(onset, firstSeen), now).toMinutes());
        long estimate = Math.round(beforeMinutes * issue.perMinuteBefore() + afterMinutes * issue.perMinuteAfter());
        return Math.max(estimate, atLeast);
    }

    /** The last event's time: in the newest finished minute that had events, at most a week back. */
    Instant lastSeen(Instant now) {
        long lastFinished = Math.floorDiv(now.getEpochSecond(), 60) - 1;
        for (long m = lastFinished; m >= lastFinished - LAST_SEEN_SCAN_MINUTES; m--) {
            if (eventsInMinute(m) > 0) {
                long second = (long) (Noise.uniform(Noise.seed(project, "last:" + issue.number(), m)) * 60);
                Instant t = Instant.ofEpochSecond(m * 60 + second);
                return t.isBefore(firstSeen) ? firstSeen : t;
            }
            if (m * 60 < firstSeen.getEpochSecond()) {
                break;
            }
        }
        return firstSeen;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
