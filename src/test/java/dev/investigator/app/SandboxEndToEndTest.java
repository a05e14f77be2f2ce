package dev.investigator.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.config.AppConfig;
import dev.investigator.config.Secrets;
import dev.investigator.model.CauseKind;
import dev.investigator.model.Finding;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.Verdict;
import dev.investigator.sandbox.Sandbox;
import dev.investigator.sandbox.SandboxLatency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline on the embedded sandbox: real Datadog, Sentry and AWS clients over HTTP against the
 * simulated vendor APIs, through the investigator and correlator, for every scripted scenario.
 */
class SandboxEndToEndTest {

    private static final Instant NOW = Instant.parse("2026-11-20T05:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static Sandbox sandbox;
    private static Application app;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(CLOCK, SandboxLatency.none());
        AppConfig config = SandboxWiring.config(sandbox, Map.of());
        app = Application.create(config, SandboxWiring.secrets(Secrets.fromEnvironment(Map.of())), CLOCK,
                Optional.of(SandboxWiring.AWS_KEYS));
    }

    @AfterAll
    static void stop() {
        app.close();
        sandbox.close();
    }

    private static Investigation investigate(String service) throws Exception {
        InvestigationQuery q = new InvestigationQuery("e2e-" + service, app.config().catalog().find(service).orElseThrow(),
                TimeWindow.ending(NOW, Duration.ofMinutes(30)), Origin.COMMAND_LINE);
        Investigation inv = app.investigator().investigate(q).get(30, TimeUnit.SECONDS);
        assertThat(inv.gaps()).as("gaps for %s", service).isEmpty();
        for (SourceReport r : inv.reports()) {
            assertThat(r.apiCalls()).as("%s calls", r.source()).isPositive();
            assertThat(r.link()).as("%s link", r.source()).isNotBlank();
        }
        return inv;
    }

    @Test
    void checkoutIsAnIncidentCausedByTheFailingPaymentGateway() throws Exception {
        Investigation inv = investigate("checkout");
        assertThat(inv.verdict()).isEqualTo(Verdict.INCIDENT);
        var cause = inv.cause().orElseThrow();
        assertThat(cause.kind()).isEqualTo(CauseKind.DOWNSTREAM_FAILURE);
        assertThat(cause.rootCause()).isInstanceOfSatisfying(Finding.DownstreamFailure.class, d -> {
            assertThat(d.service()).isEqualTo("payment-gateway");
            assertThat(d.share()).isGreaterThanOrEqualTo(0.5);
        });
        assertThat(cause.firstSymptom()).isPresent();
        assertThat(cause.impact()).hasValueSatisfying(f -> assertThat(f).isInstanceOf(Finding.MetricShift.class));
        assertThat(inv.timeline()).anySatisfy(f -> assertThat(f).isInstanceOfSatisfying(Finding.IssueSurfaced.class,
                i -> assertThat(i.issue().shortId()).isEqualTo("CHECKOUT-1F3")));
        // the incident began 12 minutes before now; every symptom is dated near it
        Instant onset = NOW.minus(Duration.ofMinutes(12));
        assertThat(cause.firstSymptom().orElseThrow().at()).isBetween(onset.minus(Duration.ofMinutes(2)), onset.plus(Duration.ofMinutes(3)));
    }

    @Test
    void searchIsALatencyRegressionAfterTheDeploy() throws Exception {
        Investigation inv = investigate("search");
        assertThat(inv.verdict()).isIn(Verdict.DEGRADED, Verdict.INCIDENT);
        var cause = inv.cause().orElseThrow();
        assertThat(cause.kind()).isEqualTo(CauseKind.DEPLOYMENT);
        assertThat(cause.rootCause()).isInstanceOfSatisfying(Finding.Deployment.class,
                d -> assertThat(d.change().title()).contains("v2.14.0"));
        assertThat(cause.firstSymptom()).hasValueSatisfying(f -> assertThat(f).isInstanceOfSatisfying(Finding.MetricShift.class,
                m -> assertThat(m.role().name()).startsWith("LATENCY")));
    }

    @Test
    void catalogIsATrafficSurge() throws Exception {
        Investigation inv = investigate("catalog");
        assertThat(inv.verdict()).isIn(Verdict.DEGRADED, Verdict.INCIDENT);
        assertThat(inv.cause().orElseThrow().kind()).isEqualTo(CauseKind.TRAFFIC_SURGE);
    }

    @Test
    void healthyServicesSayHealthyAndClaimNoCause() throws Exception {
        for (String service : new String[] {"payment", "inventory"}) {
            Investigation inv = investigate(service);
            assertThat(inv.verdict()).as(service).isEqualTo(Verdict.HEALTHY);
            assertThat(inv.cause()).as(service).isEmpty();
        }
    }

    @Test
    void everySourceAnsweredOverHttp() throws Exception {
        long before = sandbox.requests("datadog") + sandbox.requests("sentry") + sandbox.requests("xray");
        Investigation inv = investigate("payment");
        long after = sandbox.requests("datadog") + sandbox.requests("sentry") + sandbox.requests("xray");
        assertThat(after - before).isEqualTo(inv.reports().stream().mapToLong(SourceReport::apiCalls).sum());
        assertThat(inv.reports()).extracting(SourceReport::source).containsExactly(SourceKind.DATADOG, SourceKind.SENTRY, SourceKind.XRAY);
    }
}
