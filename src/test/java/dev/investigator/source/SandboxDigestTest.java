package dev.investigator.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.config.CatalogLoader;
import dev.investigator.digest.ActiveMonitor;
import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.digest.Vital;
import dev.investigator.digest.VitalReading;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.EndpointStat;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import dev.investigator.sandbox.Sandbox;
import dev.investigator.sandbox.SandboxLatency;
import dev.investigator.source.datadog.DatadogConnection;
import dev.investigator.source.datadog.DatadogDigestSource;
import dev.investigator.source.sentry.SentryConnection;
import dev.investigator.source.sentry.SentryDigestSource;
import dev.investigator.source.xray.XRayClients;
import dev.investigator.source.xray.XRayConnection;
import dev.investigator.source.xray.XRayDigestSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The three digest sources, with the real vendor clients, against the embedded sandbox: a morning check at 10:00
 * in Tokyo over "yesterday 10:00 to today 10:00" sees checkout, search and catalog far from last week and the
 * 7-day median (the sandbox's incidents also ran overnight), and payment and inventory where they always are.
 */
class SandboxDigestTest {

    /** 10:00:27 in Tokyo: the onset is 09:48, the overnight episode 21:48 to 07:48. */
    private static final Instant NOW = Instant.parse("2026-11-20T01:00:27Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final TimeWindow PERIOD = new TimeWindow(Instant.parse("2026-11-19T01:00:00Z"), Instant.parse("2026-11-20T01:00:00Z"));

    private static Sandbox sandbox;
    private static DigestQuery query;
    private static DigestReport datadog;
    private static DigestReport sentry;
    private static DigestReport xray;

    @BeforeAll
    static void collect() throws Exception {
        sandbox = Sandbox.start(CLOCK, SandboxLatency.none());
        List<ServiceDefinition> services = List.copyOf(new CatalogLoader()
                .loadResource(Sandbox.CATALOG_RESOURCE, Map.of()).catalog().services().values());
        query = new DigestQuery("digest-sandbox", services, PERIOD);
        Deadline deadline = Deadline.after(Duration.ofSeconds(60), Clock.systemUTC());
        Retries retries = Retries.standard();
        try (DatadogDigestSource source = new DatadogDigestSource(new DatadogConnection(sandbox.datadogUrl().toString(),
                "sandbox-datadog-api-key", "sandbox-datadog-app-key", Duration.ofSeconds(20)), CLOCK, retries)) {
            datadog = source.collect(query, deadline);
        }
        sentry = new SentryDigestSource(new SentryConnection(sandbox.sentryUrl(), Sandbox.SENTRY_ORGANIZATION,
                "sandbox-sentry-token", Duration.ofSeconds(20)), CLOCK, retries).collect(query, deadline);
        try (XRayClient client = XRayClients.create(new XRayConnection(Sandbox.XRAY_REGION, Optional.of(sandbox.xrayUrl()),
                Optional.of(new XRayConnection.StaticKeys("SANDBOXACCESSKEY", "sandbox-secret")), Duration.ofSeconds(20)))) {
            xray = new XRayDigestSource(client, CLOCK, retries).collect(query, deadline);
        }
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everySourceAnswersForTheWholeCatalogInAFewCalls() {
        assertThat(datadog.gap()).as("Datadog gap").isEmpty();
        assertThat(sentry.gap()).as("Sentry gap").isEmpty();
        assertThat(xray.gap()).as("X-Ray gap").isEmpty();
        assertThat(datadog.apiCalls()).as("one timeseries request and one monitor search for 5 services").isEqualTo(2);
        assertThat(sandbox.requests("datadog")).isEqualTo(2);
        assertThat(sentry.apiCalls()).as("the projects list, then issues for prod and for prod-jp").isEqualTo(3);
        assertThat(xray.apiCalls()).as("one graph, then at most 5 pages of slow traces").isBetween(2, 6);
    }

    @Test
    void catalogsRequestsAreFarAboveLastWeekAndTheMedian() {
        VitalReading requests = reading("catalog", Vital.REQUESTS);
        assertThat(requests.current().getAsDouble() / requests.sameDayLastWeek().getAsDouble()).isGreaterThan(2.0);
        assertThat(requests.current().getAsDouble() / requests.median7d().getAsDouble()).isGreaterThan(2.0);
        assertThat(requests.sameDayLastWeek().getAsDouble() / requests.median7d().getAsDouble()).as("the baselines agree")
                .isBetween(0.9, 1.1);
    }

    @Test
    void searchsP95IsWellAboveItsBaselines() {
        VitalReading p95 = reading("search", Vital.P95_LATENCY);
        assertThat(p95.current().getAsDouble() / p95.median7d().getAsDouble()).isGreaterThan(1.5);
        assertThat(p95.current().getAsDouble() / p95.sameDayLastWeek().getAsDouble()).isGreaterThan(1.5);
        assertThat(p95.median7d().getAsDouble()).isBetween(100.0, 140.0);
    }

    @Test
    void checkoutsErrorRateIsAboveTheWarningLineWhileItsBaselinesAreNot() {
        VitalReading errors = reading("checkout", Vital.ERROR_RATE);
        assertThat(errors.current().getAsDouble()).as("percent").isGreaterThan(2.0);
        assertThat(errors.median7d().getAsDouble()).isLessThan(0.6);
        assertThat(errors.sameDayLastWeek().getAsDouble()).isLessThan(0.6);
    }

    @Test
    void paymentAndInventoryStayWhereTheyAlwaysAre() {
        for (String service : List.of("payment", "inventory")) {
            for (Vital vital : Vital.values()) {
                VitalReading r = reading(service, vital);
                if (vital == Vital.ERROR_RATE) {
                    assertThat(r.current().getAsDouble()).as("%s %s", service, vital).isLessThan(0.5);
                } else {
                    assertThat(r.current().getAsDouble() / r.median7d().getAsDouble()).as("%s %s", service, vital).isBetween(0.9, 1.1);
                }
            }
        }
    }

    @Test
    void theMonitorsOfTheThreeIncidentsAreAlertingAndStagingIsNotProduction() {
        Map<String, List<ActiveMonitor>> monitors = vitals().monitors();
        assertThat(monitors).containsOnlyKeys("checkout", "search", "catalog");
        assertThat(monitors.get("checkout")).extracting(ActiveMonitor::state).containsExactly("Alert");
        assertThat(monitors.get("search")).extracting(ActiveMonitor::state).containsExactly("Warn");
        assertThat(monitors.get("catalog")).extracting(ActiveMonitor::state).containsExactly("Alert", "Warn");
    }

    @Test
    void checkoutHasTheNewPaymentGatewayIssueAndNoOldIssueIsCalledNew() {
        DigestEvidence.NewIssues issues = sentry.evidence(DigestEvidence.NewIssues.class).orElseThrow();
        assertThat(issues.truncated()).isFalse();
        assertThat(issues.issues()).containsOnlyKeys("checkout");
        ErrorIssue issue = issues.issues().get("checkout").get(0);
        assertThat(issue.shortId()).isEqualTo("CHECKOUT-1F3");
        assertThat(issue.title()).startsWith("PaymentGatewayTimeoutError");
        assertThat(issue.flags()).contains(IssueFlag.NEW);
        assertThat(PERIOD.contains(issue.firstSeen())).isTrue();
    }

    @Test
    void theSlowestEndpointsAreTheOnesTheIncidentsMadeSlow() {
        Map<String, List<EndpointStat>> endpoints = xray.evidence(DigestEvidence.SlowEndpoints.class).orElseThrow().endpoints();
        assertThat(endpoints).containsKeys("checkout", "search");
        assertThat(endpoints.get("search")).extracting(EndpointStat::url).first()
                .isEqualTo("https://api.example-shop.jp/api/search");
        assertThat(endpoints.get("search").get(0).avgMillis()).isGreaterThan(700);
        assertThat(endpoints.get("checkout")).extracting(EndpointStat::url).contains("https://api.example-shop.jp/api/checkout");
        assertThat(endpoints.get("checkout").stream().filter(e -> e.url().endsWith("/api/checkout")).findFirst().orElseThrow().faults())
                .isPositive();
    }

    private static DigestEvidence.Vitals vitals() {
        return datadog.evidence(DigestEvidence.Vitals.class).orElseThrow();
    }

    private static VitalReading reading(String service, Vital vital) {
        List<VitalReading> readings = vitals().readings().get(service);
        assertThat(readings).as("%s readings", service).isNotNull();
        VitalReading r = readings.stream().filter(x -> x.vital() == vital).findFirst().orElseThrow();
        assertThat(r.current()).as("%s %s current", service, vital).isPresent();
        assertThat(r.sameDayLastWeek()).as("%s %s last week", service, vital).isPresent();
        assertThat(r.median7d()).as("%s %s median", service, vital).isPresent();
        return r;
    }
}
