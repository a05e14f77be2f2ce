package dev.investigator.sandbox;

/** The typical values of a service's standard metrics while a scenario phase lasts. */
record Levels(double requestsPerMinute, double errorPercent, double p95Ms, double p99Ms, double cpuPercent,
              double dbConnections) {

    /** Linear blend, for a metric bucket that straddles the onset ({@code w} = the part after it). */
    Levels blend(Levels after, double w) {
        return new Levels(
                lerp(requestsPerMinute, after.requestsPerMinute, w),
                lerp(errorPercent, after.errorPercent, w),
                lerp(p95Ms, after.p95Ms, w),
                lerp(p99Ms, after.p99Ms, w),
                lerp(cpuPercent, after.cpuPercent, w),
                lerp(dbConnections, after.dbConnections, w));
    }

    private static double lerp(double a, double b, double w) {
        return a + (b - a) * w;
    }
}
