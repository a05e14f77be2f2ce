package dev.investigator.source.sentry;

import dev.investigator.model.ErrorIssue;
import dev.investigator.model.GapReason;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.SourceFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Sentry issues into neutral {@link ErrorIssue}s for one window: flags them NEW / REGRESSED / SPIKING and
 * orders them the way an on-call engineer reads them.
 *
 * <p>SPIKING compares the window's event rate with the rate in the hourly {@code stats["24h"]} buckets that lie
 * wholly before the window; a bucket that overlaps the window would count the spike in its own baseline.
 */
final class SentryTranslator {

    static final Duration BUCKET = Duration.ofHours(1);
    static final double SPIKE_RATIO = 5.0;
    static final long SPIKE_MIN_EVENTS = 10;

    private static final Comparator<ErrorIssue> READING_ORDER = Comparator
            .comparingInt(SentryTranslator::rank)
            .thenComparing(Comparator.comparingLong(ErrorIssue::eventsInWindow).reversed())
            .thenComparing(ErrorIssue::id);

    /** Translates and sorts: NEW, then REGRESSED, then SPIKING, then by events in the window (most first). */
    List<ErrorIssue> translate(List<IssueDto> issues, TimeWindow window) {
        List<ErrorIssue> result = new ArrayList<>(issues.size());
        for (IssueDto issue : issues) {
            result.add(translate(issue, window));
        }
        result.sort(READING_ORDER);
        return List.copyOf(result);
    }

    ErrorIssue translate(IssueDto issue, TimeWindow window) {
        if (issue.id() == null || issue.id().isBlank()) {
            throw malformed("Sentry issue without an id");
        }
        String id = issue.id();
        String label = id.length() <= 40 ? id : id.substring(0, 40) + "…";
        Instant firstSeen = instant(issue.firstSeen(), label, "firstSeen");
        Instant lastSeen = instant(issue.lastSeen(), label, "lastSeen");
        long inWindow = count(issue.count(), label);
        PreWindow before = preWindow(issue.stats(), window, label);

        Set<IssueFlag> flags = EnumSet.noneOf(IssueFlag.class);
        if (window.contains(firstSeen)) {
            flags.add(IssueFlag.NEW);
        }
        if ("regressed".equals(issue.substatus())) {
            flags.add(IssueFlag.REGRESSED);
        }
        if ("escalating".equals(issue.substatus()) || spiking(inWindow, before, window)) {
            flags.add(IssueFlag.SPIKING);
        }

        String title = issue.title() != null && !issue.title().isBlank() ? issue.title()
                : issue.metadata() == null ? null : issue.metadata().title();
        return new ErrorIssue(
                id,
                issue.shortId(),
                title,
                issue.culprit(),
                issue.level(),
                issue.project() == null ? null : issue.project().slug(),
                firstSeen,
                lastSeen,
                inWindow,
                before.scaledTo(window.length()),
                issue.userCount() == null ? 0 : issue.userCount(),
                flags,
                issue.firstRelease() == null ? null : issue.firstRelease().version(),
                issue.permalink());
    }

    /** Events and buckets wholly before the window; {@code buckets == 0} means the rate is unknown. */
    record PreWindow(long events, int buckets) {

        /** The pre-window rate over a period as long as the window, rounded; -1 when unknown. */
        long scaledTo(Duration length) {
            if (buckets == 0) {
                return -1;
            }
            return Math.round((double) events * length.toMillis() / ((double) buckets * BUCKET.toMillis()));
        }
    }

    static PreWindow preWindow(Map<String, List<List<Long>>> stats, TimeWindow window, String id) {
        List<List<Long>> buckets = stats == null ? null : stats.get(SentryApi.STATS_PERIOD);
        if (buckets == null) {
            return new PreWindow(0, 0);
        }
        long events = 0;
        int count = 0;
        long windowStart = window.from().getEpochSecond();
        for (List<Long> bucket : buckets) {
            if (bucket == null || bucket.size() < 2 || bucket.get(0) == null || bucket.get(1) == null) {
                throw malformed("Sentry issue " + id + ": stats bucket is not [epoch_s, n]");
            }
            if (bucket.get(0) + BUCKET.toSeconds() <= windowStart) {
                events += bucket.get(1);
                count++;
            }
        }
        return new PreWindow(events, count);
    }

    /** Window rate ≥ 5× the pre-window rate, with enough events that the ratio means something. */
    private static boolean spiking(long inWindow, PreWindow before, TimeWindow window) {
        if (before.buckets() == 0 || inWindow < SPIKE_MIN_EVENTS) {
            return false;
        }
        // inWindow / windowLength >= 5 * events / (buckets * bucketLength), cross-multiplied: doubles hold these
        // integer products exactly, so "exactly 5x" is not lost to rounding.
        double windowSide = (double) inWindow * before.buckets() * BUCKET.toMillis();
        double beforeSide = SPIKE_RATIO * before.events() * window.length().toMillis();
        return windowSide >= beforeSide;
    }

    private static int rank(ErrorIssue issue) {
        if (issue.has(IssueFlag.NEW)) {
            return 0;
        }
        if (issue.has(IssueFlag.REGRESSED)) {
            return 1;
        }
        return issue.has(IssueFlag.SPIKING) ? 2 : 3;
    }

    private static Instant instant(String text, String id, String field) {
        if (text == null || text.isBlank()) {
            throw malformed("Sentry issue " + id + ": " + field + " is missing");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw malformed("Sentry issue " + id + ": " + field + " is not an ISO-8601 time");
        }
    }

    private static long count(String text, String id) {
        if (text == null || text.isBlank()) {
            throw malformed("Sentry issue " + id + ": count is missing");
        }
        try {
            long count = Long.parseLong(text.trim());
            if (count < 0) {
                throw malformed("Sentry issue " + id + ": count is negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw malformed("Sentry issue " + id + ": count is not a number");
        }
    }

    private static SourceFailure malformed(String message) {
        return SourceFailure.of(GapReason.MALFORMED_RESPONSE, message);
    }
}
