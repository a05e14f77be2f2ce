package dev.investigator.alert;

import static dev.investigator.alert.AlertFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatadogAlertParserTest {

    private final DatadogAlertParser parser = new DatadogAlertParser();

    private static AlertPost titled(String title) {
        return inline("""
                {"bot_id": "B0DATADOG1", "bot_profile": {"name": "Datadog"},
                 "attachments": [{"title": "%s", "title_link": "https://app.datadoghq.com/monitors/777?group=host%%3Aweb-1",
                                  "text": "something happened"}]}
                """.formatted(title.replace("\"", "\\\"")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [Triggered] Disk almost full                     | FIRING    | ERROR
            [Re-Triggered] Disk almost full                  | FIRING    | ERROR
            [Triggered on {host:web-1}] Disk almost full     | FIRING    | ERROR
            [P1] [Triggered on {host:web-1}] Disk almost full| FIRING    | CRITICAL
            [P3] [Triggered] Disk almost full                | FIRING    | WARNING
            [P4] [Triggered] Disk almost full                | FIRING    | INFO
            [Warn] Disk almost full                          | WARNING   | WARNING
            [P1] [Warn on {host:web-1}] Disk almost full     | WARNING   | WARNING
            [No Data] Disk almost full                       | NO_DATA   | WARNING
            [P1] [No Data on {host:web-1}] Disk almost full  | NO_DATA   | CRITICAL
            [Recovered] Disk almost full                     | RECOVERED | UNKNOWN
            [Warn Recovered on {host:web-1}] Disk almost full| RECOVERED | UNKNOWN
            [No Data Recovered] Disk almost full             | RECOVERED | UNKNOWN
            [triggered] Disk almost full                     | FIRING    | ERROR
            """)
    void readsTheTransitionAndPriority(String title, AlertState state, AlertSeverity severity) {
        Alert alert = parser.parse(titled(title)).orElseThrow();

        assertThat(alert.state()).isEqualTo(state);
        assertThat(alert.severity()).isEqualTo(severity);
        assertThat(alert.title()).isEqualTo("Disk almost full");
    }

    @Test
    void theGroupComesFromTheTitleScopeOrElseTheMonitorLink() {
        Alert scoped = parser.parse(titled("[Triggered on {host:web-1,service:checkout}] Disk almost full")).orElseThrow();
        Alert linkOnly = parser.parse(titled("[Triggered] Disk almost full")).orElseThrow();

        assertThat(scoped.key()).isEqualTo("monitor:777|host:web-1,service:checkout");
        assertThat(scoped.tags()).containsExactly("host:web-1", "service:checkout");
        assertThat(linkOnly.key()).isEqualTo("monitor:777|host:web-1");
    }

    @Test
    void findsTheTitleInBlocksAndTheOldHashMonitorLink() {
        AlertPost post = inline("""
                {"bot_id": "B0DATADOG1", "bot_profile": {"name": "Datadog"},
                 "blocks": [{"type": "section", "text": {"type": "mrkdwn",
                   "text": "*<https://app.datadoghq.eu/monitors#4242?group=service%3Asearch|[Triggered on {service:search}] Search 5xx>*"}}]}
                """);

        Alert alert = parser.parse(post).orElseThrow();

        assertThat(alert.title()).isEqualTo("Search 5xx");
        assertThat(alert.key()).isEqualTo("monitor:4242|service:search");
        assertThat(alert.link()).hasValue("https://app.datadoghq.eu/monitors#4242?group=service%3Asearch");
    }

    @Test
    void tagsShownAsAFieldAreRead() {
        AlertPost post = inline("""
                {"bot_id": "B0DATADOG1", "bot_profile": {"name": "Datadog"},
                 "attachments": [{"title": "[Triggered] Queue backlog", "title_link": "https://app.datadoghq.com/monitors/9",
                                  "fields": [{"title": "Tags", "value": "kube_service:inventory,env:prod"}]}]}
                """);

        assertThat(parser.parse(post).orElseThrow().tags()).contains("kube_service:inventory", "env:prod");
    }

    @Test
    void aTitleFromAnotherSourceOrAnUnknownBracketWordIsNotADatadogAlert() {
        AlertPost otherBot = inline("""
                {"bot_id": "B0OTHER001", "bot_profile": {"name": "Statuspage"},
                 "attachments": [{"title": "[Triggered] Disk almost full", "title_link": "https://status.example.com/1"}]}
                """);

        assertThat(parser.parse(otherBot)).isEmpty();
        assertThat(parser.parse(titled("[Muted] Disk almost full"))).isEmpty();
        assertThat(parser.parse(titled("Disk almost full"))).isEmpty();
    }

    @Test
    void withoutAMonitorLinkTheKeyIsTheTitleAndScope() {
        AlertPost post = inline("""
                {"bot_id": "B0DATADOG1", "bot_profile": {"name": "Datadog"},
                 "attachments": [{"title": "[Triggered on {service:payment}] Payment errors"}]}
                """);

        Alert alert = parser.parse(post).orElseThrow();

        assertThat(alert.key()).isEqualTo("title:Payment errors|service:payment");
        assertThat(alert.link()).isEqualTo(Optional.empty());
    }
}
