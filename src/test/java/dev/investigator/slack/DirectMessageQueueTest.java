package dev.investigator.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DirectMessageQueueTest {

    private static final long WAIT_SECONDS = 10;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final BlockingQueue<String> processed = new LinkedBlockingQueue<>();
    private ThreadPoolExecutor dispatch;

    @BeforeEach
    void attachLogs() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(DirectMessageQueue.class)).addAppender(logs);
    }

    @AfterEach
    void detach() {
        ((Logger) LoggerFactory.getLogger(DirectMessageQueue.class)).detachAppender(logs);
        if (dispatch != null) {
            dispatch.shutdownNow();
        }
    }

    @Test
    void eachMessageIsProcessedOnADispatchThreadWithoutBeingQueuedForThePollers() throws Exception {
        dispatch = DirectMessageQueue.newDispatchExecutor(2);
        List<String> threads = new ArrayList<>();
        DirectMessageQueue queue = new DirectMessageQueue(dispatch, m -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            processed.add(m);
        });

        queue.add("{\"type\":\"hello\"}");

        assertThat(processed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"hello\"}");
        assertThat(queue.poll()).as("nothing is left queued for pollers").isNull();
        synchronized (threads) {
            assertThat(threads).singleElement().asString().startsWith("socket-mode-dispatch-");
        }
    }

    @Test
    void aSlowMessageDoesNotHoldBackTheNextOne() throws Exception {
        dispatch = DirectMessageQueue.newDispatchExecutor(2);
        CountDownLatch release = new CountDownLatch(1);
        DirectMessageQueue queue = new DirectMessageQueue(dispatch, m -> {
            if (m.equals("slow")) {
                // e.g. a disconnect: the SDK opens the new connection on this thread
                release.await();
            }
            processed.add(m);
        });

        queue.add("slow");
        queue.add("fast");

        assertThat(processed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("fast");
        release.countDown();
        assertThat(processed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("slow");
    }

    @Test
    void aFailingMessageIsLoggedWithoutItsContentAndTheNextIsStillProcessed() throws Exception {
        dispatch = DirectMessageQueue.newDispatchExecutor(1, 10);
        DirectMessageQueue queue = new DirectMessageQueue(dispatch, m -> {
            if (m.contains("hooks.slack.com")) {
                throw new IOException("broken envelope");
            }
            processed.add(m);
        });

        queue.add("{\"response_url\":\"https://hooks.slack.com/commands/T0/1/secret\"}");
        queue.add("next");

        assertThat(processed.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("next");
        assertThat(logs.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("broken envelope").doesNotContain("hooks.slack.com");
            assertThat(event.getThrowableProxy()).isNotNull();
        });
    }

    @Test
    void whenTheDispatchQueueIsFullTheReaderThreadProcessesTheMessageItself() throws Exception {
        dispatch = DirectMessageQueue.newDispatchExecutor(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<String> byThread = new LinkedBlockingQueue<>();
        DirectMessageQueue queue = new DirectMessageQueue(dispatch, m -> {
            if (m.equals("blocking")) {
                release.await();
            }
            byThread.add(m + "@" + Thread.currentThread().getName());
        });

        queue.add("blocking");   // the pool's only thread starts with it and waits
        queue.add("queued");     // takes the one queue slot
        queue.add("overflow");   // no room: runs here, on the caller (the WebSocket reader in real life)
        String first = byThread.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        release.countDown();

        List<String> all = new ArrayList<>(List.of(first));
        all.add(byThread.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        all.add(byThread.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        assertThat(all).hasSize(3).doesNotContainNull()
                .anySatisfy(s -> assertThat(s).startsWith("blocking@socket-mode-dispatch-"))
                .anySatisfy(s -> assertThat(s).startsWith("queued@socket-mode-dispatch-"))
                .contains("overflow@" + Thread.currentThread().getName());
    }

    @Test
    void afterShutdownAMessageIsDroppedWithoutAnException() {
        dispatch = DirectMessageQueue.newDispatchExecutor(2);
        DirectMessageQueue queue = new DirectMessageQueue(dispatch, processed::add);
        dispatch.shutdown();

        assertThatCode(() -> queue.add("late")).doesNotThrowAnyException();
        assertThat(processed).isEmpty();
    }
}
