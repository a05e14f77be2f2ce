package dev.investigator.digest;

import static dev.investigator.digest.DigestTestData.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DigestCollectorTest {

    private static final Instant NOW = DigestTestData.GENERATED;
    private static final Clock FIXED = Clock.fixed(NOW, ZoneOffset.UTC);

    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final ServiceDefinition checkout = service("checkout");
    private final ServiceDefinition search = service("search");
    private final DigestQuery query = DigestTestData.query(checkout, search);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A fake source whose answer is a function of the deadline it was given. */
    private static DigestSource source(SourceKind kind, Function<Deadline, DigestReport> body) {
        return new DigestSource() {
            @Override
            public SourceKind kind() {
                return kind;
            }

            @Override
            public DigestReport collect(DigestQuery q, Deadline deadline) {
                return body.apply(deadline);
            }
        };
    }

    private static DigestReport datadog() {
        return DigestTestData.vitalsReport(Map.of(
                "checkout", DigestTestData.steady(),
                "search", DigestTestData.vitals(9_000, 100_000, 98_000, 0.2, 0.2, 180, 175)), Map.of());
    }

    private static DigestReport sentry() {
        return DigestTestData.issuesReport(Map.of(), false);
    }

    private static DigestReport xray() {
        return DigestTestData.endpointsReport(Map.of());
    }

    private DigestCollector collector(List<DigestSource> sources, Clock clock, Duration perSource, Duration overall) {
        return new DigestCollector(sources, new DigestRules(), executor, clock, perSource, overall);
    }

    @Test
    void buildsTheDigestProblemsFirstWithEveryReportInSourceOrder() throws Exception {
        List<DigestSource> sources = List.of(
                source(SourceKind.DATADOG, d -> datadog()),
                source(SourceKind.SENTRY, d -> sentry()),
                source(SourceKind.XRAY, d -> xray()));
        DailyDigest digest = collector(sources, FIXED, Duration.ofSeconds(15), Duration.ofSeconds(20))
                .collect(query).get(5, TimeUnit.SECONDS);
        assertThat(digest.id()).isEqualTo("dg-1120");
        assertThat(digest.period()).isEqualTo(DigestTestData.PERIOD);
        assertThat(digest.generatedAt()).isEqualTo(NOW);
        assertThat(digest.reports()).extracting(DigestReport::source)
                .containsExactly(SourceKind.DATADOG, SourceKind.SENTRY, SourceKind.XRAY);
        assertThat(digest.services()).extracting(ServiceDigest::service).containsExactly("search", "checkout");
        assertThat(digest.flagged()).extracting(ServiceDigest::service).containsExactly("search");
        assertThat(digest.healthy()).extracting(ServiceDigest::service).containsExactly("checkout");
    }

    @Test
    void asksEverySourceAtTheSameTime() throws Exception {
        // Each source waits until all three have started: this completes only if they run concurrently.
        CountDownLatch allStarted = new CountDownLatch(3);
        Function<SourceKind, DigestSource> waiting = kind -> source(kind, d -> {
            allStarted.countDown();
            try {
                if (!allStarted.await(5, TimeUnit.SECONDS)) {
                    return DigestReport.failed(Gap.of(kind, GapReason.INTERNAL, "ran alone"), Duration.ZERO, 0);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return switch (kind) {
                case DATADOG -> datadog();
                case SENTRY -> sentry();
                case XRAY -> xray();
            };
        });
        DailyDigest digest = collector(List.of(waiting.apply(SourceKind.DATADOG), waiting.apply(SourceKind.SENTRY),
                waiting.apply(SourceKind.XRAY)), Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(10))
                .collect(query).get(10, TimeUnit.SECONDS);
        assertThat(digest.reports()).allSatisfy(r -> assertThat(r.gap()).isEmpty());
    }

    @Test
    void aSourcePastItsDeadlineBecomesATimeoutGapAndTheRestStillArrives() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        List<DigestSource> sources = List.of(
                source(SourceKind.DATADOG, d -> datadog()),
                source(SourceKind.SENTRY, d -> {
                    try {
                        never.await(); // hangs, ignoring its deadline
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return sentry();
                }),
                source(SourceKind.XRAY, d -> xray()));
        DailyDigest digest = collector(sources, Clock.systemUTC(), Duration.ofMillis(300), Duration.ofSeconds(5))
                .collect(query).get(5, TimeUnit.SECONDS);
        never.countDown();
        DigestReport sentryReport = digest.reports().get(1);
        assertThat(sentryReport.source()).isEqualTo(SourceKind.SENTRY);
        assertThat(sentryReport.gap()).hasValueSatisfying(g -> {
            assertThat(g.reason()).isEqualTo(GapReason.TIMEOUT);
            assertThat(g.detail()).startsWith("no answer within");
        });
        assertThat(sentryReport.elapsed()).isLessThanOrEqualTo(Duration.ofMillis(300)).isPositive();
        assertThat(digest.reports().get(0).gap()).isEmpty();
        assertThat(digest.reports().get(2).gap()).isEmpty();
        // every service Sentry should have covered says so
        assertThat(digest.services()).allSatisfy(s -> assertThat(s.unavailable()).containsExactly(SourceKind.SENTRY));
    }

    @Test
    void eachSourceGetsTheEarlierOfItsOwnAndTheOverallDeadline() throws Exception {
        List<Instant> seen = new CopyOnWriteArrayList<>();
        List<DigestSource> sources = List.of(source(SourceKind.DATADOG, d -> {
            seen.add(d.at());
            return datadog();
        }));
        collector(sources, FIXED, Duration.ofSeconds(15), Duration.ofSeconds(20)).collect(query).get(5, TimeUnit.SECONDS);
        collector(sources, FIXED, Duration.ofSeconds(15), Duration.ofSeconds(8)).collect(query).get(5, TimeUnit.SECONDS);
        assertThat(seen).containsExactly(NOW.plusSeconds(15), NOW.plusSeconds(8));
    }

    @Test
    void aSourceThatThrowsOrAnswersNothingIsAnInternalGap() throws Exception {
        List<DigestSource> sources = List.of(
                source(SourceKind.DATADOG, d -> {
                    throw new IllegalStateException("bug, with an internal detail");
                }),
                source(SourceKind.SENTRY, d -> null),
                source(SourceKind.XRAY, d -> xray()));
        DailyDigest digest = collector(sources, FIXED, Duration.ofSeconds(5), Duration.ofSeconds(5))
                .collect(query).get(5, TimeUnit.SECONDS);
        assertThat(digest.reports()).extracting(DigestReport::source)
                .containsExactly(SourceKind.DATADOG, SourceKind.SENTRY, SourceKind.XRAY);
        assertThat(digest.reports().get(0).gap()).hasValueSatisfying(g -> {
            assertThat(g.reason()).isEqualTo(GapReason.INTERNAL);
            // the exception's class, never its message: messages can carry what must not be shown
            assertThat(g.detail()).isEqualTo("IllegalStateException");
        });
        assertThat(digest.reports().get(1).gap()).hasValueSatisfying(g -> assertThat(g.reason()).isEqualTo(GapReason.INTERNAL));
        assertThat(digest.services()).allSatisfy(s ->
                assertThat(s.unavailable()).containsExactly(SourceKind.DATADOG, SourceKind.SENTRY));
    }

    @Test
    void aBusyExecutorIsAGapNotACrash() throws Exception {
        DigestCollector collector = new DigestCollector(List.of(source(SourceKind.DATADOG, d -> datadog())), new DigestRules(),
                task -> {
                    throw new RejectedExecutionException("full");
                }, FIXED, Duration.ofSeconds(5), Duration.ofSeconds(5));
        DailyDigest digest = collector.collect(query).get(5, TimeUnit.SECONDS);
        assertThat(digest.reports()).singleElement().satisfies(r -> assertThat(r.gap()).hasValueSatisfying(g -> {
            assertThat(g.reason()).isEqualTo(GapReason.INTERNAL);
            assertThat(g.detail()).contains("busy");
        }));
    }

    @Test
    void noSourcesStillGivesADigestOfEveryService() throws Exception {
        DailyDigest digest = collector(List.of(), FIXED, Duration.ofSeconds(5), Duration.ofSeconds(5))
                .collect(query).get(5, TimeUnit.SECONDS);
        assertThat(digest.services()).extracting(ServiceDigest::service).containsExactly("checkout", "search");
        assertThat(digest.reports()).isEmpty();
    }
}
