package dev.investigator.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers firing alerts so that a recovery can find the thread of its investigation: by vendor and alert key
 * first, else the most recent firing alert of the same vendor and service. A match is consumed (a second
 * "Recovered" for it finds nothing). Bounded by size and age; the oldest entries go first.
 *
 * <p>Thread-safe (every method is synchronized).
 *
 * @param <R> the caller's reference to the thread holding the investigation
 */
public final class AlertLedger<R> {

    private final Clock clock;
    private final int maxEntries;
    private final Duration maxAge;
    private final LinkedHashMap<String, Entry<R>> entries = new LinkedHashMap<>();

    public AlertLedger(Clock clock, int maxEntries, Duration maxAge) {
        this.clock = Objects.requireNonNull(clock);
        if (maxEntries < 1 || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxEntries and maxAge must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
    }

    /** The usual bounds: 10 000 alerts, two days. */
    public static <R> AlertLedger<R> standard(Clock clock) {
        return new AlertLedger<>(clock, 10_000, Duration.ofHours(48));
    }

    /**
     * A recovery matched with its firing alert.
     *
     * @param firing   the firing alert as it was recorded
     * @param leadRef  the thread holding the investigation (the storm lead's, for an alert that followed one)
     * @param duration from the firing alert's time to the recovery's, never negative
     */
    public record RecoveryMatch<R>(Alert firing, String service, R leadRef, Duration duration) {
    }

    private record Entry<R>(Alert alert, String service, R leadRef, Instant recordedAt) {
    }

    /** Records a firing alert for {@code service} whose investigation is in {@code leadRef}'s thread. */
    public synchronized void firing(Alert alert, String service, R leadRef) {
        String id = id(alert.vendor(), alert.key(), service);
        entries.remove(id);
        entries.put(id, new Entry<>(alert, service, leadRef, clock.instant()));
        prune();
    }

    /**
     * The firing alert this recovery ends: same vendor and key (and service, when given), else the most recent of
     * the same vendor and service.
     */
    public synchronized Optional<RecoveryMatch<R>> recover(Alert recovery, Optional<String> service) {
        prune();
        String byKey = null;
        String byService = null;
        for (Map.Entry<String, Entry<R>> e : entries.entrySet()) {
            Entry<R> entry = e.getValue();
            if (entry.alert().vendor() != recovery.vendor()) {
                continue;
            }
            boolean sameService = service.map(entry.service()::equals).orElse(true);
            if (entry.alert().key().equals(recovery.key()) && sameService) {
                byKey = e.getKey();
            } else if (service.isPresent() && sameService) {
                byService = e.getKey();
            }
        }
        String id = byKey != null ? byKey : byService;
        if (id == null) {
            return Optional.empty();
        }
        Entry<R> entry = entries.remove(id);
        Duration took = Duration.between(entry.alert().firedAt(), recovery.firedAt());
        return Optional.of(new RecoveryMatch<>(entry.alert(), entry.service(), entry.leadRef(), took.isNegative() ? Duration.ZERO : took));
    }

    public synchronized int size() {
        prune();
        return entries.size();
    }

    private void prune() {
        Instant horizon = clock.instant().minus(maxAge);
        for (Iterator<Entry<R>> it = entries.values().iterator(); it.hasNext(); ) {
            Entry<R> e = it.next();
            if (entries.size() > maxEntries || e.recordedAt().isBefore(horizon)) {
                it.remove();
            } else {
                break;
            }
        }
    }

    private static String id(AlertVendor vendor, String key, String service) {
        return vendor + "\u0000" + key + "\u0000" + service;
    }
}
