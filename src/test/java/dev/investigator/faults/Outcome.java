package dev.investigator.faults;

import dev.investigator.model.GapReason;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a source must make of a fault: evidence of some kind, or a gap with its reason and HTTP status; and how
 * many requests its main endpoint may receive for it (retries included).
 */
record Outcome(Optional<Found> found, Optional<GapReason> reason, OptionalInt status, int primaryRequests) {

    enum Found {
        HEALTHY,
        EMPTY,
        HUGE
    }

    /**
     * The outcome every vendor must give for {@code fault} when its source retries {@code maxRetries} times; the
     * requests of a failing query count once per query the source sends at once ({@link VendorFake#primaryQueries()}).
     */
    static Outcome of(Fault fault, VendorFake vendor, int maxRetries) {
        int queries = vendor.primaryQueries();
        int tries = queries * (1 + maxRetries);
        return switch (fault) {
            case NONE -> found(Found.HEALTHY, vendor.healthyPrimaryRequests());
            case SLOW -> gap(GapReason.TIMEOUT, OptionalInt.empty(), queries);
            case UNAUTHORIZED_401 -> gap(GapReason.AUTH_REJECTED, OptionalInt.of(401), queries);
            case FORBIDDEN_403 -> gap(GapReason.FORBIDDEN, OptionalInt.of(403), queries);
            case NOT_FOUND_404 -> gap(GapReason.NOT_FOUND, OptionalInt.of(404), queries);
            case RATE_LIMITED_ONCE_429 -> found(Found.HEALTHY, 1 + vendor.healthyPrimaryRequests());
            case RATE_LIMITED_429 -> gap(GapReason.RATE_LIMITED, OptionalInt.of(429), tries);
            // The vendor asked for more time than the deadline leaves: asking again would only be refused.
            case RATE_LIMITED_PAST_DEADLINE_429 -> gap(GapReason.RATE_LIMITED, OptionalInt.of(429), queries);
            case SERVER_ERROR_500 -> gap(GapReason.SERVER_ERROR, OptionalInt.of(500), tries);
            case UNAVAILABLE_503 -> gap(GapReason.SERVER_ERROR, OptionalInt.of(503), tries);
            case DROPPED_CONNECTION -> gap(GapReason.NETWORK, OptionalInt.empty(), tries);
            case DROPPED_MID_BODY -> vendor.detectsShortBody()
                    ? gap(GapReason.NETWORK, OptionalInt.empty(), tries)
                    // The client hands the parser a body that simply ends: it reads as cut-off JSON, not retried.
                    : gap(GapReason.MALFORMED_RESPONSE, OptionalInt.empty(), queries);
            // A body that cannot be read will not read better the second time.
            case TRUNCATED_JSON, WRONG_SHAPE -> gap(GapReason.MALFORMED_RESPONSE, OptionalInt.empty(), queries);
            case EMPTY -> found(Found.EMPTY, queries);
            case HUGE -> found(Found.HUGE, vendor.hugePrimaryRequests());
        };
    }

    private static Outcome found(Found kind, int requests) {
        return new Outcome(Optional.of(kind), Optional.empty(), OptionalInt.empty(), requests);
    }

    private static Outcome gap(GapReason reason, OptionalInt status, int requests) {
        return new Outcome(Optional.empty(), Optional.of(reason), status, requests);
    }
}
