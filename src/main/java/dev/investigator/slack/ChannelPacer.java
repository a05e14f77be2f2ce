package dev.investigator.slack;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack lets an app post about one message per second into one channel. Posts wait their turn here, per channel,
 * so an alert storm's replies flow at that pace instead of drawing 429s (which would also delay the replies of
 * other investigations in the same channel).
 */
public final class ChannelPacer {

    /** Slack's documented chat.postMessage pace for one channel. */
    public static final Duration SLACK_PER_CHANNEL = Duration.ofSeconds(1);

    private final Duration interval;
    private final Map<String, RateLimiter<Object>> limiters = new ConcurrentHashMap<>();

    /** @param interval the least time between two posts into one channel; zero turns pacing off */
    public ChannelPacer(Duration interval) {
        this.interval = Objects.requireNonNull(interval);
    }

    public static ChannelPacer slack() {
        return new ChannelPacer(SLACK_PER_CHANNEL);
    }

    /** Blocks until this channel may take another post. */
    public void awaitTurn(String channel) throws InterruptedException {
        if (interval.isZero()) {
            return;
        }
        limiters.computeIfAbsent(channel, c -> RateLimiter.smoothBuilder(interval).build()).acquirePermit();
    }

    public Duration interval() {
        return interval;
    }
}
