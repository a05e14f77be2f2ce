package dev.investigator.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.investigator.investigation.UserFacingException.Problem;
import dev.investigator.model.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryParserTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    /** 2026-11-20 14:20 JST. */
    private static final Instant NOW = Instant.parse("2026-11-20T05:20:00Z");

    private final QueryParser parser = new QueryParser(
            TestServices.catalog(TestServices.service("checkout"), TestServices.service("search"),
                    TestServices.service("payment", "payments", "pay")),
            TOKYO, Clock.fixed(NOW, TOKYO), Duration.ofMinutes(30));

    static Stream<Arguments> windows() {
        return Stream.of(
                Arguments.of("checkout", "2026-11-20T04:50:00Z", "2026-11-20T05:20:00Z"),
                Arguments.of("checkout 15m", "2026-11-20T05:05:00Z", "2026-11-20T05:20:00Z"),
                Arguments.of("checkout 2h", "2026-11-20T03:20:00Z", "2026-11-20T05:20:00Z"),
                Arguments.of("checkout 1d", "2026-11-19T05:20:00Z", "2026-11-20T05:20:00Z"),
                Arguments.of("CHECKOUT 90 min", "2026-11-20T03:50:00Z", "2026-11-20T05:20:00Z"),
                // Japanese: full-width digits, units, and a full-width space
                Arguments.of("checkout　３０分", "2026-11-20T04:50:00Z", "2026-11-20T05:20:00Z"),
                Arguments.of("checkout 2時間", "2026-11-20T03:20:00Z", "2026-11-20T05:20:00Z"),
                // absolute, in the team's zone
                Arguments.of("checkout 14:00-14:10", "2026-11-20T05:00:00Z", "2026-11-20T05:10:00Z"),
                Arguments.of("checkout 14:00 - 14:10", "2026-11-20T05:00:00Z", "2026-11-20T05:10:00Z"),
                Arguments.of("checkout 14:00～14:10", "2026-11-20T05:00:00Z", "2026-11-20T05:10:00Z"),
                Arguments.of("checkout １４：００〜１４：１０", "2026-11-20T05:00:00Z", "2026-11-20T05:10:00Z"),
                // an end after now is cut at now
                Arguments.of("checkout 14:00-14:30", "2026-11-20T05:00:00Z", "2026-11-20T05:20:00Z"),
                // a range later than now today means yesterday
                Arguments.of("checkout 16:00-16:30", "2026-11-19T07:00:00Z", "2026-11-19T07:30:00Z"),
                // crossing midnight
                Arguments.of("checkout 23:50-00:20", "2026-11-19T14:50:00Z", "2026-11-19T15:20:00Z"),
                Arguments.of("checkout 2026-11-18 14:00-15:10", "2026-11-18T05:00:00Z", "2026-11-18T06:10:00Z"),
                // aliases
                Arguments.of("pay 30m", "2026-11-20T04:50:00Z", "2026-11-20T05:20:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void parsesWindowsInTheTeamsZone(String input, String from, String to) {
        Command.Investigate cmd = (Command.Investigate) parser.parse(input);
        assertThat(cmd.window()).isEqualTo(new TimeWindow(Instant.parse(from), Instant.parse(to)));
    }

    @Test
    void aliasesResolveToTheServiceItself() {
        assertThat(((Command.Investigate) parser.parse("payments")).service().name()).isEqualTo("payment");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"help", "HELP", "--help", "ヘルプ", "?"})
    void helpWords(String input) {
        assertThat(parser.parse(input)).isInstanceOf(Command.Help.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"daily", "DAILY", "digest", "日次", "デイリー"})
    void dailyWords(String input) {
        assertThat(parser.parse(input)).isInstanceOf(Command.Daily.class);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"rotation", "duty", "当番", "ローテーション"})
    void rotationWords(String input) {
        assertThat(parser.parse(input)).isInstanceOf(Command.Rotation.class);
    }

    @Test
    void rotationChangesKeepOnlyCheckedIdsAndDates() {
        assertThat(parser.parse("rotation swap <@U0ALICE01|alice>")).isEqualTo(
                new Command.Rotation(java.util.Optional.of(new Command.Rotation.Swap("U0ALICE01", java.util.Optional.empty()))));
        assertThat(parser.parse("rotation swap <@U0ALICE01> 2026-11-25")).isEqualTo(new Command.Rotation(java.util.Optional.of(
                new Command.Rotation.Swap("U0ALICE01", java.util.Optional.of(java.time.LocalDate.of(2026, 11, 25))))));
        assertThat(parser.parse("当番 代理 <@U0BOB0001|bob> <@W0CAROL01|carol> 2026-11-25..2026-11-27")).isEqualTo(
                new Command.Rotation(java.util.Optional.of(new Command.Rotation.Cover("U0BOB0001", "W0CAROL01",
                        java.time.LocalDate.of(2026, 11, 25), java.time.LocalDate.of(2026, 11, 27)))));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "rotation swap", "rotation swap alice", "rotation swap <@U0ALICE01> tomorrow", "rotation cover <@U0A1> 2026-11-25",
        "rotation cover <@U0BOB0001> <@U0CAROL01> 2026-13-01", "rotation swap <@U0ALICE01|a> <@U0BOB0001|b>",
        "rotation delete everything", "rotation swap <!channel>"})
    void badRotationChangesAreUsageErrors(String input) {
        assertThatThrownBy(() -> parser.parse(input)).isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).problem()).isEqualTo(Problem.BAD_ROTATION_CHANGE);
    }

    @Test
    void aServiceNamedLikeAKeywordIsStillInvestigated() {
        QueryParser withDaily = new QueryParser(TestServices.catalog(TestServices.service("daily")), ZoneId.of("Asia/Tokyo"),
                Clock.fixed(Instant.parse("2026-11-20T06:00:00Z"), ZoneOffset.UTC), Duration.ofMinutes(30));
        assertThat(withDaily.parse("daily")).isInstanceOf(Command.Investigate.class);
        assertThatThrownBy(() -> parser.parse("daily 30m")).as("the keywords take no window")
                .isInstanceOf(UserFacingException.class);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of("", Problem.EMPTY),
                Arguments.of("   ", Problem.EMPTY),
                Arguments.of("chekout", Problem.UNKNOWN_SERVICE),
                Arguments.of("checkout 30x", Problem.BAD_WINDOW),
                Arguments.of("checkout 30m extra", Problem.BAD_WINDOW),
                Arguments.of("checkout 0m", Problem.WINDOW_TOO_SHORT),
                Arguments.of("checkout 8d", Problem.WINDOW_TOO_LONG),
                Arguments.of("checkout 99999m", Problem.WINDOW_TOO_LONG),
                Arguments.of("checkout 25:00-26:00", Problem.BAD_WINDOW),
                Arguments.of("checkout 2026-02-30 14:00-15:00", Problem.BAD_WINDOW),
                Arguments.of("checkout 2026-12-01 14:00-15:00", Problem.WINDOW_IN_FUTURE),
                Arguments.of("checkout x".repeat(40), Problem.TOO_LONG),
                Arguments.of("service:checkout OR *", Problem.UNKNOWN_SERVICE),
                Arguments.of("checkout\" OR 1=1 --", Problem.UNKNOWN_SERVICE));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("problems")
    void badInputIsAProblemNotAQuery(String input, Problem expected) {
        assertThatThrownBy(() -> parser.parse(input))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.problem()).isEqualTo(expected));
    }

    @Test
    void unknownServiceSuggestsTheClosestNames() {
        assertThatThrownBy(() -> parser.parse("chekout 30m"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.suggestions()).containsExactly("checkout");
                    assertThat(e.fragment()).isEqualTo("chekout");
                });
        assertThatThrownBy(() -> parser.parse("paymnt"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.suggestions()).first().isEqualTo("payment"));
        assertThatThrownBy(() -> parser.parse("zzzzzzzz"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.suggestions()).isEmpty());
    }

    @Test
    void echoedFragmentsAreShortAndFreeOfControlCharacters() {
        String hostile = "a\u0000b\u202ec" + "x".repeat(100);
        assertThatThrownBy(() -> parser.parse(hostile))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.fragment()).doesNotContain("\u0000", "\u202e");
                    assertThat(e.fragment().length()).isLessThanOrEqualTo(41);
                });
    }
}
