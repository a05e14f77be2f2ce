package dev.investigator.source.datadog;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.GapReason;
import dev.investigator.source.SourceFailure;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the official client's blocking calls on a small pool a source owns, and waits for each no longer than
 * the request timeout or the deadline: the client's own read timeout does not bound a slow, trickling body.
 * Every call handed to {@link #send} is counted once on the caller's counter, and its failure is classified.
 */
final class DatadogRequests implements AutoCloseable {

    static final int MAX_CONCURRENT_REQUESTS = 16;
    /**
     * Requests waiting for one of those: when Datadog is slow (or many investigations run at once) they queue, and
     * each caller still gives up at its own deadline, as a TIMEOUT — a busy vendor is not a bug of ours.
     */
    private static final int MAX_QUEUED_REQUESTS = 512;

    private final Duration requestTimeout;
    private final DatadogFailures failures;
    private final ExecutorService pool;

    DatadogRequests(Duration requestTimeout, DatadogFailures failures, String threadName) {
        this.requestTimeout = requestTimeout;
        this.failures = failures;
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(MAX_CONCURRENT_REQUESTS, MAX_CONCURRENT_REQUESTS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(MAX_QUEUED_REQUESTS), task -> {
                    Thread thread = new Thread(task, threadName + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    /** Sends one request on the pool and waits for it no longer than the request timeout or the deadline. */
    <T> T send(AtomicInteger calls, Deadline deadline, Callable<T> call) {
        Duration budget = budget(deadline);
        if (budget.isZero()) {
            throw SourceFailure.of(GapReason.TIMEOUT, "the deadline passed before Datadog could be asked");
        }
        Future<T> pending;
        try {
            // Counted when it leaves the queue: a request given up while queued was never sent.
            pending = pool.submit(() -> {
                calls.incrementAndGet();
                return call.call();
            });
        } catch (RejectedExecutionException busy) {
            throw SourceFailure.of(GapReason.INTERNAL, "too many Datadog requests in flight");
        }
        try {
            return pending.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            pending.cancel(true);
            throw SourceFailure.of(GapReason.TIMEOUT, "Datadog did not answer within " + budget.toMillis() + " ms");
        } catch (ExecutionException failed) {
            throw failures.classify(failed.getCause());
        } catch (InterruptedException interrupted) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw SourceFailure.of(GapReason.TIMEOUT, "interrupted while waiting for Datadog");
        }
    }

    /**
     * Starts a side task (one that may send its own requests) on the same pool.
     *
     * @throws RejectedExecutionException when the pool is full; the caller decides whether that matters
     */
    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** What is left for one request: the request timeout, or less when the deadline is nearer. */
    Duration budget(Deadline deadline) {
        Duration remaining = deadline.remaining();
        return requestTimeout.compareTo(remaining) <= 0 ? requestTimeout : remaining;
    }

    SourceFailure classify(Throwable thrown) {
        return failures.classify(thrown);
    }

    /** Abandons in-flight requests and stops the pool. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
