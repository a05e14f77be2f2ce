package dev.investigator.source.sentry;

import static dev.investigator.model.IssueFlag.NEW;
import static dev.investigator.model.IssueFlag.REGRESSED;
import static dev.investigator.model.IssueFlag.SPIKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.GapReason;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.SourceFailure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentryTranslatorTest {

    /** [05:00, 05:30) on 2026-11-20; the 24h stats run hourly from 2026-11-19T06:00Z to 2026-11-20T05:00Z. */
    static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-20T05:00:00Z"),
            Instant.parse("2026-11-20T05:30:00Z"));
    static final long FIRST_BUCKET = Instant.parse("2026-11-19T06:00:00Z").getEpochSecond();

    private final SentryTranslator translator = new SentryTranslator();

    /** 23 buckets wholly before the window, each with {@code perHour}, then the window's own bucket. */
    static Map<String, List<List<Long>>> stats(long perHour, long windowBucket) {
        List<List<Long>> buckets = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            buckets.add(List.of(FIRST_BUCKET + 3600L * i, perHour));
        }
        buckets.add(List.of(FIRST_BUCKET + 3600L * 23, windowBucket));
        return Map.of("24h", buckets);
    }

    static IssueDto issue(String id, String firstSeen, String substatus, String count,
            Map<String, List<List<Long>>> stats) {
        return new IssueDto(id, "CHECKOUT-" + id, "Boom " + id, "app.views in handler", "error", "unresolved",
                substatus, count, 3L, firstSeen, "2026-11-20T05:29:00Z", "https://acme.sentry.io/issues/" + id + "/",
                new IssueDto.ProjectRef("4508123456789012", "checkout"), null, null, stats);
    }

    static Stream<Arguments> flagCases() {
        String old = "2026-06-01T00:00:00Z";
        return Stream.of(
                // name, firstSeen, substatus, count, stats, flags, eventsBefore
                Arguments.of("steady old issue", old, "ongoing", "95", stats(190, 95), Set.of(), 95L),
                Arguments.of("first seen at window start is new", "2026-11-20T05:00:00Z", "new", "4", stats(0, 4),
                        Set.of(NEW), 0L),
                Arguments.of("first seen at window end is not new (half-open)", "2026-11-20T05:30:00Z", "new", "4",
                        stats(0, 4), Set.of(), 0L),
                Arguments.of("first seen just before the window is not new", "2026-11-20T04:59:59Z", "ongoing", "4",
                        stats(0, 4), Set.of(), 0L),
                Arguments.of("new with many events and a zero baseline also spikes", "2026-11-20T05:02:11Z", "new",
                        "412", stats(0, 412), Set.of(NEW, SPIKING), 0L),
                Arguments.of("regressed by substatus", old, "regressed", "57", stats(30, 57), Set.of(REGRESSED), 15L),
                Arguments.of("escalating by substatus, even with few events", old, "escalating", "8", stats(1, 8),
                        Set.of(SPIKING), 1L),
                Arguments.of("exactly 5x the rate spikes", old, "ongoing", "30", stats(12, 30), Set.of(SPIKING), 6L),
                Arguments.of("just under 5x does not spike", old, "ongoing", "29", stats(12, 29), Set.of(), 6L),
                Arguments.of("5x but fewer than 10 events does not spike", old, "ongoing", "9", stats(0, 9), Set.of(),
                        0L),
                Arguments.of("no stats: rate unknown, no spike by rate", old, "ongoing", "500", Map.of(), Set.of(),
                        -1L),
                Arguments.of("only the window's own bucket: rate unknown", old, "ongoing", "500",
                        Map.of("24h", List.of(List.of(FIRST_BUCKET + 3600L * 23, 500L))), Set.of(), -1L),
                Arguments.of("substatus absent", old, null, "5", stats(10, 5), Set.of(), 5L),
                Arguments.of("regressed and spiking together", old, "regressed", "200", stats(2, 200),
                        Set.of(REGRESSED, SPIKING), 1L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flagCases")
    void flagsAndPreWindowCount(String name, String firstSeen, String substatus, String count,
            Map<String, List<List<Long>>> stats, Set<IssueFlag> flags, long eventsBefore) {
        ErrorIssue issue = translator.translate(issue("1", firstSeen, substatus, count, stats), WINDOW);

        assertThat(issue.flags()).as(name).isEqualTo(flags);
        assertThat(issue.eventsBefore()).as(name).isEqualTo(eventsBefore);
        assertThat(issue.eventsInWindow()).isEqualTo(Long.parseLong(count));
    }

    @Test
    void preWindowRateIsScaledToTheWindowLengthAndRounded() {
        // 23 buckets x 7 = 161 events over 23 h; a 30-minute window expects 3.5 -> 4
        assertThat(translator.translate(issue("1", "2026-06-01T00:00:00Z", "ongoing", "1", stats(7, 1)), WINDOW)
                .eventsBefore()).isEqualTo(4);
        // a 2-hour window [03:00, 05:00): only the 21 buckets ending by 03:00 count; 21 x 7 over 21 h -> 14
        TimeWindow twoHours = new TimeWindow(Instant.parse("2026-11-20T03:00:00Z"), Instant.parse("2026-11-20T05:00:00Z"));
        assertThat(SentryTranslator.preWindow(stats(7, 1), twoHours, "1")).isEqualTo(new SentryTranslator.PreWindow(147, 21));
        assertThat(translator.translate(issue("1", "2026-06-01T00:00:00Z", "ongoing", "1", stats(7, 1)), twoHours)
                .eventsBefore()).isEqualTo(14);
    }

    @Test
    void translatesTheRealFixtureFieldByField() throws Exception {
        List<IssueDto> page = new ObjectMapper().readValue(FakeSentry.fixture("org_issues_page1.json"),
                new TypeReference<List<IssueDto>>() {
                });

        ErrorIssue gateway = translator.translate(page.get(0), WINDOW);

        assertThat(gateway.id()).isEqualTo("6051234001");
        assertThat(gateway.shortId()).isEqualTo("CHECKOUT-1F3");
        assertThat(gateway.title()).isEqualTo("PaymentGatewayTimeout: POST /v1/charges timed out after 10000ms");
        assertThat(gateway.culprit()).isEqualTo("app.payment.client in charge");
        assertThat(gateway.level()).isEqualTo("error");
        assertThat(gateway.project()).isEqualTo("checkout");
        assertThat(gateway.firstSeen()).isEqualTo(Instant.parse("2026-11-20T05:02:11Z"));
        assertThat(gateway.lastSeen()).isEqualTo(Instant.parse("2026-11-20T05:29:40Z"));
        assertThat(gateway.eventsInWindow()).isEqualTo(412);
        assertThat(gateway.userCount()).isEqualTo(287);
        assertThat(gateway.firstRelease()).isEqualTo("checkout@2026.11.20-1");
        assertThat(gateway.permalink()).isEqualTo("https://acme.sentry.io/issues/6051234001/");
        // "firstRelease": null and an absent firstRelease both become ""
        assertThat(translator.translate(page.get(1), WINDOW).firstRelease()).isEmpty();
        assertThat(translator.translate(page.get(2), WINDOW).firstRelease()).isEmpty();
    }

    @Test
    void titleFallsBackToMetadataTitle() {
        IssueDto bare = new IssueDto("7", "CHECKOUT-7", "", null, null, "unresolved", "ongoing", "2", null,
                "2026-06-01T00:00:00Z", "2026-11-20T05:01:00Z", null, null,
                new IssueDto.Metadata("TypeError: cannot read 'id' of undefined"), null, null);

        ErrorIssue issue = translator.translate(bare, WINDOW);

        assertThat(issue.title()).isEqualTo("TypeError: cannot read 'id' of undefined");
        assertThat(issue.userCount()).isZero();
        assertThat(issue.project()).isEmpty();
        assertThat(issue.eventsBefore()).isEqualTo(-1);
    }

    @Test
    void acceptsFractionalSecondsAndOffsets() {
        IssueDto issue = new IssueDto("8", null, "x", null, null, null, null, "1", 0L,
                "2026-11-20T05:10:00.222387Z", "2026-11-20T14:20:00+09:00", null, null, null, null, null);

        ErrorIssue translated = translator.translate(issue, WINDOW);

        assertThat(translated.firstSeen()).isEqualTo(Instant.parse("2026-11-20T05:10:00.222387Z"));
        assertThat(translated.lastSeen()).isEqualTo(Instant.parse("2026-11-20T05:20:00Z"));
        assertThat(translated.has(NEW)).isTrue();
    }

    @Test
    void sortsNewThenRegressedThenSpikingThenByEventsInTheWindow() {
        String old = "2026-06-01T00:00:00Z";
        List<IssueDto> issues = List.of(
                issue("steady-big", old, "ongoing", "900", stats(2000, 900)),
                issue("spiking-small", old, "escalating", "3", stats(1, 3)),
                issue("new", "2026-11-20T05:10:00Z", "new", "2", stats(0, 2)),
                issue("spiking-big", old, "ongoing", "300", stats(1, 300)),
                issue("regressed", old, "regressed", "1", stats(1, 1)),
                issue("steady-small", old, "ongoing", "5", stats(100, 5)));

        List<ErrorIssue> sorted = translator.translate(issues, WINDOW);

        assertThat(sorted).extracting(ErrorIssue::id).containsExactly(
                "new", "regressed", "spiking-big", "spiking-small", "steady-big", "steady-small");
    }

    static Stream<Arguments> malformedIssues() {
        String t = "2026-06-01T00:00:00Z";
        return Stream.of(
                Arguments.of(issue(null, t, "ongoing", "1", null), "without an id"),
                Arguments.of(issue("9", null, "ongoing", "1", null), "firstSeen is missing"),
                Arguments.of(issue("9", "yesterday", "ongoing", "1", null), "firstSeen is not an ISO-8601 time"),
                Arguments.of(issue("9", t, "ongoing", "many", null), "count is not a number"),
                Arguments.of(issue("9", t, "ongoing", null, null), "count is missing"),
                Arguments.of(issue("9", t, "ongoing", "-3", null), "count is negative"),
                Arguments.of(issue("9", t, "ongoing", "1", Map.of("24h", List.of(List.of(FIRST_BUCKET)))),
                        "stats bucket is not [epoch_s, n]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedIssues")
    void wrongShapedIssueIsMalformed(IssueDto issue, String message) {
        assertThatThrownBy(() -> translator.translate(issue, WINDOW))
                .isInstanceOfSatisfying(SourceFailure.class,
                        f -> assertThat(f.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE))
                .hasMessageContaining(message);
    }
}
