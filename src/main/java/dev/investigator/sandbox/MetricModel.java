package dev.investigator.sandbox;

import java.time.Instant;

/**
 * The value of one standard metric of one service for one time bucket: the scenario's level for that moment
 * (blended by the share of the bucket the incidents ran, see {@link Scenarios#incidentShare}),
 * a mild daily rhythm (so baselines a day or a week earlier line up) and seeded noise. Counts are per bucket.
 * Buckets that have not finished yet, and about one in a hundred others, have no value (JSON null).
 */
final class MetricModel {

    private static final long DAY_MS = 86_400_000L;
    private static final double MISSING_POINT_RATE = 0.01;

    private final Scenarios scenarios;

    MetricModel(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    /**
     * @param service     the service named by the query's {@code service:} tag
     * @param bucketStart epoch ms of the bucket's start
     * @param interval    bucket length in ms
     * @param onset       the incident onset for this request
     * @param now         the current instant for this request
     * @return the value, or null for a missing or incomplete point
     */
    Double value(MetricKind kind, String service, long bucketStart, long interval, Instant onset, Instant now) {
        if (bucketStart + interval > now.toEpochMilli()) {
            return null; // still being collected
        }
        String topic = kind.name();
        if (Noise.uniform(Noise.seed(service, topic + ":gap", bucketStart)) < MISSING_POINT_RATE) {
            return null;
        }
        ServiceProfile profile = scenarios.profile(service);
        Levels l = profile.before().blend(profile.after(), Scenarios.incidentShare(bucketStart, interval, onset));
        double daily = 1 + 0.2 * Math.sin(2 * Math.PI * Math.floorMod(bucketStart, DAY_MS) / DAY_MS);
        double g = Noise.gaussian(Noise.seed(service, topic, bucketStart * 31 + interval));
        double u = Noise.uniform(Noise.seed(service, topic + ":round", bucketStart * 31 + interval));
        double minutes = interval / 60_000.0;
        return switch (kind) {
            case REQUESTS -> Math.floor(l.requestsPerMinute() * daily * minutes * (1 + 0.03 * g) + u);
            case ERRORS -> Math.floor(Math.max(0, l.requestsPerMinute() * daily * minutes
                    * l.errorPercent() / 100 * (1 + 0.15 * g)) + u);
            case P95 -> round2(l.p95Ms() * (1 + 0.04 * g));
            case P99 -> round2(l.p99Ms() * (1 + 0.06 * g));
            case CPU -> round2(Math.min(100, l.cpuPercent() * Math.sqrt(daily) * (1 + 0.05 * g)));
            case DB_CONNECTIONS -> (double) Math.round(l.dbConnections() * (1 + 0.05 * g));
            case OTHER -> round2(50 * (1 + 0.05 * g));
        };
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
