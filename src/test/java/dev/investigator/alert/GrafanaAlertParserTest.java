package dev.investigator.alert;

import static dev.investigator.alert.AlertFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrafanaAlertParserTest {

    private static final String ICON = "https://grafana.com/static/assets/img/fav32.png";
    private final GrafanaAlertParser parser = new GrafanaAlertParser();

    private static AlertPost post(String title, String text) {
        return inline("""
                {"subtype": "bot_message", "bot_id": "B0GRAFANA1", "username": "Grafana",
                 "attachments": [{"title": "%s", "title_link": "https://grafana.example.com/alerting/list", "text": "%s",
                                  "footer": "Grafana v11.6.0", "footer_icon": "%s", "ts": 1776161380}]}
                """.formatted(title, text.replace("\n", "\\n"), ICON));
    }

    @Test
    void aMixedGroupFiresAndReadsOnlyTheFiringAlerts() {
        String text = """
                **Firing**

                Value: A=9
                Labels:
                 - alertname = QueueBacklog
                 - service = inventory
                Annotations:
                Source: https://grafana.example.com/alerting/grafana/q1/view

                **Resolved**

                Value: A=0
                Labels:
                 - alertname = QueueBacklog
                 - service = search
                Annotations:
                Source: https://grafana.example.com/alerting/grafana/q1/view
                """;

        Alert alert = parser.parse(post("[FIRING:1, RESOLVED:1] QueueBacklog", text)).orElseThrow();

        assertThat(alert.state()).isEqualTo(AlertState.FIRING);
        assertThat(alert.tagValues("service")).containsExactly("inventory");
        assertThat(alert.text()).doesNotContain("search");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            [Alerting] Checkout latency     | FIRING    | Checkout latency
            [OK] Checkout latency           | RECOVERED | Checkout latency
            [No Data] Checkout latency      | NO_DATA   | Checkout latency
            Prod: [FIRING:3] Checkout       | FIRING    | Prod: Checkout
            [RESOLVED] Checkout             | RECOVERED | Checkout
            """)
    void readsCustomPrefixedAndLegacyTitles(String title, AlertState state, String name) {
        Alert alert = parser.parse(post(title, "")).orElseThrow();

        assertThat(alert.state()).isEqualTo(state);
        assertThat(alert.title()).isEqualTo(name);
        assertThat(alert.key()).isEqualTo("title:" + name);
    }

    @Test
    void theRelativeTitleLinkOfAMisconfiguredRootUrlFallsBackToTheAlertSource() {
        AlertPost p = inline("""
                {"subtype": "bot_message", "bot_id": "B0GRAFANA1",
                 "attachments": [{"title": "[FIRING:1] X", "title_link": "?orgId=1", "footer_icon": "%s",
                   "text": "**Firing**\\n\\nValue: A=1\\nLabels:\\n - alertname = X\\nAnnotations:\\nSource: https://g.example.com/alerting/grafana/x/view\\n"}]}
                """.formatted(ICON));

        assertThat(parser.parse(p).orElseThrow().link()).hasValue("https://g.example.com/alerting/grafana/x/view");
    }

    @Test
    void aResolvedAlertEndsAtTheDashboardLinksEnd() {
        String text = "**Resolved**\n\nValue: A=0\nLabels:\n - alertname = X\nAnnotations:\n"
                + "Dashboard: https://g.example.com/d/u?from=1776157000000&orgId=1&to=1776161200000\n";

        Alert alert = parser.parse(post("[RESOLVED] X", text)).orElseThrow();

        assertThat(alert.firedAt()).isEqualTo(Instant.ofEpochSecond(1776161200));
    }

    @Test
    void anImplausibleDashboardTimeIsIgnoredForTheAttachmentTime() {
        String text = "**Firing**\n\nValue: A=1\nLabels:\n - alertname = X\nAnnotations:\n"
                + "Dashboard: https://g.example.com/d/u?from=1776999999000&orgId=1&to=1777000000000\n";

        Alert alert = parser.parse(post("[FIRING:1] X", text)).orElseThrow();

        assertThat(alert.firedAt()).isEqualTo(Instant.ofEpochSecond(1776161380));
    }

    @Test
    void withoutGrafanasFingerprintOrABracketTitleItIsNotGrafana() {
        AlertPost someoneElse = inline("""
                {"bot_id": "B0OTHER001", "attachments": [{"title": "[FIRING:1] X", "footer": "Alertmanager"}]}
                """);

        assertThat(parser.parse(someoneElse)).isEmpty();
        assertThat(parser.parse(post("Weekly report", "all good"))).isEmpty();
    }
}
