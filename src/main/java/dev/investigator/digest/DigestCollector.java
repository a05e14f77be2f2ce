package dev.investigator.digest;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.SourceKind;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every {@link DigestSource} at once, each under its own deadline inside the overall one (like the
 * investigation does), and turns what came back into the {@link DailyDigest}. A source that does not answer in
 * time becomes a TIMEOUT gap, one that throws or is refused by a busy executor an INTERNAL gap: the digest
 * always arrives, naming what it could not check.
 *
 * <p>Holds no per-call state: one instance may collect for many teams at once.
 */
public final class DigestCollector {

    private static final Logger log = LoggerFactory.getLogger(DigestCollector.class);

    private final List<DigestSource> sources;
    private final DigestRules rules;
    private final Executor executor;
    private final Clock clock;
    private final Duration sourceBudget;
    private final Duration overallBudget;

    public DigestCollector(List<DigestSource> sources, DigestRules rules, Executor executor, Clock clock,
            Duration sourceBudget, Duration overallBudget) {
        this.sources = List.copyOf(sources);
        this.rules = Objects.requireNonNull(rules, "rules");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sourceBudget = Objects.requireNonNull(sourceBudget, "sourceBudget");
        this.overallBudget = Objects.requireNonNull(overallBudget, "overallBudget");
    }

    /**
     * Collects the digest for {@code query}. Never throws for a source's sake: every source's failure, hang or
     * bug is a gap in the digest, which arrives by the overall deadline with one report per source, in the
     * order the sources were given. (Only a bug in the rules themselves would complete the future exceptionally.)
     */
    public CompletableFuture<DailyDigest> collect(DigestQuery query) {
        Objects.requireNonNull(query, "query");
        Deadline overall = Deadline.after(overallBudget, clock);
        Deadline perSource = overall.within(sourceBudget);
        List<CompletableFuture<DigestReport>> reports = sources.stream()
                .map(source -> ask(source, query, perSource))
                .toList();
        return CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
                .thenApply(done -> digest(query, reports.stream().map(CompletableFuture::join).toList()));
    }

    private DailyDigest digest(DigestQuery query, List<DigestReport> reports) {
        return new DailyDigest(query.id(), query.period(), clock.instant(), rules.evaluate(query, reports), reports);
    }

    private CompletableFuture<DigestReport> ask(DigestSource source, DigestQuery query, Deadline deadline) {
        SourceKind kind = source.kind();
        long budgetMillis = Math.max(1, deadline.remaining().toMillis());
        CompletableFuture<DigestReport> report;
        try {
            report = CompletableFuture.supplyAsync(() -> source.collect(query, deadline), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(
                    DigestReport.failed(Gap.of(kind, GapReason.INTERNAL, "busy: too many checks at once"), Duration.ZERO, 0));
        }
        DigestReport timedOut = DigestReport.failed(
                Gap.of(kind, GapReason.TIMEOUT, "no answer within " + budgetMillis + " ms"), Duration.ofMillis(budgetMillis), 0);
        return report
                .completeOnTimeout(timedOut, budgetMillis, TimeUnit.MILLISECONDS)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        log.error("{} digest source threw despite its contract", kind, failure);
                        return DigestReport.failed(Gap.of(kind, GapReason.INTERNAL, rootCause(failure).getClass().getSimpleName()),
                                Duration.ZERO, 0);
                    }
                    if (answer == null) {
                        log.error("{} digest source returned no report", kind);
                        return DigestReport.failed(Gap.of(kind, GapReason.INTERNAL, "no report"), Duration.ZERO, 0);
                    }
                    return answer;
                });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
