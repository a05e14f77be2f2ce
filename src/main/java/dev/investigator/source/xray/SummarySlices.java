package dev.investigator.source.xray;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.GapReason;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.SourceFailure;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * A window's trace summaries asked in time slices at once. GetTraceSummaries pages with a NextToken that only
 * comes with the page before it, so one query over a busy window costs a round trip per page, one after another;
 * slices page side by side, and the window costs about one round trip.
 *
 * <p>Slices are split on trace start time (the caller asks with {@code TimeRangeType=TraceId}), so a trace belongs
 * to one slice; one that X-Ray reports on both sides of a border (its range ends are inclusive to the second) is
 * kept once.
 */
final class SummarySlices {

    private static final Logger log = LoggerFactory.getLogger(SummarySlices.class);

    /**
     * Slices per window, by its length. Two halves already bring the default 30 minutes of a busy service from two
     * pages in a row to one round trip, and a slice that fits on one page costs one extra request, not extra time.
     * Longer windows hold more traces, so more slices, but no more than four: GetTraceSummaries is throttled per
     * account, and during an alert storm several investigations ask at once; more slices would trade their
     * latency for 429s.
     */
    static final Duration TWO_SLICES_UP_TO = Duration.ofMinutes(30);
    static final Duration THREE_SLICES_UP_TO = Duration.ofHours(2);
    static final int MAX_SLICES = 4;

    /** How one slice is read: its pages, each later one claimed from its {@code budget}. */
    @FunctionalInterface
    interface Pager {
        /** @throws SourceFailure when the slice's first page fails: the slice has nothing to give */
        SummaryPages read(TimeWindow slice, PageBudget budget);
    }

    private final Executor executor;

    SummarySlices(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * The slices of {@code window}, oldest first, contiguous, covering it exactly; never more than
     * {@code maxPages} (each slice needs a first page) and inner borders on whole seconds, X-Ray's resolution of
     * a trace's start in its id.
     */
    static List<TimeWindow> split(TimeWindow window, int maxPages) {
        Duration length = window.length();
        int wanted = length.compareTo(TWO_SLICES_UP_TO) <= 0 ? 2
                : length.compareTo(THREE_SLICES_UP_TO) <= 0 ? 3 : MAX_SLICES;
        int count = Math.max(1, Math.min(wanted, maxPages));
        List<TimeWindow> slices = new ArrayList<>(count);
        Instant from = window.from();
        for (int i = 1; i < count; i++) {
            Instant border = window.from().plus(length.multipliedBy(i).dividedBy(count)).truncatedTo(ChronoUnit.SECONDS);
            if (border.isAfter(from) && border.isBefore(window.to())) {
                slices.add(new TimeWindow(from, border));
                from = border;
            }
        }
        slices.add(new TimeWindow(from, window.to()));
        return List.copyOf(slices);
    }

    /**
     * Reads every slice at once, the newest on the calling thread (it is the most telling, and it still runs
     * when the executor is saturated), the others on the executor; each stops at the deadline.
     *
     * <p>A slice that fails or is not answered by the deadline leaves a hole in the sample, not a gap: when at
     * least one slice answered, its traces are reported, marked truncated. Only when none answered does the
     * failure of the newest slice become the source's gap.
     *
     * @param slices oldest first, as {@link #split} gives them
     * @throws SourceFailure when no slice answered
     */
    SummaryPages collect(List<TimeWindow> slices, int maxPages, Deadline deadline, Pager pager) {
        List<PageBudget> budgets = PageBudget.shares(maxPages, slices.size());
        int newest = slices.size() - 1;
        List<CompletableFuture<SummaryPages>> others = new ArrayList<>(newest);
        for (int i = 0; i < newest; i++) {
            others.add(start(slices.get(i), budgets.get(i), pager));
        }
        List<SummaryPages> answered = new ArrayList<>(slices.size());
        RuntimeException newestFailure = null;
        boolean holes = false;
        try {
            answered.add(pager.read(slices.get(newest), budgets.get(newest)));
        } catch (RuntimeException e) {
            newestFailure = e;
            holes = true;
            log.warn("X-Ray trace summaries of {} failed: {}", span(slices.get(newest)), describe(e));
        }
        // Newest first, as one query would list them.
        for (int i = newest - 1; i >= 0; i--) {
            try {
                answered.add(await(others.get(i), deadline));
            } catch (RuntimeException e) {
                holes = true;
                log.warn("X-Ray trace summaries of {} failed: {}", span(slices.get(i)), describe(e));
            }
        }
        if (answered.isEmpty()) {
            throw newestFailure != null ? newestFailure
                    : SourceFailure.of(GapReason.TIMEOUT, "GetTraceSummaries: no slice answered before the deadline");
        }
        return merge(answered, holes);
    }

    /** The slices' traces in order, each trace once; truncated when any slice was, or one is missing. */
    static SummaryPages merge(List<SummaryPages> slices, boolean missing) {
        Set<String> seen = new HashSet<>();
        List<TraceSummary> traces = new ArrayList<>();
        boolean truncated = missing;
        for (SummaryPages slice : slices) {
            truncated |= slice.truncated();
            for (TraceSummary trace : slice.traces()) {
                if (trace.id() == null || seen.add(trace.id())) {
                    traces.add(trace);
                }
            }
        }
        return new SummaryPages(traces, truncated);
    }

    private CompletableFuture<SummaryPages> start(TimeWindow slice, PageBudget budget, Pager pager) {
        try {
            return CompletableFuture.supplyAsync(() -> pager.read(slice, budget), executor);
        } catch (RejectedExecutionException e) {
            // A closing executor: the slice waits its turn on this thread instead of going missing.
            return CompletableFuture.completedFuture(null).thenApply(ignored -> pager.read(slice, budget));
        }
    }

    private static SummaryPages await(CompletableFuture<SummaryPages> slice, Deadline deadline) {
        try {
            return slice.get(Math.max(1, deadline.remaining().toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | CancellationException e) {
            // Still queued or in flight: it would only be used after the deadline; a queued one will not start.
            slice.cancel(true);
            throw SourceFailure.of(GapReason.TIMEOUT, "GetTraceSummaries: the slice had no answer before the deadline");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (InterruptedException e) {
            slice.cancel(true);
            Thread.currentThread().interrupt();
            throw SourceFailure.of(GapReason.TIMEOUT, "GetTraceSummaries: interrupted while waiting for a slice", e);
        }
    }

    private static RuntimeException unwrap(Throwable cause) {
        Throwable inner = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        return inner instanceof RuntimeException r ? r
                : SourceFailure.of(GapReason.INTERNAL, inner.getClass().getSimpleName(), inner);
    }

    private static String span(TimeWindow slice) {
        return slice.from() + ".." + slice.to();
    }

    private static String describe(RuntimeException e) {
        return e instanceof SourceFailure f ? f.reason() + " " + f.getMessage() : e.getClass().getSimpleName();
    }
}
