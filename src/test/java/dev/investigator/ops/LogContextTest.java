package dev.investigator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.SynchronousQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    /** One worker, so the second task provably runs on the thread the first one used. */
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void cleanUp() throws InterruptedException {
        MDC.clear();
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theScopePutsTheIdAndClosingRemovesIt() {
        try (LogContext.Scope scope = LogContext.investigation("inv-42")) {
            assertThat(MDC.get("investigation")).isEqualTo("inv-42");
        }
        assertThat(MDC.get("investigation")).isNull();
    }

    @Test
    void aNestedScopeRestoresTheOuterIdAndLeavesOtherKeysAlone() {
        MDC.put("user", "U024BE7LH");
        try (var outer = LogContext.investigation("inv-1")) {
            try (var inner = LogContext.investigation("inv-2")) {
                assertThat(MDC.get("investigation")).isEqualTo("inv-2");
            }
            assertThat(MDC.get("investigation")).isEqualTo("inv-1");
        }
        assertThat(MDC.get("investigation")).isNull();
        assertThat(MDC.get("user")).isEqualTo("U024BE7LH");
    }

    @Test
    void theScopeIsAnAutoCloseable() throws Exception {
        AutoCloseable scope = LogContext.investigation("inv-3");
        scope.close();
        assertThat(MDC.get("investigation")).isNull();
    }

    @Test
    void theIdReachesATaskOnAPoolThreadAndIsClearedAfter() throws Exception {
        var executor = LogContext.propagating((java.util.concurrent.Executor) pool);
        CompletableFuture<Map<String, String>> seen;
        try (var scope = LogContext.investigation("inv-7")) {
            MDC.put("user", "U1");
            seen = CompletableFuture.supplyAsync(LogContextTest::mdcWithThread, executor);
        }
        MDC.clear();

        Map<String, String> inTask = seen.get(5, TimeUnit.SECONDS);
        assertThat(inTask).containsEntry("investigation", "inv-7").containsEntry("user", "U1");
        assertThat(inTask.get("thread")).isNotEqualTo(Thread.currentThread().getName());

        // The same worker, asked directly, no longer carries anything.
        Map<String, String> after = pool.submit(LogContextTest::mdcWithThread).get(5, TimeUnit.SECONDS);
        assertThat(after.get("thread")).isEqualTo(inTask.get("thread"));
        assertThat(after).containsOnlyKeys("thread");
    }

    @Test
    void eachTaskCarriesTheIdOfItsOwnSubmitter() throws Exception {
        var executor = LogContext.propagating((java.util.concurrent.Executor) pool);
        CompletableFuture<Map<String, String>> first;
        CompletableFuture<Map<String, String>> second;
        CompletableFuture<Map<String, String>> none;
        try (var scope = LogContext.investigation("inv-a")) {
            first = CompletableFuture.supplyAsync(LogContextTest::mdcWithThread, executor);
        }
        try (var scope = LogContext.investigation("inv-b")) {
            second = CompletableFuture.supplyAsync(LogContextTest::mdcWithThread, executor);
        }
        none = CompletableFuture.supplyAsync(LogContextTest::mdcWithThread, executor);

        assertThat(first.get(5, TimeUnit.SECONDS)).containsEntry("investigation", "inv-a");
        assertThat(second.get(5, TimeUnit.SECONDS)).containsEntry("investigation", "inv-b");
        assertThat(none.get(5, TimeUnit.SECONDS)).containsOnlyKeys("thread");
    }

    @Test
    void aTaskRunOnTheCallingThreadGivesTheCallerItsOwnMdcBack() {
        var direct = LogContext.propagating((Runnable r) -> r.run());
        Map<String, String> inTask = new HashMap<>();
        try (var scope = LogContext.investigation("inv-caller")) {
            direct.execute(() -> {
                inTask.putAll(MDC.getCopyOfContextMap());
                MDC.put("investigation", "changed-by-task");
            });
            assertThat(MDC.get("investigation")).isEqualTo("inv-caller");
        }
        assertThat(inTask).containsEntry("investigation", "inv-caller");
    }

    @Test
    void aThrowingTaskStillClearsTheWorker() throws Exception {
        var executor = LogContext.propagating(pool);
        Future<?> failing;
        try (var scope = LogContext.investigation("inv-boom")) {
            failing = executor.submit(() -> {
                throw new IllegalStateException("source bug");
            });
        }
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);

        assertThat(pool.submit(LogContextTest::mdcWithThread).get(5, TimeUnit.SECONDS)).containsOnlyKeys("thread");
    }

    @Test
    void theExecutorServiceWrapperCarriesTheIdThroughSubmitAndInvokeAllAndKeepsTheLifecycle() throws Exception {
        ExecutorService executor = LogContext.propagating(pool);
        List<Future<Map<String, String>>> results;
        Future<Map<String, String>> submitted;
        try (var scope = LogContext.investigation("inv-svc")) {
            submitted = executor.submit(LogContextTest::mdcWithThread);
            results = executor.invokeAll(List.of(LogContextTest::mdcWithThread, LogContextTest::mdcWithThread));
        }
        assertThat(submitted.get(5, TimeUnit.SECONDS)).containsEntry("investigation", "inv-svc");
        for (Future<Map<String, String>> result : results) {
            assertThat(result.get()).containsEntry("investigation", "inv-svc");
        }

        executor.shutdown();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.isShutdown()).isTrue();
        assertThat(executor.isTerminated()).isTrue();
    }

    @Test
    void aFullPoolStillRejectsSoTheInvestigatorCanReportBusy() {
        ThreadPoolExecutor full = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new ThreadPoolExecutor.AbortPolicy());
        try {
            var blocker = new CompletableFuture<Void>();
            full.execute(blocker::join);
            var executor = LogContext.propagating((java.util.concurrent.Executor) full);

            assertThatThrownBy(() -> executor.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
            blocker.complete(null);
        } finally {
            full.shutdownNow();
        }
    }

    private static Map<String, String> mdcWithThread() {
        Map<String, String> copy = MDC.getCopyOfContextMap();
        Map<String, String> out = copy == null ? new HashMap<>() : new HashMap<>(copy);
        out.put("thread", Thread.currentThread().getName());
        return out;
    }
}
