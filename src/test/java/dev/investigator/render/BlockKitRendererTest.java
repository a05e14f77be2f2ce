package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.investigator.model.Finding;
import dev.investigator.model.Investigation;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class BlockKitRendererTest {

    private final BlockKitRenderer renderer = new BlockKitRenderer(Messages.load(Language.EN), Fixtures.TOKYO);

    private static List<JsonNode> blocks(SlackMessage message) {
        return StreamSupport.stream(BlockKitJson.blocks(message).spliterator(), false).toList();
    }

    private static JsonNode actions(SlackMessage message) {
        return blocks(message).stream().filter(b -> b.path("type").asText().equals("actions")).findFirst().orElseThrow()
                .path("elements");
    }

    @Test
    void parentLeadsWithTheVerdict() {
        List<JsonNode> blocks = blocks(renderer.render(Fixtures.incidentDownstream()).parent());

        assertThat(blocks.get(0).path("type").asText()).isEqualTo("header");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("🔴 Incident — checkout");
        assertThat(blocks.get(1).path("elements").get(0).path("text").asText()).isEqualTo("14:00–14:30 JST (30 min) · prod");
        assertThat(blocks.get(2).path("fields").get(0).path("text").asText()).isEqualTo("🔴 *Error rate* 6.2% (baseline 0.3%, ×21)");
        assertThat(blocks.get(blocks.size() - 1).path("elements").get(0).path("text").asText())
                .isEqualTo("Investigated in 1.2 s · id inv-7f3a");
    }

    @Test
    void japaneseHeader() {
        SlackThread thread = new BlockKitRenderer(Messages.load(Language.JA), Fixtures.TOKYO).render(Fixtures.incidentDownstream());
        assertThat(blocks(thread.parent()).get(0).path("text").path("text").asText()).isEqualTo("🔴 障害 — checkout");
    }

    @Test
    void rerunButtonsCarryTheNextWindowAsCompactJson() throws Exception {
        Investigation investigation = Fixtures.incidentDownstream();
        JsonNode buttons = actions(renderer.render(investigation).parent());
        TimeWindow window = investigation.query().window();

        JsonNode wider = buttons.get(0);
        assertThat(wider.path("action_id").asText()).isEqualTo("investigate_rerun_wider");
        assertThat(wider.path("text").path("text").asText()).isEqualTo("Re-run ×2 window");
        assertThat(wider.path("value").asText()).isEqualTo("{\"service\":\"checkout\",\"from\":1795149000,\"to\":1795152600}");
        JsonNode value = BlockKitJson.MAPPER.readTree(wider.path("value").asText());
        assertThat(Instant.ofEpochSecond(value.path("from").asLong())).isEqualTo(window.widened().from());
        assertThat(Instant.ofEpochSecond(value.path("to").asLong())).isEqualTo(window.to());

        JsonNode previous = BlockKitJson.MAPPER.readTree(buttons.get(1).path("value").asText());
        assertThat(buttons.get(1).path("action_id").asText()).isEqualTo("investigate_rerun_previous");
        assertThat(Instant.ofEpochSecond(previous.path("from").asLong())).isEqualTo(window.previous().from());
        assertThat(Instant.ofEpochSecond(previous.path("to").asLong())).isEqualTo(window.from());
    }

    @Test
    void linkButtonsOnlyForSourcesWithALink() {
        JsonNode buttons = actions(renderer.render(Fixtures.allFailed()).parent());

        List<String> ids = new ArrayList<>();
        buttons.forEach(b -> ids.add(b.path("action_id").asText()));
        assertThat(ids).containsExactly("investigate_rerun_wider", "investigate_rerun_previous", "open_datadog", "open_sentry");
        assertThat(buttons.get(2).path("url").asText()).startsWith("https://app.datadoghq.com/dashboard/abc-def-ghi?tpl_var_service=inventory&tpl_var_env=prod");
        assertThat(buttons.get(2).has("value")).isFalse();
    }

    @Test
    void failedSourceReplySaysOnlyTheGap() {
        SlackThread thread = renderer.render(Fixtures.partial());
        SlackMessage sentry = thread.replies().get(1);

        List<JsonNode> blocks = blocks(sentry);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).path("text").path("text").asText())
                .isEqualTo("⚠️ *Sentry*: rate-limited (429) after retries — re-run in a minute · `HTTP 429 Too Many Requests`");
        assertThat(sentry.text()).isEqualTo("Sentry: rate-limited (429) after retries");
    }

    @Test
    void allFailedParentNamesEveryGap() {
        SlackMessage parent = renderer.render(Fixtures.allFailed()).parent();

        assertThat(blocks(parent).get(0).path("text").path("text").asText()).isEqualTo("⚪ Unknown (no source answered) — inventory");
        String gaps = blocks(parent).stream().map(b -> b.path("text").path("text").asText())
                .filter(t -> t.startsWith("*Gaps*")).findFirst().orElseThrow();
        assertThat(gaps.lines().toList()).containsExactly(
                "*Gaps*",
                "⚠️ *Datadog*: no answer within 15 s — try a shorter window, or re-run",
                "⚠️ *Sentry*: token rejected (401) — check SENTRY_AUTH_TOKEN · `HTTP 401 Unauthorized`",
                "⚠️ *AWS X-Ray*: access denied (403) — the role needs xray:GetTraceSummaries, xray:GetServiceGraph, "
                        + "xray:BatchGetTraces · `AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/investigator/i-0abc"
                        + " is not authorized to perform: xray:GetTraceSummaries`");
        assertThat(parent.text()).isEqualTo("⚪ Unknown (no source answered) — inventory · 14:00–14:30 JST (30 min) · prod-jp\n"
                + "Not answered: Datadog, Sentry, AWS X-Ray");
    }

    @Test
    void sourceWithNothingToShowSaysSoInOneLine() {
        SlackMessage sentry = renderer.render(Fixtures.latencyAfterDeploy()).replies().get(1);

        List<JsonNode> blocks = blocks(sentry);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).path("text").path("text").asText()).startsWith("No Sentry issues in this window · <https://acme.sentry.io/");
        assertThat(sentry.text()).isEqualTo("Sentry: No Sentry issues in this window");
    }

    @Test
    void timelineShowsSixFindingsInTimeOrderAndCountsTheRest() {
        Investigation base = Fixtures.incidentDownstream();
        List<Finding> timeline = new ArrayList<>(base.timeline());
        var issue = Fixtures.issue("77", "CHECKOUT-77", "Late", "", Fixtures.at(1), 1, 0, 1, java.util.Set.of(IssueFlag.NEW));
        timeline.add(new Finding.IssueSurfaced(Fixtures.at(1), issue, IssueFlag.NEW)); // the earliest, added last
        timeline.add(new Finding.IssueSurfaced(Fixtures.at(20), issue, IssueFlag.NEW));
        Investigation investigation = new Investigation(base.query(), base.verdict(), base.keyNumbers(), base.cause(),
                timeline, base.reports(), base.elapsed());

        String text = blocks(renderer.render(investigation).parent()).stream().map(b -> b.path("text").path("text").asText())
                .filter(t -> t.startsWith("*Timeline*")).findFirst().orElseThrow();

        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(8);
        assertThat(lines.get(1)).startsWith("`14:01` *Sentry* new issue");
        assertThat(lines.get(2)).startsWith("`14:02` *Sentry* new issue");
        assertThat(lines.get(7)).isEqualTo("…and 2 more");
    }

    @Test
    void datadogReplyComparesWithEachBaselineAndShowsTheChangePoint() {
        String datadog = renderer.render(Fixtures.incidentDownstream()).replies().get(0).blocksJson();
        JsonNode signals = blocks(renderer.render(Fixtures.incidentDownstream()).replies().get(0)).get(1);

        assertThat(signals.path("text").path("text").asText()).contains(
                "• *Error rate* mean 5.8% · peak 9.1% at 14:07\n"
                        + "      vs 1 day ago 0.3% (×19) · vs 1 week ago 0.4% (×14)\n"
                        + "      left baseline at 14:03: 0.3% → 6.2%");
        // Counts add up over the window; gauges and rates are averaged.
        assertThat(datadog).contains("*Requests* total 12,450").contains("*DB connections* mean 42");
        // Resource metrics come after the golden signals.
        assertThat(datadog.indexOf("*Resources*")).isGreaterThan(datadog.indexOf("*p99 latency*"));
    }

    @Test
    void deploysAreListedWithTimeAndLink() {
        String datadog = renderer.render(Fixtures.latencyAfterDeploy()).replies().get(0).blocksJson();
        assertThat(datadog).contains("*Deploys and changes*\\n• 13:58 · deploy <https://app.datadoghq.com/event/explorer?query=service%3Asearch&amp;event=7311|search v2.31.0 (commit 4f2a9c1)>");
    }

    @Test
    void sentryReplyPutsNewRegressedAndSpikingFirst() {
        String sentry = blocks(renderer.render(Fixtures.incidentDownstream()).replies().get(1)).get(1).path("text").path("text").asText();
        assertThat(sentry.lines().toList()).startsWith(
                "*New, regressed and spiking*",
                "• 🆕 New <https://acme.sentry.io/issues/4567/|CHECKOUT-1F3> · PaymentTimeoutError: payment-gateway did not answer within 5000 ms"
                        + " · app/payments/client.py in charge · 1,234 events · 87 users · first seen 14:02");
    }

    @Test
    void xraySampleIsSaid() {
        SlackMessage xray = renderer.render(Fixtures.partial()).replies().get(2);
        assertThat(xray.text()).isEqualTo("AWS X-Ray: 1,000 traces · sampled: first 1,000 traces");
    }
}
