package dev.investigator.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * One simulated traced request: the root service's segment and the downstream calls it made. Everything the
 * X-Ray fakes answer (summaries, the service graph, full traces) is derived from these.
 *
 * @param ownException the exception thrown in the root service itself, or null
 * @param slowCoverage for a slow request whose time was spent in the service itself, the share of the response
 *                     time it explains (the ResponseTimeRootCause coverage), else 0
 */
record SimTrace(String id, String service, String rootSegmentId, Instant start, String method, String url,
                int status, double responseTime, boolean fault, boolean error, boolean throttle, String clientIp,
                String userAgent, List<Call> calls, Failure ownException, double slowCoverage) {

    static final String SERVICE_TYPE = "AWS::ECS::Container";
    static final String ACCOUNT = "123456789012";

    SimTrace {
        calls = List.copyOf(calls);
    }

    Instant end() {
        return start.plusMillis(Math.round(responseTime * 1000));
    }

    /** An exception as X-Ray reports it. */
    record Failure(String name, String message) {
    }

    /**
     * A downstream call (a subsegment of the root segment). {@code status} 0 means no HTTP response (timeout).
     *
     * @param namespace "remote" or "aws"
     */
    record Call(String subsegmentId, String segmentId, String target, String targetType, String namespace,
                String method, String url, String operation, double offset, double duration, int status,
                boolean fault, boolean error, boolean throttle, Failure exception) {

        boolean instrumented() {
            return SERVICE_TYPE.equals(targetType);
        }
    }
}
