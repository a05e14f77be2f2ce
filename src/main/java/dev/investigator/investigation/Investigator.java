package dev.investigator.investigation;

import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every source at once, each under its own deadline inside the investigation's overall deadline, and
 * hands whatever came back (gaps included) to the correlator. The wall time is the slowest source's, not the
 * sum. Identical investigations already running (same service, same window to the minute) share one run,
 * so an alert storm or a double-click costs one set of vendor calls.
 */
public final class Investigator {

    private static final Logger log = LoggerFactory.getLogger(Investigator.class);

    private final List<EvidenceSource> sources;
    private final Correlator correlator;
    private final Executor executor;
    private final Clock clock;
    private final Duration sourceBudget;
    private final Duration overallBudget;
    private final Map<Key, CompletableFuture<Investigation>> inFlight = new ConcurrentHashMap<>();

    public Investigator(List<EvidenceSource> sources, Correlator correlator, Executor executor, Clock clock,
            Duration sourceBudget, Duration overallBudget) {
        this.sources = List.copyOf(sources);
        this.correlator = Objects.requireNonNull(correlator);
        this.executor = Objects.requireNonNull(executor);
        this.clock = Objects.requireNonNull(clock);
        this.sourceBudget = Objects.requireNonNull(sourceBudget);
        this.overallBudget = Objects.requireNonNull(overallBudget);
    }

    /** Starts (or joins) the investigation; the future always completes normally, with gaps for what failed. */
    public CompletableFuture<Investigation> investigate(InvestigationQuery query) {
        Key key = Key.of(query);
        CompletableFuture<Investigation> mine = new CompletableFuture<>();
        CompletableFuture<Investigation> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            log.info("joining running investigation of {} for {}", query.service().name(), query.id());
            return running;
        }
        run(query).whenComplete((result, failure) -> {
            inFlight.remove(key, mine);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(result);
            }
        });
        return mine;
    }

    /** How many distinct investigations are running now. */
    public int running() {
        return inFlight.size();
    }

    private CompletableFuture<Investigation> run(InvestigationQuery query) {
        Instant started = clock.instant();
        Deadline overall = Deadline.after(overallBudget, clock);
        Deadline perSource = overall.within(sourceBudget);
        List<CompletableFuture<SourceReport>> reports = sources.stream()
                .map(source -> ask(source, query, perSource))
                .toList();
        return CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<SourceReport> collected = reports.stream().map(CompletableFuture::join).toList();
                    Duration elapsed = Duration.between(started, clock.instant());
                    return correlator.correlate(query, collected, elapsed);
                });
    }

    private CompletableFuture<SourceReport> ask(EvidenceSource source, InvestigationQuery query, Deadline deadline) {
        SourceKind kind = source.kind();
        long budgetMillis = Math.max(1, deadline.remaining().toMillis());
        CompletableFuture<SourceReport> report;
        try {
            report = CompletableFuture.supplyAsync(() -> source.collect(query, deadline), executor);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.completedFuture(SourceReport.failed(
                    Gap.of(kind, GapReason.INTERNAL, "busy: too many investigations at once"), Duration.ZERO, 0, ""));
        }
        return report
                .completeOnTimeout(timedOut(source, query, Duration.ofMillis(budgetMillis)), budgetMillis, TimeUnit.MILLISECONDS)
                .exceptionally(e -> {
                    log.error("{} threw despite its contract", kind, e);
                    return SourceReport.failed(Gap.of(kind, GapReason.INTERNAL, e.getClass().getSimpleName()),
                            Duration.ZERO, 0, "");
                });
    }

    private static SourceReport timedOut(EvidenceSource source, InvestigationQuery query, Duration budget) {
        String link;
        try {
            link = source.consoleLink(query);
        } catch (RuntimeException e) {
            link = ""; // a link is a convenience; it must never cost the report
        }
        return SourceReport.failed(Gap.of(source.kind(), GapReason.TIMEOUT, "no answer within " + budget.toMillis() + " ms"),
                budget, 0, link);
    }

    private record Key(String service, Instant from, Instant to) {
        static Key of(InvestigationQuery q) {
            return new Key(q.service().name(),
                    q.window().from().truncatedTo(ChronoUnit.MINUTES),
                    q.window().to().truncatedTo(ChronoUnit.MINUTES));
        }
    }
}
