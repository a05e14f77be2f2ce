package dev.investigator.bench;

import dev.investigator.model.Investigation;
import dev.investigator.slack.SlackObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Watches the Slack app from inside, through the same observer hook {@code run} feeds its metrics from (and passes
 * everything on to that observer): which investigations were posted and when, and how long the
 * {@code /investigate} handler took before it acked, and when each handler started.
 */
final class BenchObserver implements SlackObserver {

    /** An investigation whose thread has been fully posted, and when ({@link System#nanoTime()}). */
    record Posted(Investigation investigation, long atNanos) {
    }

    private final SlackObserver next;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Posted> posted = new ArrayList<>();
    private final List<Duration> handlerTimes = new ArrayList<>();
    private final List<Long> handlerStarts = new ArrayList<>();

    BenchObserver(SlackObserver next) {
        this.next = Objects.requireNonNull(next);
    }

    @Override
    public void commandReceived(String kind) {
        long now = System.nanoTime();
        next.commandReceived(kind);
        lock.lock();
        try {
            handlerStarts.add(now);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void acked(Duration latency) {
        next.acked(latency);
        lock.lock();
        try {
            handlerTimes.add(latency);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void slackCall(String method, String outcome) {
        next.slackCall(method, outcome);
    }

    // Called after the head was updated and every reply posted: the thread is complete.
    @Override
    public void investigationFinished(Investigation investigation) {
        long now = System.nanoTime();
        next.investigationFinished(investigation);
        lock.lock();
        try {
            posted.add(new Posted(investigation, now));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int postedCount() {
        lock.lock();
        try {
            return posted.size();
        } finally {
            lock.unlock();
        }
    }

    int handlerTimeCount() {
        lock.lock();
        try {
            return handlerTimes.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code from + count} investigations have been posted, or {@code timeout}; returns those posted
     * since index {@code from}, however many that is (a benchmark reports a shortfall, it does not fail on it).
     */
    List<Posted> awaitPosted(int from, int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (posted.size() < from + count && left > 0) {
                left = changed.awaitNanos(left);
            }
            return List.copyOf(posted.subList(Math.min(from, posted.size()), Math.min(posted.size(), from + count)));
        } finally {
            lock.unlock();
        }
    }

    int handlerStartCount() {
        lock.lock();
        try {
            return handlerStarts.size();
        } finally {
            lock.unlock();
        }
    }

    /** When handlers started ({@link System#nanoTime()}), since index {@code from}. */
    List<Long> handlerStartsSince(int from) {
        lock.lock();
        try {
            return List.copyOf(handlerStarts.subList(Math.min(from, handlerStarts.size()), handlerStarts.size()));
        } finally {
            lock.unlock();
        }
    }

    /** Handler times recorded since index {@code from}. */
    List<Duration> handlerTimesSince(int from) {
        lock.lock();
        try {
            return List.copyOf(handlerTimes.subList(Math.min(from, handlerTimes.size()), handlerTimes.size()));
        } finally {
            lock.unlock();
        }
    }
}
