package dev.investigator.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The scripted scenarios. The onset is always "now", truncated to the minute, minus twelve minutes: a
 * 30-minute window ending now shows healthy-before and incident-after, and baselines a day or a week earlier
 * are healthy. Unknown services are healthy with default shapes, so catalog additions still work.
 *
 * <p>For the daily check the same incidents also ran overnight, from 12 hours to 2 hours before the onset (a
 * crawler on catalog, a slow index on search, payment-gateway trouble on checkout): a digest over the last 24
 * hours sees them far from last week and the 7-day median, while an investigation's window of up to two hours,
 * and its baselines a day and a week earlier, stay as they were. Metrics and traces follow the episode; Sentry
 * issues do not (checkout's issue is still first seen just after the onset).
 */
final class Scenarios {

    static final Duration ONSET_BEFORE_NOW = Duration.ofMinutes(12);
    /** The overnight episode: [onset - 12h, onset - 2h). */
    static final Duration EPISODE_START_BEFORE_ONSET = Duration.ofHours(12);
    static final Duration EPISODE_END_BEFORE_ONSET = Duration.ofHours(2);

    private static final List<ServiceProfile> KNOWN = List.of(
            new ServiceProfile("checkout", Incident.ERROR_SPIKE,
                    new Levels(1200, 0.3, 180, 320, 35, 40),
                    new Levels(1200, 7.0, 360, 700, 39, 42)),
            new ServiceProfile("search", Incident.LATENCY_REGRESSION,
                    new Levels(3000, 0.1, 120, 210, 40, 25),
                    new Levels(3000, 0.1, 420, 800, 47, 25)),
            new ServiceProfile("catalog", Incident.TRAFFIC_SURGE,
                    new Levels(2000, 0.2, 90, 160, 30, 30),
                    new Levels(8000, 1.5, 145, 290, 75, 46)),
            healthy("payment", new Levels(800, 0.2, 150, 260, 25, 35)),
            healthy("inventory", new Levels(900, 0.1, 60, 110, 20, 20)));

    private static final Map<String, ServiceProfile> BY_NAME =
            KNOWN.stream().collect(Collectors.toUnmodifiableMap(ServiceProfile::name, Function.identity()));

    private static final Levels DEFAULT_LEVELS = new Levels(500, 0.2, 100, 180, 25, 20);

    private final Clock clock;

    Scenarios(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    Instant onset() {
        return onsetAt(clock.instant());
    }

    /** The onset as it was (or will be) seen at {@code now}. */
    static Instant onsetAt(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES).minus(ONSET_BEFORE_NOW);
    }

    /** True while the scripted incidents run: from the onset on, and during the overnight episode. */
    static boolean incidentAt(Instant t, Instant onset) {
        return !t.isBefore(onset)
                || (!t.isBefore(onset.minus(EPISODE_START_BEFORE_ONSET)) && t.isBefore(onset.minus(EPISODE_END_BEFORE_ONSET)));
    }

    /** The share of the bucket [start, start + interval) (epoch ms) during which the incidents run, 0..1. */
    static double incidentShare(long start, long interval, Instant onset) {
        long end = start + interval;
        long episodeFrom = onset.minus(EPISODE_START_BEFORE_ONSET).toEpochMilli();
        long episodeTo = onset.minus(EPISODE_END_BEFORE_ONSET).toEpochMilli();
        long during = overlap(start, end, episodeFrom, episodeTo) + overlap(start, end, onset.toEpochMilli(), Long.MAX_VALUE);
        return Math.max(0, Math.min(1, during / (double) interval));
    }

    private static long overlap(long from, long to, long otherFrom, long otherTo) {
        return Math.max(0, Math.min(to, otherTo) - Math.max(from, otherFrom));
    }

    /** The scripted services, in a stable order. */
    List<ServiceProfile> known() {
        return KNOWN;
    }

    boolean isKnown(String service) {
        return BY_NAME.containsKey(service);
    }

    ServiceProfile profile(String service) {
        ServiceProfile known = BY_NAME.get(service);
        return known != null ? known : healthy(service, DEFAULT_LEVELS);
    }

    private static ServiceProfile healthy(String name, Levels levels) {
        return new ServiceProfile(name, Incident.HEALTHY, levels, levels);
    }
}
