package dev.investigator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.investigation.Deadline;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.model.GapReason;
import dev.investigator.model.SourceReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many investigations at once against one vendor (an incident touching several services, the benchmark's
 * burst of commands): a vendor that is merely busy still answers every one of them, and a vendor that is too
 * slow makes every one a TIMEOUT gap at its deadline, never an INTERNAL "busy" one.
 */
class ConcurrentCollectionsTest {

    /** As many as the application's source pool runs at once, and then some. */
    private static final int AT_ONCE = 12;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    void aBusyVendorAnswersEveryConcurrentCollection(Vendor vendor) throws Exception {
        try (VendorFake fake = vendor.fake().withLatency(Duration.ofMillis(300))) {
            List<SourceReport> reports = collectAtOnce(fake, Duration.ofSeconds(10));

            assertThat(reports).extracting(ConcurrentCollectionsTest::outcome).containsOnly("evidence");
            reports.forEach(report -> fake.assertHealthy(report.evidence().orElseThrow()));
            assertThat(reports.stream().mapToInt(SourceReport::apiCalls).sum()).as("requests counted")
                    .isEqualTo(fake.server.hits().size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Vendor.class)
    void aVendorTooSlowForTheDeadlineIsATimeoutForEveryCollection(Vendor vendor) throws Exception {
        try (VendorFake fake = vendor.fake().failWith(Fault.SLOW)) {
            Duration budget = Duration.ofMillis(800);
            long started = System.nanoTime();
            List<SourceReport> reports = collectAtOnce(fake, budget);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(budget.plus(FaultMatrixTest.GRACE));
            assertThat(reports).extracting(ConcurrentCollectionsTest::outcome)
                    .allSatisfy(outcome -> assertThat(outcome).startsWith(GapReason.TIMEOUT.name()));
        }
    }

    /** "evidence", or the gap's reason and detail: short enough for an assertion message. */
    private static String outcome(SourceReport report) {
        return report.gap().map(gap -> gap.reason() + ": " + gap.detail()).orElse("evidence");
    }

    private static List<SourceReport> collectAtOnce(VendorFake fake, Duration budget) throws Exception {
        Clock clock = Clock.systemUTC();
        EvidenceSource source = fake.source(clock, FaultMatrixTest.RETRIES);
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<CompletableFuture<SourceReport>> pending = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                pending.add(CompletableFuture.supplyAsync(
                        () -> source.collect(fake.query(Fault.NONE), Deadline.after(budget, clock)), pool));
            }
            List<SourceReport> reports = new ArrayList<>();
            for (CompletableFuture<SourceReport> report : pending) {
                reports.add(report.get(budget.toMillis() + 10_000, TimeUnit.MILLISECONDS));
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }
}
