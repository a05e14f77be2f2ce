package dev.investigator.source.xray;

import static dev.investigator.source.xray.XRaySourceTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.EndpointStat;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.ExampleCatalog;
import dev.investigator.source.Retries;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The real {@link XRayClient} (built by {@link XRayClients}, signing with static keys) against a local fake that
 * answers in X-Ray's REST-JSON format, for the daily check's slowest endpoints.
 */
class XRayDigestSourceTest {

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final TimeWindow PERIOD = new TimeWindow(Instant.parse("2026-11-19T01:00:00Z"), Instant.parse("2026-11-20T01:00:00Z"));
    private static final String THROTTLED_TYPE = "ThrottledException:http://internal.amazon.com/coral/com.amazon.xray/";
    private static final String SLOW_FILTER = "((service(\"checkout\")) AND responsetime >= 2.900)"
            + " OR ((service(\"search\")) AND responsetime >= 1.050)"
            + " OR ((service(\"inventory\")) AND responsetime >= 0.060)";

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T01:00:30Z"), ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper();
    private final Retries fastRetries = new Retries(2, Duration.ofMillis(1), Duration.ofMillis(5));

    private MockWebServer server;
    private XRayClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = XRayClients.create(new XRayConnection("ap-northeast-1", Optional.of(server.url("/").uri()),
                Optional.of(new XRayConnection.StaticKeys(ACCESS_KEY, SECRET)), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    // --- success -----------------------------------------------------------------------------------------------

    @Test
    void ranksTheEndpointsOfEachServicesSlowTailFromOneGraphAndOneSummariesQuery() {
        enqueueHappyPath();

        DigestReport report = source().collect(fourServices(), deadline());

        assertThat(report.gap()).as("gap").isEmpty();
        assertThat(report.source()).isEqualTo(SourceKind.XRAY);
        assertThat(report.apiCalls()).as("1 graph + 2 pages of slow summaries").isEqualTo(3);
        DigestEvidence.SlowEndpoints slow = report.evidence(DigestEvidence.SlowEndpoints.class).orElseThrow();
        assertThat(slow.endpoints()).as("catalog served nothing in the graph; a legacy service is not in the catalog")
                .containsOnlyKeys("checkout", "search", "inventory");

        List<EndpointStat> checkout = slow.endpoints().get("checkout");
        assertThat(checkout).as("slowest on average first; the one odd 5.5 s /api/orders is noise; the 0.2 s trace "
                + "that matched inventory's clause is not checkout's tail").extracting(EndpointStat::url)
                .containsExactly("https://shop.example.jp/api/checkout/cart", "https://shop.example.jp/api/checkout");
        assertEndpoint(checkout.get(0), "GET", 3, 3300.0, 3400.0, 0);
        assertEndpoint(checkout.get(1), "POST", 20, 3005.8, 3009.6, 18);

        List<EndpointStat> search = slow.endpoints().get("search");
        assertThat(search).extracting(EndpointStat::url)
                .containsExactly("https://shop.example.jp/api/search", "https://shop.example.jp/api/search/suggest");
        assertEndpoint(search.get(0), "GET", 11, 13_150.0 / 11, 1330.0, 0);
        assertEndpoint(search.get(1), "GET", 2, 1100.0, 1100.0, 0);

        assertThat(slow.endpoints().get("inventory")).extracting(EndpointStat::url)
                .containsExactly("https://shop.example.jp/api/reservations", "https://shop.example.jp/api/stock");
        assertEndpoint(slow.endpoints().get("inventory").get(0), "POST", 2, 210.0, 300.0, 0);
    }

    @Test
    void asksTheGraphThenOneQueryForEveryServicesTracesAboveItsOwnP99() throws Exception {
        enqueueHappyPath();

        source().collect(fourServices(), deadline());

        RecordedRequest graph = server.takeRequest();
        assertThat(graph.getUrl().encodedPath()).isEqualTo("/ServiceGraph");
        assertThat(graph.getHeaders().get("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                .doesNotContain(SECRET);
        JsonNode graphBody = body(graph);
        assertThat(graphBody.get("StartTime").asDouble()).isEqualTo(PERIOD.from().getEpochSecond());
        assertThat(graphBody.get("EndTime").asDouble()).isEqualTo(PERIOD.to().getEpochSecond());
        assertThat(graphBody.has("GroupName")).isFalse();

        JsonNode page1 = body(server.takeRequest());
        assertThat(page1.get("FilterExpression").asText())
                .as("p99 from each service's own histogram; the client node named checkout (9 s) is not checkout")
                .isEqualTo(SLOW_FILTER);
        assertThat(page1.get("Sampling").asBoolean(true)).isFalse();
        assertThat(page1.get("StartTime").asDouble()).isEqualTo(PERIOD.from().getEpochSecond());
        assertThat(page1.has("NextToken")).isFalse();
        JsonNode page2 = body(server.takeRequest());
        assertThat(page2.get("NextToken").asText()).isEqualTo("eyJwIjoyLCJzIjoiMjAyNi0xMS0xOVQwMTowMDowMFoifQ==");
        assertThat(page2.get("FilterExpression").asText()).isEqualTo(SLOW_FILTER);
    }

    @Test
    void stopsAtThePageBoundAndRanksWhatItRead() {
        enqueueHappyPath();

        DigestReport report = new XRayDigestSource(client, clock, fastRetries, 1).collect(fourServices(), deadline());

        assertThat(report.apiCalls()).isEqualTo(2);
        DigestEvidence.SlowEndpoints slow = report.evidence(DigestEvidence.SlowEndpoints.class).orElseThrow();
        assertThat(slow.endpoints().get("checkout").get(1).traces()).as("12 of the 20 were on page 1").isEqualTo(12);
        assertThat(slow.endpoints().get("inventory")).extracting(EndpointStat::url)
                .containsExactly("https://shop.example.jp/api/stock");
    }

    @Test
    void aWeekendPeriodKeepsItsLast24Hours() throws Exception {
        enqueueHappyPath();
        TimeWindow weekend = new TimeWindow(Instant.parse("2026-11-20T01:00:00Z"), Instant.parse("2026-11-23T01:00:00Z"));

        source().collect(new DigestQuery("d", ExampleCatalog.services("checkout"), weekend), deadline());

        JsonNode graph = body(server.takeRequest());
        assertThat(graph.get("StartTime").asDouble()).isEqualTo(Instant.parse("2026-11-22T01:00:00Z").getEpochSecond());
        assertThat(graph.get("EndTime").asDouble()).isEqualTo(weekend.to().getEpochSecond());
    }

    @Test
    void servicesOfAnotherGroupGetTheirOwnGraph() throws Exception {
        enqueue(200, "digest-GetServiceGraph.json");
        enqueue(200, "GetTraceSummaries_empty.json");
        enqueue(200, "digest-GetServiceGraph.json");
        enqueue(200, "GetTraceSummaries_empty.json");
        ServiceDefinition inventory = ExampleCatalog.service("inventory");
        ServiceDefinition grouped = new ServiceDefinition(inventory.name(), inventory.env(), inventory.aliases(), inventory.datadog(),
                inventory.sentry(), new ServiceDefinition.XRay(true, "service(\"inventory\")", "jp-stores", "inventory"),
                inventory.thresholds());

        DigestReport report = source().collect(new DigestQuery("d", List.of(ExampleCatalog.service("checkout"), grouped), PERIOD), deadline());

        assertThat(report.apiCalls()).isEqualTo(4);
        assertThat(body(server.takeRequest()).has("GroupName")).isFalse();
        assertThat(body(server.takeRequest()).get("FilterExpression").asText()).isEqualTo("((service(\"checkout\")) AND responsetime >= 2.900)");
        assertThat(body(server.takeRequest()).get("GroupName").asText()).isEqualTo("jp-stores");
        assertThat(body(server.takeRequest()).get("FilterExpression").asText()).isEqualTo("((service(\"inventory\")) AND responsetime >= 0.060)");
    }

    @Test
    void aGraphWithoutTheServicesAsksNoSummaries() {
        enqueue(200, "GetServiceGraph_empty.json");

        DigestReport report = source().collect(fourServices(), deadline());

        assertThat(report.evidence(DigestEvidence.SlowEndpoints.class).orElseThrow().endpoints()).isEmpty();
        assertThat(report.apiCalls()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // --- failures --------------------------------------------------------------------------------------------------

    @Test
    void noServiceWithAFilterIsNotConfiguredAndAsksNothing() {
        ServiceDefinition checkout = ExampleCatalog.service("checkout");
        ServiceDefinition off = new ServiceDefinition(checkout.name(), checkout.env(), checkout.aliases(), checkout.datadog(),
                checkout.sentry(), new ServiceDefinition.XRay(true, "", "", "checkout"), checkout.thresholds());

        DigestReport report = source().collect(new DigestQuery("d", List.of(off), PERIOD), deadline());

        assertThat(gap(report).reason()).isEqualTo(GapReason.NOT_CONFIGURED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void accessDeniedOnTheGraphIsForbiddenAndNotRetried() {
        server.enqueue(awsError(403, "AccessDeniedException", "error_AccessDeniedException.json").build());

        Gap gap = gap(source().collect(fourServices(), deadline()));

        assertThat(gap.reason()).isEqualTo(GapReason.FORBIDDEN);
        assertThat(gap.httpStatus()).hasValue(403);
        assertThat(gap.detail()).startsWith("HTTP 403 AccessDeniedException");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void throttlingThatPersistsOnTheSummariesIsARateLimitedGapAfterTheRetries() {
        enqueue(200, "digest-GetServiceGraph.json");
        for (int i = 0; i < 3; i++) {
            server.enqueue(awsError(429, THROTTLED_TYPE, "error_ThrottledException.json").build());
        }

        DigestReport report = source().collect(fourServices(), deadline());

        Gap gap = gap(report);
        assertThat(gap.reason()).isEqualTo(GapReason.RATE_LIMITED);
        assertThat(gap.detail()).isEqualTo("HTTP 429 ThrottledException: Rate exceeded");
        assertThat(server.getRequestCount()).as("graph + 1 try + 2 retries").isEqualTo(4);
        assertThat(report.apiCalls()).isEqualTo(4);
    }

    @Test
    void aServerErrorThatClearsIsRetried() {
        server.enqueue(awsError(500, "InternalFailure", "error_InternalFailure.json").build());
        enqueueHappyPath();

        DigestReport report = source().collect(fourServices(), deadline());

        assertThat(report.evidence(DigestEvidence.SlowEndpoints.class).orElseThrow().endpoints()).hasSize(3);
        assertThat(report.apiCalls()).isEqualTo(4);
    }

    @Test
    void aFailingSecondPageKeepsTheFirst() {
        enqueue(200, "digest-GetServiceGraph.json");
        enqueue(200, "digest-GetTraceSummaries-slow-page1.json");
        server.enqueue(awsError(400, "InvalidRequestException", "error_InvalidRequestException.json").build());

        DigestReport report = source().collect(fourServices(), deadline());

        assertThat(report.evidence(DigestEvidence.SlowEndpoints.class).orElseThrow().endpoints().get("checkout").get(1).traces())
                .isEqualTo(12);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void truncatedJsonIsAMalformedResponseAndIsNotRetried() {
        String whole = fixture("digest-GetServiceGraph.json");
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(whole.substring(0, whole.length() / 3)).build());

        Gap gap = gap(source().collect(fourServices(), deadline()));

        assertThat(gap.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(gap.detail()).isEqualTo("GetServiceGraph: X-Ray sent a response that is not the expected JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void jsonWithNoneOfTheGraphsFieldsIsMalformed() {
        enqueue(200, "GetTraceSummaries_foreign_json.json");

        Gap gap = gap(source().collect(fourServices(), deadline()));

        assertThat(gap.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(gap.detail()).startsWith("GetServiceGraph: the response has none of");
    }

    @Test
    void slowerThanTheDeadlineIsATimeoutNearTheDeadline() {
        Clock wallClock = Clock.systemUTC();
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body(fixture("digest-GetServiceGraph.json")).build());
        XRayDigestSource source = new XRayDigestSource(client, wallClock, new Retries(3, Duration.ofMillis(100), Duration.ofMillis(200)));

        long started = System.nanoTime();
        DigestReport report = source.collect(fourServices(), Deadline.after(Duration.ofMillis(600), wallClock));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(gap(report).reason()).isEqualTo(GapReason.TIMEOUT);
        assertThat(tookMillis).isBetween(500L, 2_000L);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static void assertEndpoint(EndpointStat e, String method, long traces, double avg, double max, long faults) {
        assertThat(e.method()).isEqualTo(method);
        assertThat(e.traces()).as("%s traces", e.url()).isEqualTo(traces);
        assertThat(e.avgMillis()).as("%s avg", e.url()).isCloseTo(avg, within(1e-6));
        assertThat(e.maxMillis()).as("%s max", e.url()).isCloseTo(max, within(1e-6));
        assertThat(e.faults()).as("%s faults", e.url()).isEqualTo(faults);
    }

    private static DigestQuery fourServices() {
        return new DigestQuery("digest-1", ExampleCatalog.services("checkout", "search", "catalog", "inventory"), PERIOD);
    }

    private XRayDigestSource source() {
        return new XRayDigestSource(client, clock, fastRetries);
    }

    private Deadline deadline() {
        return new Deadline(clock.instant().plusSeconds(30), clock);
    }

    private void enqueueHappyPath() {
        enqueue(200, "digest-GetServiceGraph.json");
        enqueue(200, "digest-GetTraceSummaries-slow-page1.json");
        enqueue(200, "digest-GetTraceSummaries-slow-page2.json");
    }

    private void enqueue(int code, String fixture) {
        server.enqueue(new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "8f0f6a2e-4c1d-4b7e-9a3b-2d5c6e7f8a9b")
                .body(fixture(fixture)).build());
    }

    private static MockResponse.Builder awsError(int code, String errorType, String fixture) {
        return new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "0b7a1f0e-2c3d-4e5f-8a9b-1c2d3e4f5a6b")
                .addHeader("x-amzn-ErrorType", errorType)
                .body(fixture(fixture));
    }

    private JsonNode body(RecordedRequest request) throws IOException {
        return json.readTree(request.getBody().utf8());
    }

    private static Gap gap(DigestReport report) {
        Gap gap = report.gap().orElseThrow(() -> new AssertionError("expected a gap, got " + report.evidence()));
        assertThat(gap.source()).isEqualTo(SourceKind.XRAY);
        assertThat(gap.detail()).doesNotContain(SECRET).hasSizeLessThanOrEqualTo(200);
        return gap;
    }
}
