package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.GapReason;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.SourceFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.model.TraceSummary;

class SummarySlicesTest {

    private static final Instant TO = Instant.parse("2026-03-10T05:30:00Z");
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T05:31:00Z"), ZoneOffset.UTC);
    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    // --- split ------------------------------------------------------------------------------------------------

    @Test
    void thirtyMinutesAndLessAreTwoHalves() {
        assertThat(SummarySlices.split(last(Duration.ofMinutes(30)), 5)).containsExactly(
                new TimeWindow(Instant.parse("2026-03-10T05:00:00Z"), Instant.parse("2026-03-10T05:15:00Z")),
                new TimeWindow(Instant.parse("2026-03-10T05:15:00Z"), TO));
        assertThat(SummarySlices.split(last(Duration.ofMinutes(10)), 5)).hasSize(2);
    }

    @Test
    void longerWindowsAreThreeUpToTwoHoursThenFour() {
        assertThat(SummarySlices.split(last(Duration.ofMinutes(31)), 5)).hasSize(3);
        assertThat(SummarySlices.split(last(Duration.ofHours(2)), 5)).hasSize(3);
        assertThat(SummarySlices.split(last(Duration.ofHours(6)), 5)).hasSize(4)
                .extracting(TimeWindow::length).containsOnly(Duration.ofMinutes(90));
        assertThat(SummarySlices.split(last(Duration.ofHours(24)), 10)).hasSize(SummarySlices.MAX_SLICES);
    }

    @Test
    void neverMoreSlicesThanThePageBoundHasFirstPages() {
        assertThat(SummarySlices.split(last(Duration.ofHours(24)), 3)).hasSize(3);
        assertThat(SummarySlices.split(last(Duration.ofMinutes(30)), 1)).containsExactly(last(Duration.ofMinutes(30)));
    }

    @Test
    void slicesAreContiguousCoverTheWindowAndSplitOnWholeSeconds() {
        TimeWindow odd = new TimeWindow(Instant.parse("2026-03-10T05:00:00.250Z"), Instant.parse("2026-03-10T06:07:13.900Z"));

        List<TimeWindow> slices = SummarySlices.split(odd, 5);

        assertThat(slices).hasSize(3);
        assertThat(slices.get(0).from()).isEqualTo(odd.from());
        assertThat(slices.get(2).to()).isEqualTo(odd.to());
        for (int i = 1; i < slices.size(); i++) {
            assertThat(slices.get(i).from()).isEqualTo(slices.get(i - 1).to());
            assertThat(slices.get(i).from().getNano()).isZero();
        }
    }

    @Test
    void aWindowTooShortToSplitOnASecondStaysWhole() {
        TimeWindow oneSecond = new TimeWindow(Instant.parse("2026-03-10T05:00:00Z"), Instant.parse("2026-03-10T05:00:01Z"));

        assertThat(SummarySlices.split(oneSecond, 5)).containsExactly(oneSecond);
    }

    // --- merge and the page budget ------------------------------------------------------------------------------

    @Test
    void mergeKeepsSliceOrderAndEachTraceOnce() {
        SummaryPages newer = new SummaryPages(List.of(trace("1-b"), trace("1-a")), false);
        SummaryPages older = new SummaryPages(List.of(trace("1-a"), trace("1-z")), false);

        SummaryPages merged = SummarySlices.merge(List.of(newer, older), false);

        assertThat(merged.traces()).extracting(TraceSummary::id).containsExactly("1-b", "1-a", "1-z");
        assertThat(merged.truncated()).isFalse();
    }

    @Test
    void mergeIsTruncatedWhenAnySliceIsOrOneIsMissing() {
        SummaryPages whole = new SummaryPages(List.of(trace("1-a")), false);
        SummaryPages cut = new SummaryPages(List.of(trace("1-b")), true);

        assertThat(SummarySlices.merge(List.of(whole, cut), false).truncated()).isTrue();
        assertThat(SummarySlices.merge(List.of(whole), true).truncated()).isTrue();
    }

