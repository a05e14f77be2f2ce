package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.Cause;
import dev.investigator.model.CauseKind;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Finding;
import dev.investigator.model.Investigation;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cause chain is phrased per kind, each claim linked to its evidence, and never claimed for a healthy service. */
class CauseWordingTest {

    private static final Messages EN = Messages.load(Language.EN);
    private static final Messages JA = Messages.load(Language.JA);

    private static List<String> causeLines(Messages messages, Markup markup, Investigation investigation) {
        return new Phrases(messages, new Times(messages, Fixtures.TOKYO, investigation.query().window()), markup)
                .causeLines(investigation);
    }

    private static Investigation with(Verdict verdict, Cause cause) {
        Investigation base = Fixtures.incidentDownstream();
        return new Investigation(base.query(), verdict, base.keyNumbers(), Optional.of(cause), base.timeline(),
                base.reports(), base.elapsed());
    }

    @Test
    void downstreamFailureChainsRootSymptomAndImpactWithLinks() {
        List<String> lines = causeLines(EN, new MrkdwnMarkup(), Fixtures.incidentDownstream());

        assertThat(lines.get(0)).startsWith("*Likely cause:* payment-gateway is failing (ConnectTimeoutException) — <https://")
                .endsWith("|83% of faulty traces> end there");
        assertThat(lines.get(1)).isEqualTo("→ first symptom: new Sentry issue <https://acme.sentry.io/issues/4567/|CHECKOUT-1F3>"
                + " (PaymentTimeoutError: payment-gateway did not answer within 5000 ms) at 14:02");
        assertThat(lines.get(2)).startsWith("→ impact: <https://app.datadoghq.com/").endsWith("|Error rate> ×21 since 14:03 (0.3% → 6.2%)");
    }

    @Test
    void newErrorNamesTheService() {
        ErrorIssue issue = Fixtures.issue("1", "CHECKOUT-1", "ValueError: bad cart", "cart.py", Fixtures.at(5), 40, 0, 9, Set.of(IssueFlag.NEW));
        Finding.IssueSurfaced root = new Finding.IssueSurfaced(Fixtures.at(5), issue, IssueFlag.NEW);
        Cause cause = new Cause(CauseKind.NEW_ERROR, root, Optional.empty(), Optional.empty(), List.of(root));

        assertThat(causeLines(EN, new FallbackMarkup(), with(Verdict.DEGRADED, cause)))
                .containsExactly("Likely cause: an error in checkout itself: new Sentry issue CHECKOUT-1 (ValueError: bad cart) at 14:05");
        assertThat(causeLines(JA, new FallbackMarkup(), with(Verdict.DEGRADED, cause)))
                .containsExactly("推定原因: checkout 自身のエラー: 14:05 に新しい Sentry issue CHECKOUT-1（ValueError: bad cart）");
    }

    @Test
    void unexplainedSaysSoAndNamesTheFirstChange() {
        Finding.MetricShift first = Fixtures.shift(Fixtures.at(12), "latency_p95", "p95 latency", MetricRole.LATENCY_P95,
                MetricUnit.MILLISECONDS, 420, 700, "checkout");
        Cause cause = new Cause(CauseKind.UNEXPLAINED, first, Optional.empty(), Optional.empty(), List.of(first));

        assertThat(causeLines(EN, new FallbackMarkup(), with(Verdict.DEGRADED, cause))).containsExactly(
                "No source explains the change. The first change: p95 latency ×1.7 since 14:12 (420 ms → 700 ms)");
    }

    @Test
    void metricRisingFromZeroIsNotAnInfiniteRatio() {
        Finding.MetricShift fromZero = Fixtures.shift(Fixtures.at(3), "errors", "Errors", MetricRole.ERRORS, MetricUnit.COUNT, 0, 45, "checkout");
        Cause cause = new Cause(CauseKind.UNEXPLAINED, fromZero, Optional.empty(), Optional.empty(), List.of());

        assertThat(causeLines(EN, new FallbackMarkup(), with(Verdict.DEGRADED, cause)))
                .containsExactly("No source explains the change. The first change: Errors rose from 0 to 45 at 14:03");
    }

    @Test
    void healthyNeverClaimsACauseEvenWhenOneIsPresent() {
        Investigation healthyWithCause = with(Verdict.HEALTHY, Fixtures.incidentDownstream().cause().orElseThrow());

        assertThat(causeLines(EN, new MrkdwnMarkup(), healthyWithCause)).isEmpty();
        SlackThread thread = new BlockKitRenderer(EN, Fixtures.TOKYO).render(healthyWithCause);
        assertThat(thread.parent().blocksJson()).doesNotContain("Likely cause").contains("Nothing unusual against the baselines.");
        assertThat(thread.parent().text()).doesNotContain("Likely cause");
        assertThat(new TerminalRenderer(EN, Fixtures.TOKYO, false).render(healthyWithCause)).doesNotContain("Likely cause");
    }

    @Test
    void deploymentAndTrafficSurgeArePhrasedAsSuch() {
        assertThat(causeLines(EN, new FallbackMarkup(), Fixtures.latencyAfterDeploy()).get(0))
                .isEqualTo("Likely cause: a change just before the first symptom: deploy search v2.31.0 (commit 4f2a9c1) at 13:58");
        assertThat(causeLines(EN, new FallbackMarkup(), Fixtures.trafficSurge()).get(0))
                .isEqualTo("Likely cause: traffic far above its baseline: Requests ×4.1 since 11/20 23:45 (1,000 → 4,100)");
    }
}
