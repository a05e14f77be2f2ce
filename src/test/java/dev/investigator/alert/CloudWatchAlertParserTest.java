package dev.investigator.alert;

import static dev.investigator.alert.AlertFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudWatchAlertParserTest {

    private final CloudWatchAlertParser parser = new CloudWatchAlertParser();

    @Test
    void theSnsSubjectAloneIsEnough() {
        AlertPost post = inline("""
                {"bot_id": "B0AWSQDEV1", "bot_profile": {"name": "AWS Chatbot"},
                 "text": "ALARM: \\"payment-rds-connections\\" in Asia Pacific (Tokyo)"}
                """);

        Alert alert = parser.parse(post).orElseThrow();

        assertThat(alert.state()).isEqualTo(AlertState.FIRING);
        assertThat(alert.title()).isEqualTo("payment-rds-connections");
        assertThat(alert.key()).isEqualTo("alarm:payment-rds-connections");
        assertThat(alert.link()).isEmpty();
        assertThat(alert.firedAt()).isEqualTo(Instant.parse("2026-04-14T10:09:50.000100Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            State change: OK -> ALARM        | FIRING
            OK → ALARM                       | FIRING
            ALARM -> OK                      | RECOVERED
            *State:* INSUFFICIENT_DATA       | NO_DATA
            New state: OK                    | RECOVERED
            """)
    void theStateIsReadFromStateLines(String line, AlertState state) {
        AlertPost post = inline("""
                {"bot_id": "B0AWSQDEV1", "bot_profile": {"name": "Amazon Q"},
                 "blocks": [{"type": "section", "text": {"type": "mrkdwn",
                   "text": "<https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#alarmsV2:alarm/checkout%%20p99%%20%%3E%%201s|checkout p99 alarm>\\n%s"}}]}
                """.formatted(line));

        Alert alert = parser.parse(post).orElseThrow();

        assertThat(alert.state()).isEqualTo(state);
        assertThat(alert.title()).isEqualTo("checkout p99 > 1s");
        assertThat(alert.tagValues("region")).containsExactly("ap-northeast-1");
    }

    @Test
    void aRegionCodeWithoutALinkBuildsTheConsoleLink() {
        AlertPost post = inline("""
                {"bot_id": "B0AWSQDEV1", "bot_profile": {"name": "AWS Chatbot"},
                 "text": "CloudWatch Alarm | inventory queue depth | ap-northeast-1 | Account: 123456789012\\nState: ALARM"}
                """);

        Alert alert = parser.parse(post).orElseThrow();

        assertThat(alert.title()).isEqualTo("inventory queue depth");
        assertThat(alert.link()).hasValue(
                "https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#alarmsV2:alarm/inventory%20queue%20depth");
        assertThat(alert.tagValues("account")).containsExactly("123456789012");
    }

    @Test
    void anAlarmStatePostedByAnythingButAwsIsNotACloudWatchAlert() {
        AlertPost post = inline("""
                {"bot_id": "B0OTHER001", "bot_profile": {"name": "Opsgenie"},
                 "text": "ALARM: \\"payment-rds-connections\\" in Asia Pacific (Tokyo)"}
                """);

        assertThat(parser.parse(post)).isEmpty();
    }

    @Test
    void anAwsPostWithoutAlarmNameOrStateIsNotAnAlert() {
        AlertPost post = inline("""
                {"bot_id": "B0AWSQDEV1", "bot_profile": {"name": "AWS Chatbot"},
                 "text": "CloudWatch Logs Insights query finished: 12 rows"}
                """);

        assertThat(parser.parse(post)).isEmpty();
    }
}
