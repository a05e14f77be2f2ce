package dev.investigator.ops;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * Puts the investigation id on every log line written for it, including the lines the sources write on pool
 * threads: {@link #investigation} marks the current thread, {@link #propagating} carries the mark into tasks.
 */
public final class LogContext {

    /** The MDC key; the text pattern prints it with {@code %X{investigation}}, the JSON encoder as a field. */
    public static final String INVESTIGATION = "investigation";

    private LogContext() {
    }

    /** A scope that ends without a checked exception, so try-with-resources needs no catch. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Marks this thread's log lines with the investigation id until the scope closes; closing restores what was
     * there before (nothing, usually), so nested scopes unwind correctly.
     */
    public static Scope investigation(String id) {
        Objects.requireNonNull(id, "id");
        String previous = MDC.get(INVESTIGATION);
        MDC.put(INVESTIGATION, id);
        return () -> {
            if (previous == null) {
                MDC.remove(INVESTIGATION);
            } else {
                MDC.put(INVESTIGATION, previous);
            }
        };
    }

    /**
     * Runs each task with the MDC its submitter had at {@link Executor#execute} time, then puts back the worker's
     * own (normally empty) MDC, so a pooled thread never carries one investigation's id into the next task.
     */
    public static Executor propagating(Executor delegate) {
        Objects.requireNonNull(delegate, "delegate");
        return task -> delegate.execute(carrying(task));
    }

    /** As {@link #propagating(Executor)}, keeping the pool's lifecycle (shutdown, await) with the delegate. */
    public static ExecutorService propagating(ExecutorService delegate) {
        return new PropagatingExecutorService(Objects.requireNonNull(delegate, "delegate"));
    }

    static Runnable carrying(Runnable task) {
        Objects.requireNonNull(task, "task");
        Map<String, String> submitter = MDC.getCopyOfContextMap();
        return () -> {
            Map<String, String> own = MDC.getCopyOfContextMap();
            set(submitter);
            try {
                task.run();
            } finally {
                set(own);
            }
        };
    }

    private static void set(Map<String, String> context) {
        if (context == null || context.isEmpty()) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    /** submit/invokeAll come from AbstractExecutorService and end in execute, which carries the MDC. */
    private static final class PropagatingExecutorService extends AbstractExecutorService {
        private final ExecutorService delegate;

        PropagatingExecutorService(ExecutorService delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable task) {
            delegate.execute(carrying(task));
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }

        @Override
        public String toString() {
            return "LogContext.propagating(" + delegate + ")";
        }
    }
}
