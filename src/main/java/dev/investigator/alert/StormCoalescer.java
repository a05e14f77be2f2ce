package dev.investigator.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes a storm of alerts for one service cost one investigation. The first alert leads a storm; any alert whose
 * time lies within {@code window} of that lead's time follows it (the nearest storm, if two are in reach). The
 * window is fixed from the lead, not sliding, so an endless storm still gets a fresh investigation every window.
 * Memory is bounded: storms whose lead is older than the window plus an hour are dropped, and at most
 * {@code maxStorms} are kept.
 *
 * <p>Thread-safe (every method is synchronized; all are short).
 *
 * @param <R> the caller's reference to the lead's thread
 */
public final class StormCoalescer<R> {

    private static final Duration RETENTION = Duration.ofHours(1);

    private final Clock clock;
    private final Duration window;
    private final int maxStorms;
    private final Map<String, Deque<Storm<R>>> byService = new HashMap<>();
    private int size;

    public StormCoalescer(Clock clock, Duration window, int maxStorms) {
        this.clock = Objects.requireNonNull(clock);
        if (window.isNegative() || window.isZero() || maxStorms < 1) {
            throw new IllegalArgumentException("window must be positive and maxStorms at least 1");
        }
        this.window = window;
        this.maxStorms = maxStorms;
    }

    /** What an alert became: the lead of a new storm, or a follower of an existing one. */
    public sealed interface Admission<R> permits Lead, Follow {
        String stormId();
    }

    public record Lead<R>(String stormId) implements Admission<R> {
    }

    /** @param alerts how many alerts the storm has had, this one included */
    public record Follow<R>(String stormId, R leadRef, Instant leadAt, int alerts) implements Admission<R> {
    }

    private static final class Storm<R> {
        final String id;
        final Instant leadAt;
        final R leadRef;
        int alerts = 1;

        Storm(String id, Instant leadAt, R leadRef) {
            this.id = id;
            this.leadAt = leadAt;
            this.leadRef = leadRef;
        }
    }

    /** Joins the storm in reach of {@code firedAt}, or starts one led by {@code leadRef}. */
    public synchronized Admission<R> admit(String service, Instant firedAt, R leadRef) {
        Optional<Follow<R>> follow = join(service, firedAt);
        if (follow.isPresent()) {
            return follow.get();
        }
        expire();
        Storm<R> storm = new Storm<>(service + "@" + firedAt.getEpochSecond(), firedAt, leadRef);
        byService.computeIfAbsent(service, s -> new ArrayDeque<>()).addLast(storm);
        size++;
        while (size > maxStorms) {
            evictOldest();
        }
        return new Lead<>(storm.id);
    }

    /** Joins the storm in reach of {@code firedAt} if there is one; never starts one. */
    public synchronized Optional<Follow<R>> join(String service, Instant firedAt) {
        Deque<Storm<R>> storms = byService.get(service);
        if (storms == null) {
            return Optional.empty();
        }
        Storm<R> nearest = null;
        Duration best = null;
        for (Storm<R> s : storms) {
            Duration distance = Duration.between(s.leadAt, firedAt).abs();
            if (distance.compareTo(window) < 0 && (best == null || distance.compareTo(best) < 0)) {
                nearest = s;
                best = distance;
            }
        }
        if (nearest == null) {
            return Optional.empty();
        }
        nearest.alerts++;
        return Optional.of(new Follow<>(nearest.id, nearest.leadRef, nearest.leadAt, nearest.alerts));
    }

    /** Storms held, for tests and metrics. */
    public synchronized int size() {
        return size;
    }

    private void expire() {
        Instant horizon = clock.instant().minus(window).minus(RETENTION);
        for (Iterator<Deque<Storm<R>>> it = byService.values().iterator(); it.hasNext(); ) {
            Deque<Storm<R>> storms = it.next();
            size -= storms.size();
            storms.removeIf(s -> s.leadAt.isBefore(horizon));
            size += storms.size();
            if (storms.isEmpty()) {
                it.remove();
            }
        }
    }

    private void evictOldest() {
        Deque<Storm<R>> oldestDeque = null;
        Storm<R> oldest = null;
        for (Deque<Storm<R>> storms : byService.values()) {
            for (Storm<R> s : storms) {
                if (oldest == null || s.leadAt.isBefore(oldest.leadAt)) {
                    oldest = s;
                    oldestDeque = storms;
                }
            }
        }
        if (oldestDeque != null) {
            oldestDeque.remove(oldest);
            size--;
            byService.values().removeIf(Deque::isEmpty);
        }
    }
}
