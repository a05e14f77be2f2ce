package dev.investigator.alert;

import static dev.investigator.alert.AlertFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyAlertParserTest {

    private final PagerDutyAlertParser parser = new PagerDutyAlertParser();

    @Test
    void fieldsAsLegacyAttachmentFieldsAreReadToo() {
        AlertPost post = inline("""
                {"bot_id": "B0PAGERDT1", "bot_profile": {"name": "PagerDuty"},
                 "attachments": [{"title": "Triggered: #981 Search latency above 2s",
                   "title_link": "https://acme.pagerduty.com/incidents/PABC123",
                   "fields": [{"title": "Service", "value": "search"}, {"title": "Urgency", "value": "low"}]}]}
                """);

        Alert alert = parser.parse(post).orElseThrow();

        assertThat(alert.state()).isEqualTo(AlertState.FIRING);
        assertThat(alert.tagValues("service")).containsExactly("search");
        assertThat(alert.severity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(alert.key()).isEqualTo("incident:PABC123");
        assertThat(alert.title()).isEqualTo("Search latency above 2s");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Priority: P1 \\nUrgency: Low  | CRITICAL
            Priority: P3                  | WARNING
            Urgency: High                 | CRITICAL
            Urgency: Low                  | WARNING
            Assigned: someone             | UNKNOWN
            """)
    void priorityWinsOverUrgency(String lines, AlertSeverity severity) {
        AlertPost post = inline("""
                {"bot_id": "B0PAGERDT1", "bot_profile": {"name": "PagerDuty"},
                 "text": "Triggered <https://acme.pagerduty.com/incidents/PX1|#5 Disk full>\\n%s"}
                """.formatted(lines.strip()));

        assertThat(parser.parse(post).orElseThrow().severity()).isEqualTo(severity);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            Acknowledged
            Escalated
            Reassigned
            Annotated
            """)
    void updatesToAnIncidentAreNotAlerts(String status) {
        AlertPost post = inline("""
                {"bot_id": "B0PAGERDT1", "bot_profile": {"name": "PagerDuty"},
                 "text": "%s <https://acme.pagerduty.com/incidents/PX1|#5 Disk full>"}
                """.formatted(status));

        assertThat(parser.parse(post)).isEmpty();
    }

    @Test
    void aReopenedIncidentFiresAgain() {
        AlertPost post = inline("""
                {"bot_id": "B0PAGERDT1", "bot_profile": {"name": "PagerDuty"},
                 "text": "Reopened <https://acme.pagerduty.com/incidents/PX1|#5 Disk full>"}
                """);

        assertThat(parser.parse(post).orElseThrow().state()).isEqualTo(AlertState.FIRING);
    }

    @Test
    void withoutAnIncidentLinkTheNumberIsTheKeyButOnlyFromPagerDutyItself() {
        AlertPost fromPagerDuty = inline("""
                {"bot_id": "B0PAGERDT1", "bot_profile": {"name": "PagerDuty"}, "text": "Triggered #77: Disk full on db-1"}
                """);
        AlertPost fromAnotherBot = inline("""
                {"bot_id": "B0OTHER001", "bot_profile": {"name": "Jira"}, "text": "Triggered #77: Disk full on db-1"}
                """);

        assertThat(parser.parse(fromPagerDuty).orElseThrow().key()).isEqualTo("number:77");
        assertThat(parser.parse(fromAnotherBot)).isEmpty();
    }
}
