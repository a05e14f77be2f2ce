package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.SourceKind;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each gap is named with its reason and what to do about it, for every source, in both languages. */
class GapWordingTest {

    private static Phrases phrases(Language language, Markup markup) {
        Messages messages = Messages.load(language);
        return new Phrases(messages, new Times(messages, Fixtures.TOKYO, Fixtures.WINDOW), markup);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyReasonOfEverySourceHasWords(Language language) {
        Phrases phrases = phrases(language, new FallbackMarkup());
        for (SourceKind source : SourceKind.values()) {
            for (GapReason reason : GapReason.values()) {
                Gap gap = new Gap(source, reason, OptionalInt.of(599), "detail text");
                String line = phrases.gapLine(gap, Duration.ofSeconds(15));
                assertThat(line).as("%s %s", source, reason)
                        .startsWith(source.displayName() + ": ")
                        .contains("(599)")
                        .endsWith("· detail text")
                        .doesNotContain("{");
                assertThat(phrases.gapReason(gap, Duration.ofSeconds(15))).isNotBlank();
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "SENTRY|AUTH_REJECTED|401|Sentry: token rejected (401) — check SENTRY_AUTH_TOKEN",
        "DATADOG|AUTH_REJECTED|401|Datadog: API key rejected (401) — check DD_API_KEY and DD_APP_KEY",
        "XRAY|FORBIDDEN|403|AWS X-Ray: access denied (403) — the role needs xray:GetTraceSummaries, xray:GetServiceGraph, xray:BatchGetTraces",
        "SENTRY|FORBIDDEN|403|Sentry: access denied (403) — the token needs the event:read and project:read scopes",
        "DATADOG|RATE_LIMITED|429|Datadog: rate-limited (429) after retries — re-run in a minute",
        "SENTRY|SERVER_ERROR|503|Sentry: server error (503) — the vendor may be having trouble: check its status page",
        "XRAY|NOT_FOUND|404|AWS X-Ray: not found (404) — check AWS_REGION and the X-Ray group in the catalog",
        "DATADOG|CLIENT_ERROR|400|Datadog: request rejected (400) — check this service's metric queries in the catalog",
        "DATADOG|TIMEOUT|504|Datadog: no answer within 15 s (504) — try a shorter window, or re-run"})
    void reasonsAndHintsWithStatus(SourceKind source, GapReason reason, int status, String expected) {
        Gap gap = Gap.http(source, reason, status, "");
        assertThat(phrases(Language.EN, new FallbackMarkup()).gapLine(gap, Duration.ofSeconds(15))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "DATADOG|TIMEOUT|Datadog: no answer within 15 s — try a shorter window, or re-run",
        "SENTRY|NETWORK|Sentry: could not connect — check SENTRY_URL and outbound network access",
        "XRAY|MALFORMED_RESPONSE|AWS X-Ray: unexpected response — the API answered in an unexpected shape: see the logs",
        "SENTRY|INTERNAL|Sentry: internal error — a bug in Investigator: see the logs"})
    void reasonsWithoutStatus(SourceKind source, GapReason reason, String expected) {
        Gap gap = Gap.of(source, reason, "");
        assertThat(phrases(Language.EN, new FallbackMarkup()).gapLine(gap, Duration.ofSeconds(15))).isEqualTo(expected);
    }

    @Test
    void timeoutWithoutAKnownDurationStillSaysTimeout() {
        Gap gap = Gap.of(SourceKind.XRAY, GapReason.TIMEOUT, "");
        assertThat(phrases(Language.EN, new FallbackMarkup()).gapLine(gap, Duration.ZERO))
                .isEqualTo("AWS X-Ray: no answer in time — try a shorter window, or re-run");
    }

    @Test
    void notConfiguredShowsItsDetail() {
        Gap gap = Gap.of(SourceKind.SENTRY, GapReason.NOT_CONFIGURED, "SENTRY_AUTH_TOKEN is not set");
        assertThat(phrases(Language.EN, new FallbackMarkup()).gapLine(gap, Duration.ZERO))
                .isEqualTo("Sentry: not configured · SENTRY_AUTH_TOKEN is not set");
        assertThat(phrases(Language.JA, new FallbackMarkup()).gapLine(gap, Duration.ZERO))
                .isEqualTo("Sentry: 未設定 · SENTRY_AUTH_TOKEN is not set");
    }

    @Test
    void japaneseWording() {
        Gap gap = Gap.http(SourceKind.SENTRY, GapReason.AUTH_REJECTED, 401, "HTTP 401 Unauthorized");
        assertThat(phrases(Language.JA, new FallbackMarkup()).gapLine(gap, Duration.ZERO))
                .isEqualTo("Sentry: トークンが拒否されました (401) — SENTRY_AUTH_TOKEN を確認してください · HTTP 401 Unauthorized");
    }

    @Test
    void detailIsShortEscapedAndOnOneLineInSlack() {
        String detail = "bad <input> & \"stuff\" `tick`\nsecond line " + "z".repeat(500);
        Gap gap = Gap.http(SourceKind.DATADOG, GapReason.CLIENT_ERROR, 400, detail);

        String line = phrases(Language.EN, new MrkdwnMarkup()).gapLine(gap, Duration.ZERO);

        String code = line.substring(line.indexOf('`'));
        assertThat(code).startsWith("`bad &lt;input&gt; &amp; \"stuff\" 'tick' second line zzz").endsWith("…`").doesNotContain("\n");
        // At most ~200 characters of the vendor's text, before escaping.
        assertThat(code.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").length()).isLessThanOrEqualTo(202);
        assertThat(line).startsWith("*Datadog*: request rejected (400)");
    }
}