    @Test
    void theBudgetSetsAsideOneFirstPagePerSliceAndSplitsTheRestTheSameWayEveryTime() {
        List<PageBudget> shares = PageBudget.shares(5, 2);
        assertThat(shares).extracting(share -> IntStream.range(0, 10).filter(i -> share.takeLaterPage()).count())
                .as("oldest first: 3 later pages in all, the odd one to the newest slice").containsExactly(1L, 2L);
        assertThat(PageBudget.shares(5, 3)).extracting(share -> IntStream.range(0, 10).filter(i -> share.takeLaterPage()).count())
                .containsExactly(0L, 1L, 1L);
        PageBudget alone = PageBudget.single(5);
        assertThat(IntStream.range(0, 10).filter(i -> alone.takeLaterPage()).count()).isEqualTo(4);
        assertThat(PageBudget.shares(2, 2).get(1).takeLaterPage()).isFalse();
        assertThatThrownBy(() -> PageBudget.shares(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- collect ----------------------------------------------------------------------------------------------

    @Test
    void theNewestSliceRunsOnTheCallingThreadAndTheOthersOnTheExecutor() {
        List<TimeWindow> slices = SummarySlices.split(last(Duration.ofHours(6)), 5);
        Map<TimeWindow, String> threads = new ConcurrentHashMap<>();

        SummaryPages pages = new SummarySlices(pool).collect(slices, 5, deadline(Duration.ofSeconds(5)), (slice, budget) -> {
            threads.put(slice, Thread.currentThread().getName());
            return new SummaryPages(List.of(trace("1-" + slice.from())), false);
        });

        assertThat(threads.get(slices.get(3))).isEqualTo(Thread.currentThread().getName());
        assertThat(slices.subList(0, 3)).allSatisfy(s -> assertThat(threads.get(s)).startsWith("pool-"));
        assertThat(pages.traces()).extracting(TraceSummary::id).as("newest first").containsExactly(
                "1-" + slices.get(3).from(), "1-" + slices.get(2).from(), "1-" + slices.get(1).from(), "1-" + slices.get(0).from());
        assertThat(pages.truncated()).isFalse();
    }

    @Test
    void aSliceStillQueuedAtTheDeadlineIsLeftOutAndTheRestIsTruncated() {
        List<TimeWindow> slices = SummarySlices.split(last(Duration.ofMinutes(30)), 5);
        SummarySlices saturated = new SummarySlices(task -> { }); // never runs what it is given

        SummaryPages pages = saturated.collect(slices, 5, deadline(Duration.ofMillis(50)),
                (slice, budget) -> new SummaryPages(List.of(trace("1-newest")), false));

        assertThat(pages.traces()).extracting(TraceSummary::id).containsExactly("1-newest");
        assertThat(pages.truncated()).isTrue();
    }

    @Test
    void whenNoSliceAnswersTheNewestSlicesFailureIsThrown() {
        List<TimeWindow> slices = SummarySlices.split(last(Duration.ofMinutes(30)), 5);

        SourceFailure failure = catchThrowableOfType(SourceFailure.class, () -> new SummarySlices(pool).collect(slices, 5,
                deadline(Duration.ofSeconds(5)), (slice, budget) -> {
                    throw slice.equals(slices.get(1)) ? SourceFailure.http(403, Optional.empty(), "newest")
                            : SourceFailure.of(GapReason.SERVER_ERROR, "older");
                }));

        assertThat(failure.reason()).isEqualTo(GapReason.FORBIDDEN);
        assertThat(failure.getMessage()).isEqualTo("newest");
    }

    private static TimeWindow last(Duration length) {
        return TimeWindow.ending(TO, length);
    }

    private Deadline deadline(Duration left) {
        return new Deadline(clock.instant().plus(left), clock);
    }

    private static TraceSummary trace(String id) {
        return TraceSummary.builder().id(id).build();
    }
}
