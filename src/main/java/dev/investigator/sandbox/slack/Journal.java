package dev.investigator.sandbox.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * An append-only, thread-safe record that a test (or the benchmark) can wait on. The servers' threads append; the
 * waiting thread blocks on a condition (never a sleep) until enough matching entries are there, or fails naming
 * what it saw.
 */
final class Journal<T> {

    private static final int SEEN_IN_FAILURE = 20;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<T> entries = new ArrayList<>();

    void add(T entry) {
        lock.lock();
        try {
            entries.add(entry);
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<T> all() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    List<T> matching(Predicate<? super T> match) {
        return all().stream().filter(match).toList();
    }

    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /** The first entry that matches, waiting for it up to {@code timeout}. */
    T awaitFirst(Predicate<? super T> match, Duration timeout, String what) {
        return awaitCount(match, 1, timeout, what).get(0);
    }

    /** The first {@code count} matching entries, waiting for them up to {@code timeout}. */
    List<T> awaitCount(Predicate<? super T> match, int count, Duration timeout, String what) {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<T> found = entries.stream().filter(match).limit(count).toList();
                if (found.size() >= count) {
                    return found;
                }
                if (left <= 0) {
                    throw new AssertionError("Timed out after " + timeout + " waiting for " + what
                            + " (wanted " + count + ", found " + found.size() + "); saw " + describeSeen());
                }
                left = appended.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting for " + what, e);
        } finally {
            lock.unlock();
        }
    }

    private String describeSeen() {
        if (entries.isEmpty()) {
            return "nothing";
        }
        int from = Math.max(0, entries.size() - SEEN_IN_FAILURE);
        String prefix = from > 0 ? "(last " + SEEN_IN_FAILURE + " of " + entries.size() + ") " : "";
        return prefix + entries.subList(from, entries.size());
    }
}
