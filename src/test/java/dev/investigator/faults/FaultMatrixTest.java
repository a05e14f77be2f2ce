package dev.investigator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.SourceReport;
import dev.investigator.source.Retries;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every source's real client against its vendor's API faked locally, failing in every way the matrix names
 * (source × fault). Whatever happens, a report comes back: evidence, or one gap named with its reason and
 * status; the main endpoint received exactly the requests the retry policy allows, all inside the deadline; and
 * a huge answer leaves capped evidence behind.
 */
class FaultMatrixTest {

    /** Two retries, backoff from 1 ms capped at 200 ms; a vendor's Retry-After is waited for as given. */
    static final int MAX_RETRIES = 2;
    static final Duration RETRY_CAP = Duration.ofMillis(200);
    static final Retries RETRIES = new Retries(MAX_RETRIES, Duration.ofMillis(1), RETRY_CAP);
    static final Duration BUDGET = Duration.ofSeconds(10);
    /** The deadline of the SLOW cell: the fake answers only after {@link VendorFake#SLOW_SECONDS}. */
    static final Duration SLOW_BUDGET = Duration.ofMillis(600);
    /** Shorter than the cell's 30 s Retry-After: a wait the deadline cannot hold means no retry at all. */
    static final Duration PAST_DEADLINE_BUDGET = Duration.ofSeconds(3);
    /** Scheduling noise a deadline may be overrun by: a thread waking up, a socket closing. */
    static final Duration GRACE = Duration.ofMillis(2_000);

    static Stream<Arguments> cells() {
        return Arrays.stream(Vendor.values())
                .flatMap(vendor -> Arrays.stream(Fault.values()).map(fault -> Arguments.of(vendor, fault)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cells")
    void aReportComesBackWithTheGapNamedAndTheRequestsBounded(Vendor vendor, Fault fault) {
        try (VendorFake fake = vendor.fake().failWith(fault)) {
            Clock clock = Clock.systemUTC();
            // The production policy for the cell about a Retry-After past the deadline.
            Retries retries = fault == Fault.RATE_LIMITED_PAST_DEADLINE_429 ? Retries.standard() : RETRIES;
            Duration budget = switch (fault) {
                case SLOW -> SLOW_BUDGET;
                case RATE_LIMITED_PAST_DEADLINE_429 -> PAST_DEADLINE_BUDGET;
                default -> BUDGET;
            };
            Outcome expected = Outcome.of(fault, fake, MAX_RETRIES);

            long started = System.nanoTime();
            SourceReport report = fake.source(clock, retries).collect(fake.query(fault), Deadline.after(budget, clock));
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(report).as("collect never throws and always reports").isNotNull();
            assertThat(report.source()).isEqualTo(fake.kind());
            assertThat(took).as("wall time within the deadline").isLessThan(budget.plus(GRACE));
            assertThat(report.elapsed()).as("reported time within the deadline").isLessThan(budget.plus(GRACE));

            if (fault == Fault.HUGE) {
                assertThat(fake.primaryHits()).as("pages read, bounded").isBetween(1, expected.primaryRequests());
            } else {
                assertThat(fake.primaryHits()).as("requests to %s", fake.primaryPath()).isEqualTo(expected.primaryRequests());
            }
            int allHits = fake.server.hits().size();
            assertThat(allHits).as("no request beyond the bound").isLessThanOrEqualTo(fake.primaryHits() + fake.secondaryRequestsAtMost());

            if (expected.found().isPresent()) {
                assertFound(fake, report, expected.found().get(), allHits);
            } else {
                assertGap(fake, report, expected);
            }
            if (fault == Fault.RATE_LIMITED_ONCE_429 || fault == Fault.RATE_LIMITED_429) {
                assertRetryAfterWasWaitedFor(fake);
            }
            if (fault == Fault.RATE_LIMITED_PAST_DEADLINE_429) {
                assertThat(took).as("gave up at once instead of sleeping toward the deadline").isLessThan(Duration.ofSeconds(2));
            }
            if (fault == Fault.SLOW) {
                assertThat(took).as("waited for the deadline, not for the answer").isGreaterThanOrEqualTo(SLOW_BUDGET.minusMillis(100));
            }
        }
    }

    private static void assertFound(VendorFake fake, SourceReport report, Outcome.Found kind, int allHits) {
        assertThat(report.gap()).as("no gap expected").isEmpty();
        Evidence evidence = report.evidence().orElseThrow();
        switch (kind) {
            case HEALTHY -> fake.assertHealthy(evidence);
            case EMPTY -> fake.assertEmpty(evidence);
            case HUGE -> fake.assertHugeIsCapped(evidence);
        }
        assertThat(report.apiCalls()).as("every request counted once").isEqualTo(allHits);
    }

    private static void assertGap(VendorFake fake, SourceReport report, Outcome expected) {
        Gap gap = report.gap().orElseThrow(() -> new AssertionError("expected a gap, got " + report.evidence()));
        assertThat(gap.source()).isEqualTo(fake.kind());
        assertThat(gap.reason()).as("reason (detail: %s)", gap.detail()).isEqualTo(expected.reason().orElseThrow());
        assertThat(gap.httpStatus()).as("status (detail: %s)", gap.detail()).isEqualTo(expected.status());
        assertThat(gap.detail()).as("a short, safe detail")
                .isNotBlank()
                .hasSizeLessThanOrEqualTo(200)
                .doesNotContain("\n", "<html", "<body", "nginx");
        assertThat(Canary.foundIn(gap.detail())).as("credentials in the gap").isEmpty();
        assertThat(report.apiCalls()).as("every attempt on the main endpoint counted")
                .isBetween(fake.primaryHits(), fake.primaryHits() + fake.secondaryRequestsAtMost());
    }

    /**
     * The vendor asked for 1 s; the backoff alone would retry after ~1 ms (and never wait past its 200 ms cap), so
     * a retry a second later shows the vendor's Retry-After was read and waited for as asked. A source sending
     * several queries at once (X-Ray's time slices) retries each on its own: the wait is read within one query.
     */
    private static void assertRetryAfterWasWaitedFor(VendorFake fake) {
        List<RecordingServer.Hit> hits = fake.server.hits(fake.primaryPath());
        assertThat(hits).hasSizeGreaterThanOrEqualTo(2);
        Map<String, List<RecordingServer.Hit>> byQuery = hits.stream()
                .collect(Collectors.groupingBy(fake::queryOf, LinkedHashMap::new, Collectors.toList()));
        Duration longestFirstWait = byQuery.values().stream()
                .filter(query -> query.size() >= 2)
                .map(query -> Duration.ofNanos(query.get(1).nanoTime() - query.get(0).nanoTime()))
                .max(Duration::compareTo)
                .orElseThrow(() -> new AssertionError("no query was asked twice"));
        assertThat(longestFirstWait).as("wait after the 429 asking for 1 s").isGreaterThanOrEqualTo(Duration.ofMillis(980));
    }
}
