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
 */
final class Scenarios {

    static final Duration ONSET_BEFORE_NOW = Duration.ofMinutes(12);

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
