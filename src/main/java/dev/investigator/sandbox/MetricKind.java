package dev.investigator.sandbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which standard metric a Datadog metric query asks for, recognised by the metric name in the query. */
enum MetricKind {
    REQUESTS, ERRORS, P95, P99, CPU, DB_CONNECTIONS, OTHER;

    private static final Pattern SERVICE_TAG = Pattern.compile("[{,]\\s*service:([A-Za-z0-9_.\\-/]+)");

    static MetricKind of(String query) {
        String q = query.trim();
        if (q.startsWith("p95:trace.http.request")) {
            return P95;
        }
        if (q.startsWith("p99:trace.http.request")) {
            return P99;
        }
        if (q.contains("trace.http.request.hits")) {
            return REQUESTS;
        }
        if (q.contains("trace.http.request.errors")) {
            return ERRORS;
        }
        if (q.contains("ecs.fargate.cpu.percent")) {
            return CPU;
        }
        if (q.contains("aws.rds.database_connections")) {
            return DB_CONNECTIONS;
        }
        return OTHER;
    }

    /** The value of the {@code service:<name>} tag in the query's scope, if any. */
    static Optional<String> serviceOf(String query) {
        Matcher m = SERVICE_TAG.matcher(query);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
