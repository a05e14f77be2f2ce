package dev.investigator.alert;

import static dev.investigator.alert.AlertFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentryAlertParserTest {

    private final SentryAlertParser parser = new SentryAlertParser();

    private static AlertPost issue(String emoji, String extraBlocks) {
        return inline("""
                {"bot_id": "B0SENTRY01", "bot_profile": {"name": "Sentry"},
                 "text": "[checkout-api] TimeoutError",
                 "blocks": [{"type": "section", "block_id": "{\\"issue\\":77,\\"rule\\":3}",
                             "text": {"type": "mrkdwn", "text": "%s <https://acme.sentry.io/issues/77/?referrer=slack&amp;alert_rule_id=3|*TimeoutError: upstream &lt;payment&gt;*>"}}%s]}
                """.formatted(emoji, extraBlocks));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            ':red_circle:', FIRING, ERROR
            ':large_yellow_circle:', FIRING, WARNING
            ':large_blue_circle: :chart_with_upwards_trend:', FIRING, INFO
            ':bug:', FIRING, INFO
            ':white_circle:', RECOVERED, UNKNOWN
            """)
    void theTitleEmojiGivesTheLevel(String emoji, AlertState state, AlertSeverity severity) {
        Alert alert = parser.parse(issue(emoji, "")).orElseThrow();

        assertThat(alert.state()).isEqualTo(state);
        assertThat(alert.severity()).isEqualTo(severity);
        assertThat(alert.title()).isEqualTo("TimeoutError: upstream <payment>");
        assertThat(alert.key()).isEqualTo("issue:77");
        assertThat(alert.tags()).contains("project:checkout-api");
    }

    @Test
    void aLevelTagBeatsTheEmojiAndTheTagsBlockIsReadInEitherBlockIdStyle() {
        Alert alert = parser.parse(issue(":red_circle:", """
                ,{"type": "section", "block_id": "tags_issue_77_rule_3",
                  "text": {"type": "mrkdwn", "text": "level: `fatal`  app: `checkout`  "}}""")).orElseThrow();

        assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(alert.tagValues("app")).containsExactly("checkout");
    }

    @Test
    void anOlderPostsDateContextGivesTheTime() {
        Alert alert = parser.parse(issue(":red_circle:", """
                ,{"type": "context", "elements": [{"type": "mrkdwn",
                  "text": "<!date^1776160800^{date_pretty} at {time}|Sentry Issue>"}]}""")).orElseThrow();

        assertThat(alert.firedAt()).isEqualTo(Instant.ofEpochSecond(1776160800));
    }

    @Test
    void anIssueLinkWithoutTheJsonBlockIdStillCountsWhenSentryPostedIt() {
        AlertPost post = inline("""
                {"bot_id": "B0SENTRY01", "bot_profile": {"name": "Sentry"},
                 "blocks": [{"type": "section", "text": {"type": "mrkdwn",
                   "text": ":red_circle: <https://sentry.example.com/organizations/acme/issues/991/events/abc/?referrer=slack|*KeyError*>"}}]}
                """);

        assertThat(parser.parse(post).orElseThrow().key()).isEqualTo("issue:991");
    }

    @Test
    void sentryLinksPastedByAnotherAppAreNotSentryAlerts() {
        AlertPost post = inline("""
                {"bot_id": "B0OTHER001", "bot_profile": {"name": "Linear"},
                 "blocks": [{"type": "section", "text": {"type": "mrkdwn",
                   "text": "Linked <https://sentry.example.com/organizations/acme/issues/991/|*KeyError*> to ENG-12"}}]}
                """);

        assertThat(parser.parse(post)).isEmpty();
    }
}
