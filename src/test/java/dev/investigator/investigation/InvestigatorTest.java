package dev.investigator.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.Evidence;
import dev.investigator.model.GapReason;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvestigatorTest {

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Correlator correlator = new Correlator(new ChangePointDetector());

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private static InvestigationQuery query(String service, String id) {
        Instant to = Instant.parse("2026-11-20T05:30:00Z");
        return new InvestigationQuery(id, TestServices.service(service), TimeWindow.ending(to, Duration.ofMinutes(30)), Origin.COMMAND_LINE);
    }

    /** A source whose behaviour is a function of the deadline it is given. */
    private static EvidenceSource source(SourceKind kind, Function<Deadline, SourceReport> body) {
        return new EvidenceSource() {
            @Override
            public SourceKind kind() {
                return kind;
            }

            @Override
            public SourceReport collect(InvestigationQuery q, Deadline deadline) {
                return body.apply(deadline);
            }

            @Override
            public String consoleLink(InvestigationQuery q) {
                return "https://console/" + kind.name().toLowerCase() + "/" + q.service().name();
            }
        };
    }

    private static SourceReport empty(SourceKind kind) {
        Evidence e = switch (kind) {
            case DATADOG -> new Evidence.Metrics(List.of(), List.of());
            case SENTRY -> new Evidence.Errors(List.of(), false);
            case XRAY -> new Evidence.Traces(new dev.investigator.model.TraceStats(0, 0, 0, 0, 0, false,
                    java.util.Optional.empty(), List.of(), List.of(), List.of(), List.of()));
        };
        return SourceReport.found(kind, e, Duration.ZERO, 1, "https://" + kind.name().toLowerCase());
    }

    @Test
    void asksEverySourceAtTheSameTime() throws Exception {
        // Each source waits until all three have started: this completes only if they run concurrently.
        CountDownLatch allStarted = new CountDownLatch(3);
        List<EvidenceSource> sources = List.of(SourceKind.values()).stream()
                .map(kind -> source(kind, d -> {
                    allStarted.countDown();
                    try {
                        return allStarted.await(5, TimeUnit.SECONDS) ? empty(kind) : null;
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        Investigator investigator = new Investigator(sources, correlator, executor, Clock.systemUTC(),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
        Investigation inv = investigator.investigate(query("checkout", "a")).get(10, TimeUnit.SECONDS);
        assertThat(inv.reports()).extracting(SourceReport::source).containsExactly(SourceKind.DATADOG, SourceKind.SENTRY, SourceKind.XRAY);
        assertThat(inv.gaps()).isEmpty();
    }

    @Test
    void aSourcePastItsDeadlineBecomesATimeoutGapAndTheRestStillArrives() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        List<EvidenceSource> sources = List.of(
                source(SourceKind.DATADOG, d -> empty(SourceKind.DATADOG)),
                source(SourceKind.SENTRY, d -> {
                    try {
                        never.await(); // hangs, ignoring its deadline
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return empty(SourceKind.SENTRY);
                }),
                source(SourceKind.XRAY, d -> empty(SourceKind.XRAY)));
        Investigator investigator = new Investigator(sources, correlator, executor, Clock.systemUTC(),
                Duration.ofMillis(300), Duration.ofSeconds(5));
        Investigation inv = investigator.investigate(query("checkout", "b")).get(5, TimeUnit.SECONDS);
        never.countDown();
        assertThat(inv.gaps()).singleElement().satisfies(g -> {
            assertThat(g.source()).isEqualTo(SourceKind.SENTRY);
            assertThat(g.reason()).isEqualTo(GapReason.TIMEOUT);
        });
        // the person can still open the console the source did not answer for
        assertThat(inv.report(SourceKind.SENTRY).orElseThrow().link()).isEqualTo("https://console/sentry/checkout");
        assertThat(inv.report(SourceKind.DATADOG).orElseThrow().failed()).isFalse();
        assertThat(inv.report(SourceKind.XRAY).orElseThrow().failed()).isFalse();
    }

    @Test
    void eachSourceGetsTheEarlierOfItsOwnAndTheOverallDeadline() throws Exception {
        Instant now = Instant.parse("2026-11-20T05:30:00Z");
        Clock clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
        List<Instant> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<EvidenceSource> sources = List.of(source(SourceKind.DATADOG, d -> {
            seen.add(d.at());
            return empty(SourceKind.DATADOG);
        }));
        new Investigator(sources, correlator, executor, clock, Duration.ofSeconds(15), Duration.ofSeconds(20))
                .investigate(query("checkout", "c")).get(5, TimeUnit.SECONDS);
        new Investigator(sources, correlator, executor, clock, Duration.ofSeconds(15), Duration.ofSeconds(8))
                .investigate(query("checkout", "d")).get(5, TimeUnit.SECONDS);
        assertThat(seen).containsExactly(now.plusSeconds(15), now.plusSeconds(8));
    }

    @Test
    void aSourceThatThrowsDespiteItsContractIsAnInternalGap() throws Exception {
        List<EvidenceSource> sources = List.of(
                source(SourceKind.DATADOG, d -> {
                    throw new IllegalStateException("bug");
                }),
                source(SourceKind.SENTRY, d -> empty(SourceKind.SENTRY)));
        Investigation inv = new Investigator(sources, correlator, executor, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(5))
                .investigate(query("checkout", "e")).get(5, TimeUnit.SECONDS);
        assertThat(inv.gaps()).singleElement().satisfies(g -> assertThat(g.reason()).isEqualTo(GapReason.INTERNAL));
    }

    @Test
    void identicalInvestigationsRunningAtOnceShareOneRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        List<EvidenceSource> sources = List.of(source(SourceKind.DATADOG, d -> {
            calls.incrementAndGet();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return empty(SourceKind.DATADOG);
        }));
        Investigator investigator = new Investigator(sources, correlator, executor, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(5));
        CompletableFuture<Investigation> first = investigator.investigate(query("checkout", "f1"));
        CompletableFuture<Investigation> second = investigator.investigate(query("checkout", "f2"));
        CompletableFuture<Investigation> other = investigator.investigate(query("search", "f3"));
        assertThat(investigator.running()).isEqualTo(2);
        release.countDown();
        assertThat(second.get(5, TimeUnit.SECONDS)).isSameAs(first.get(5, TimeUnit.SECONDS));
        assertThat(other.get(5, TimeUnit.SECONDS).query().service().name()).isEqualTo("search");
        assertThat(calls).hasValue(2);
        assertThat(investigator.running()).isZero();
        // once finished, the same query runs afresh
        investigator.investigate(query("checkout", "f4")).get(5, TimeUnit.SECONDS);
        assertThat(calls).hasValue(3);
    }
}
