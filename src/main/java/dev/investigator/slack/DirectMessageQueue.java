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
 * an executor that runs the client's {@code processMessage} (which passes envelopes on to Bolt's pool).
 *
 * <p>Why: the SDK's default queue is drained by ten tasks that each take one message every 10 ms on a single
 * thread, so a lone ack waited about 9 ms and a burst of 50 many ticks (BENCHMARKS.md, "Ack latency").
 * {@link NoDelaySocketModeClient} starts no pollers, so {@link #poll()} always finds nothing.
 */
final class DirectMessageQueue implements SocketModeMessageQueue {

    /** What the SDK does with one message: {@code SocketModeClient::processMessage}. */
    @FunctionalInterface
    interface Processor {
        void process(String message) throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(DirectMessageQueue.class);

    private final Executor dispatch;
    private final Processor processor;

    DirectMessageQueue(Executor dispatch, Processor processor) {
        this.dispatch = Objects.requireNonNull(dispatch);
        this.processor = Objects.requireNonNull(processor);
    }

    /**
     * The pool for the hand-off, and the only one on an envelope's way: each thread parses a message and, for an
     * envelope, runs Bolt and sends the ack ({@link BoltEnvelopeRunner}), so an envelope changes threads once, from
     * the WebSocket reader to here — under load each hand-off is a wait for a core. Use more than one thread: a
     * {@code disconnect} message makes the client open the new connection on the thread processing it, and the
     * envelopes still arriving must not wait behind that. The queue is bounded; when it is full the WebSocket
     * reader thread processes the message itself — it slows down reading instead of dropping anything.
     */
    static ThreadPoolExecutor newDispatchExecutor(int threads) {
        return newDispatchExecutor(threads, 1_000);
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

    /** Nothing is ever queued: every message was handed on when it arrived. */
    @Override
    public String poll() {
        return null;
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
