package dev.investigator.slack;

import com.slack.api.socket_mode.queue.SocketModeMessageQueue;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode client's inbound "queue", made a hand-off: each message the WebSocket delivers goes straight to
 * an executor that runs the client's own {@code processMessage} (which passes envelopes on to Bolt's pool).
 *
 * <p>Why: the SDK's default queue is drained by ten tasks that each take one message every 10 ms on a single
 * thread, so a lone ack waited about 9 ms and a burst of 50 many ticks (BENCHMARKS.md, "Ack latency p99 above
 * 50 ms"). The SDK's pollers keep running; {@link #poll()} hands them only what was left in the queue this one
 * replaced — messages that arrived before the swap, or from a reader thread that fetched the old queue just before
 * — so nothing is lost and, once that is empty, they find nothing.
 */
final class DirectMessageQueue implements SocketModeMessageQueue {

    /** What the SDK does with one message: {@code SocketModeClient::processMessage}. */
    @FunctionalInterface
    interface Processor {
        void process(String message) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(DirectMessageQueue.class);

    private final SocketModeMessageQueue replaced;
    private final Executor dispatch;
    private final Processor processor;

    DirectMessageQueue(SocketModeMessageQueue replaced, Executor dispatch, Processor processor) {
        this.replaced = Objects.requireNonNull(replaced);
        this.dispatch = Objects.requireNonNull(dispatch);
        this.processor = Objects.requireNonNull(processor);
    }

    /**
     * A small pool for the hand-off. Two threads: a {@code disconnect} message makes the SDK open the new
     * connection on the thread processing it (an {@code apps.connections.open} call), and the envelopes still
     * arriving must not wait behind that. Parsing an envelope and passing it to Bolt takes well under a
     * millisecond, so two are plenty. The queue is bounded; when it is full the WebSocket reader thread processes
     * the message itself — it slows down reading instead of dropping anything.
     */
    static ThreadPoolExecutor newDispatchExecutor() {
        return newDispatchExecutor(2, 1_000);
    }

    static ThreadPoolExecutor newDispatchExecutor(int threads, int capacity) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory named = r -> {
            Thread t = new Thread(r, "socket-mode-dispatch-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                named, (task, executor) -> {
                    if (executor.isShutdown()) {
                        // Only after close(): the connection is gone, and Slack delivers unacknowledged envelopes again.
                        log.debug("Socket Mode message arrived after the connector closed; not processed");
                    } else {
                        task.run();
                    }
                });
    }

    /** Called by the WebSocket reader thread for every text message. */
    @Override
    public void add(String message) {
        dispatch.execute(() -> process(message));
    }

    /** The SDK's pollers: only leftovers from the replaced queue (normally none). */
    @Override
    public String poll() {
        return replaced.poll();
    }

    /** Hands on at once whatever reached the replaced queue before this one took its place. */
    void drainReplaced() {
        for (String message = replaced.poll(); message != null; message = replaced.poll()) {
            add(message);
        }
    }

    private void process(String message) {
        try {
            processor.process(message);
        } catch (Exception e) {
            // The message itself is not logged: envelopes carry user text and response_url hooks.
            log.error("Socket Mode message not processed: {}", e.toString(), e);
        }
    }
}
