package dev.investigator.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers what was already handled (a slash command's or a click's trigger_id, an event's event_id), so
 * Slack's redeliveries — after a slow ack or a reconnect — never run or post twice. Bounded in size and age.
 */
public final class RecentDeliveries {

    private final Clock clock;
    private final Duration memory;
    private final int capacity;
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    public RecentDeliveries(Clock clock, Duration memory, int capacity) {
        this.clock = Objects.requireNonNull(clock);
        this.memory = Objects.requireNonNull(memory);
        this.capacity = capacity;
    }

    /** True the first time {@code key} is offered within the memory; false for a repeat. */
    public synchronized boolean firstTime(String key) {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> oldest = it.next();
            if (seen.size() < capacity && oldest.getValue().plus(memory).isAfter(now)) {
                break;
            }
            it.remove();
        }
        return seen.putIfAbsent(key, now) == null;
    }
}
