package dev.investigator.sandbox.slack;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Failures a test arms for the next calls of one Web API method; each is used up by the call it hits. */
final class Faults {

    private record RateLimit(int remaining, int retryAfterSeconds) {
    }

    private final Map<String, RateLimit> rateLimits = new HashMap<>();
    private final Map<String, Deque<String>> errors = new HashMap<>();

    synchronized void rateLimit(String method, int times, int retryAfterSeconds) {
        if (times < 1 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("times must be >= 1 and retryAfterSeconds >= 0");
        }
        rateLimits.put(method, new RateLimit(times, retryAfterSeconds));
    }

    synchronized void failNext(String method, String error) {
        // Slack's error codes are snake_case words; anything else would be a typo in the test.
        if (error == null || !error.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("a Slack error code looks like not_in_channel, got: " + error);
        }
        errors.computeIfAbsent(method, m -> new ArrayDeque<>()).add(error);
    }

    /** The fault for this call of {@code method}, if one is armed; rate limits come before errors. */
    synchronized Optional<Reply> take(String method) {
        RateLimit limit = rateLimits.get(method);
        if (limit != null) {
            if (limit.remaining() <= 1) {
                rateLimits.remove(method);
            } else {
                rateLimits.put(method, new RateLimit(limit.remaining() - 1, limit.retryAfterSeconds()));
            }
            return Optional.of(Reply.rateLimited(limit.retryAfterSeconds()));
        }
        Deque<String> queued = errors.get(method);
        if (queued != null && !queued.isEmpty()) {
            return Optional.of(Reply.error(queued.poll()));
        }
        return Optional.empty();
    }
}
