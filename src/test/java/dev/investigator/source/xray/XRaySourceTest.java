package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.EndpointStat;
import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.TraceExample;
import dev.investigator.model.TraceStats;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The real {@link XRayClient} (built by {@link XRayClients}, signing with static keys) against a local fake that
 * answers in X-Ray's REST-JSON format.
 */
class XRaySourceTest {

    private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String REGION = "ap-northeast-1";
    private static final Instant FROM = Instant.parse("2026-03-10T05:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-10T05:30:00Z");
    private static final String ENRICHED_TRACE = "1-69afaa86-749dcb46f439eb4740d56598";
    private static final String THROTTLED_TYPE = "ThrottledException:http://internal.amazon.com/coral/com.amazon.xray/";

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T05:31:00Z"), ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper();
    private final Retries fastRetries = new Retries(2, Duration.ofMillis(1), Duration.ofMillis(5));

    private MockWebServer server;
    private XRayClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = XRayClients.create(connection());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    // --- success ---------------------------------------------------------------------------------------------

    @Test
    void collectsCountsRootCausesEndpointsEdgesAndExamplesFromTwoPagesGraphAndFullTraces() throws Exception {
        enqueueHappyPath();

        SourceReport report = source().collect(query(FROM, TO), deadline());

        assertThat(report.failed()).as("gap: %s", report.gap()).isFalse();
        assertThat(report.source()).isEqualTo(SourceKind.XRAY);
        assertThat(report.apiCalls()).isEqualTo(4);
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(report.link()).isEqualTo("https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home"
                + "?region=ap-northeast-1#xray:traces/query?~(query~(expression~'service*28*22checkout*22*29)"
                + "~context~(timeRange~(end~'2026-03-10T05*3a30*3a00.000Z~start~'2026-03-10T05*3a00*3a00.000Z)))");

        RecordedRequest page1 = server.takeRequest();
        assertThat(page1.getMethod()).isEqualTo("POST");
        assertThat(page1.getUrl().encodedPath()).isEqualTo("/TraceSummaries");
        String auth = page1.getHeaders().get("Authorization");
        assertThat(auth).startsWith("AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/")
                .contains("/" + REGION + "/xray/aws4_request").contains("Signature=").doesNotContain(SECRET);
        JsonNode body1 = body(page1);
        assertThat(body1.get("StartTime").asDouble()).isEqualTo(FROM.getEpochSecond());
        assertThat(body1.get("EndTime").asDouble()).isEqualTo(TO.getEpochSecond());
        assertThat(body1.get("FilterExpression").asText()).isEqualTo("service(\"checkout\")");
        assertThat(body1.get("Sampling").asBoolean(true)).isFalse();
        assertThat(body1.has("NextToken")).isFalse();

        JsonNode body2 = body(server.takeRequest());
        assertThat(body2.get("NextToken").asText()).isEqualTo("eyJwIjoyLCJzIjoiMjAyNi0wMy0xMFQwNTowMDowMFoifQ==");
        assertThat(body2.get("StartTime").asDouble()).isEqualTo(FROM.getEpochSecond());

        RecordedRequest graph = server.takeRequest();
        assertThat(graph.getUrl().encodedPath()).isEqualTo("/ServiceGraph");
        JsonNode graphBody = body(graph);
        assertThat(graphBody.get("StartTime").asDouble()).isEqualTo(FROM.getEpochSecond());
        assertThat(graphBody.get("EndTime").asDouble()).isEqualTo(TO.getEpochSecond());
        assertThat(graphBody.has("GroupName")).isFalse();

        RecordedRequest traces = server.takeRequest();
        assertThat(traces.getUrl().encodedPath()).isEqualTo("/Traces");
        assertThat(body(traces).get("TraceIds").toString()).isEqualTo("[\"" + ENRICHED_TRACE + "\"]");

        TraceStats stats = stats(report);
        assertThat(stats.traces()).isEqualTo(40);
        assertThat(stats.faults()).isEqualTo(9);
        assertThat(stats.errors()).isEqualTo(3);
        assertThat(stats.throttles()).isEqualTo(1);
        assertThat(stats.p95Millis()).isCloseTo(3515.0, within(0.001));
        assertThat(stats.truncated()).isFalse();
        assertThat(stats.faultOnset()).contains(Instant.parse("2026-03-10T05:12:00Z"));

        assertThat(stats.rootCauses()).hasSize(2);
        // payment-gateway's remote call to its provider threw: the deepest failing dependency is blamed
        assertThat(stats.rootCauses().get(0).service()).isEqualTo("api.payment-provider.example.com");
        assertThat(stats.rootCauses().get(0).exception()).isEqualTo("PaymentProviderTimeoutException");
        assertThat(stats.rootCauses().get(0).traces()).isEqualTo(7);
        assertThat(stats.rootCauses().get(0).share()).isCloseTo(7.0 / 9, within(1e-9));
        assertThat(stats.rootCauses().get(1).service()).isEqualTo("checkout");
        assertThat(stats.rootCauses().get(1).exception()).isEqualTo("NullPointerException");

        assertThat(stats.slowestEndpoints()).extracting(EndpointStat::url).containsExactly(
                "https://shop.example.jp/api/search",
                "https://shop.example.jp/api/checkout",
                "https://shop.example.jp/api/orders",
                "https://shop.example.jp/api/products/8841",
                "https://shop.example.jp/api/recommendations");
        EndpointStat search = stats.slowestEndpoints().get(0);
        assertThat(search.method()).isEqualTo("GET");
        assertThat(search.traces()).isEqualTo(5);
        assertThat(search.avgMillis()).isCloseTo(3404.6, within(0.001));
        assertThat(search.maxMillis()).isCloseTo(4208.0, within(0.001));
        assertThat(search.faults()).isZero();
        EndpointStat checkout = stats.slowestEndpoints().get(1);
        assertThat(checkout.method()).isEqualTo("POST");
        assertThat(checkout.traces()).isEqualTo(19);
        assertThat(checkout.faults()).isEqualTo(9);

        assertThat(stats.edges()).hasSize(3);
        assertThat(stats.edges().get(0).from()).isEqualTo("checkout");
        assertThat(stats.edges().get(0).to()).isEqualTo("payment-gateway");
        assertThat(stats.edges().get(0).requests()).isEqualTo(96);
        assertThat(stats.edges().get(0).faults()).isEqualTo(14);
        assertThat(stats.edges().get(0).errors()).isEqualTo(2);
        assertThat(stats.edges().get(0).throttles()).isEqualTo(1);
        assertThat(stats.edges().get(0).avgMillis()).isCloseTo(900.0, within(1e-6));
        assertThat(stats.edges().get(1).to()).isEqualTo("carts");
        assertThat(stats.edges().get(1).avgMillis()).isCloseTo(8.0, within(1e-6));
        assertThat(stats.edges().get(2).to()).isEqualTo("checkout-db");
        assertThat(stats.edges().get(2).requests()).isEqualTo(310);

        assertThat(stats.examples()).hasSize(5).allMatch(TraceExample::fault);
        TraceExample worst = stats.examples().get(0);
        assertThat(worst.traceId()).isEqualTo(ENRICHED_TRACE);
        assertThat(worst.rootCauseService()).as("named by the segment documents").isEqualTo("payment-gateway");
        assertThat(worst.method()).isEqualTo("POST");
        assertThat(worst.url()).isEqualTo("https://shop.example.jp/api/checkout");
        assertThat(worst.httpStatus()).isEqualTo(502);
        assertThat(worst.durationMillis()).isCloseTo(1904.0, within(0.001));
        assertThat(worst.at()).isBetween(Instant.parse("2026-03-10T05:22:14Z"), Instant.parse("2026-03-10T05:22:15Z"));
        assertThat(worst.link()).isEqualTo("https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home"
                + "?region=ap-northeast-1#xray:traces/" + ENRICHED_TRACE + "?~(query~()~context~(timeRange~"
                + "(end~'2026-03-10T05*3a30*3a00.000Z~start~'2026-03-10T05*3a00*3a00.000Z)))");
        assertThat(stats.examples()).extracting(TraceExample::durationMillis)
                .containsExactly(1904.0, 1611.0, 1522.0, 1455.0, 1408.0);
        assertThat(stats.examples().subList(1, 5)).extracting(TraceExample::rootCauseService)
                .containsOnly("api.payment-provider.example.com");
    }

    @Test
    void sendsTheGroupNameToTheServiceGraphWhenTheServiceHasOne() throws Exception {
        enqueue(200, "GetTraceSummaries_empty.json");
        enqueue(200, "GetServiceGraph_empty.json");

        SourceReport report = source().collect(query(FROM, TO, "shop-prod"), deadline());

        assertThat(report.failed()).isFalse();
        server.takeRequest();
        assertThat(body(server.takeRequest()).get("GroupName").asText()).isEqualTo("shop-prod");
    }

    @Test
    void stopsPagingAtTheBoundAndMarksTheStatsTruncated() throws Exception {
        enqueue(200, "GetTraceSummaries_page1.json");
        enqueue(200, "GetServiceGraph.json");
        enqueue(200, "BatchGetTraces.json");

        SourceReport report = new XRaySource(client, REGION, clock, fastRetries, 1).collect(query(FROM, TO), deadline());

        TraceStats stats = stats(report);
        assertThat(stats.truncated()).isTrue();
        assertThat(stats.traces()).isEqualTo(20);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/TraceSummaries");
        assertThat(server.takeRequest().getUrl().encodedPath()).as("no second page").isEqualTo("/ServiceGraph");
    }

    @Test
    void queriesOnlyTheLast24HoursOfALongerWindowAndSaysSo() throws Exception {
        enqueue(200, "GetTraceSummaries_empty.json");
        enqueue(200, "GetServiceGraph_empty.json");
        Instant from = TO.minus(Duration.ofDays(3));

        SourceReport report = source().collect(query(from, TO), deadline());

        assertThat(stats(report).truncated()).isTrue();
        JsonNode body = body(server.takeRequest());
        assertThat(body.get("StartTime").asDouble()).isEqualTo(TO.minus(Duration.ofHours(24)).getEpochSecond());
        assertThat(body.get("EndTime").asDouble()).isEqualTo(TO.getEpochSecond());
    }

    @Test
    void emptyResultIsFoundWithZeroCountsAndNoFullTraceRequest() {
        enqueue(200, "GetTraceSummaries_empty.json");
        enqueue(200, "GetServiceGraph_empty.json");

        SourceReport report = source().collect(query(FROM, TO), deadline());

        TraceStats stats = stats(report);
        assertThat(stats.traces()).isZero();
        assertThat(stats.faults()).isZero();
        assertThat(stats.p95Millis()).isZero();
        assertThat(stats.faultOnset()).isEmpty();
        assertThat(stats.rootCauses()).isEmpty();
        assertThat(stats.examples()).isEmpty();
        assertThat(stats.edges()).isEmpty();
        assertThat(report.apiCalls()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    // --- rate limits, retries --------------------------------------------------------------------------------

    @Test
    void throttlingThatPersistsBecomesARateLimitedGapAfterTheRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(awsError(429, THROTTLED_TYPE, "error_ThrottledException.json").build());
        }

        SourceReport report = source().collect(query(FROM, TO), deadline());

        Gap gap = gap(report);
        assertThat(gap.reason()).isEqualTo(GapReason.RATE_LIMITED);
        assertThat(gap.httpStatus()).hasValue(429);
        assertThat(gap.detail()).isEqualTo("HTTP 429 ThrottledException: Rate exceeded");
        assertThat(server.getRequestCount()).as("1 try + 2 retries").isEqualTo(3);
        assertThat(report.apiCalls()).isEqualTo(3);
    }

    @Test
    void throttlingThatClearsIsRetriedAndTheReportIsComplete() {
        server.enqueue(awsError(429, THROTTLED_TYPE, "error_ThrottledException.json").build());
        enqueueHappyPath();

        SourceReport report = source().collect(query(FROM, TO), deadline());

        assertThat(stats(report).traces()).isEqualTo(40);
        assertThat(report.apiCalls()).isEqualTo(5);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void retryAfterFromTheVendorIsReadIntoTheFailure() {
        server.enqueue(awsError(429, THROTTLED_TYPE, "error_ThrottledException.json")
                .addHeader("Retry-After", "7").build());

        SdkException thrown = catchThrowableOfType(SdkException.class,
                () -> client.getTraceSummaries(r -> r.startTime(FROM).endTime(TO)));
        assertThat(thrown).isNotNull();
        SourceFailure failure = new XRayFailures(clock).classify(thrown, "GetTraceSummaries");

        assertThat(failure.reason()).isEqualTo(GapReason.RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void serverErrorIsRetriedThenReported() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(awsError(500, "InternalFailure", "error_InternalFailure.json").build());
        }

        SourceReport report = source().collect(query(FROM, TO), deadline());

        Gap gap = gap(report);
        assertThat(gap.reason()).isEqualTo(GapReason.SERVER_ERROR);
        assertThat(gap.httpStatus()).hasValue(500);
        assertThat(gap.detail()).isEqualTo("HTTP 500 InternalFailure: An internal error has occurred");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void serviceUnavailableThatClearsIsRetried() {
        server.enqueue(awsError(503, "ServiceUnavailableException", "error_ServiceUnavailable.json").build());
        enqueueHappyPath();

        SourceReport report = source().collect(query(FROM, TO), deadline());

        assertThat(stats(report).faults()).isEqualTo(9);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void persistentServiceUnavailableIsAServerErrorGapWith503() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(awsError(503, "ServiceUnavailableException", "error_ServiceUnavailable.json").build());
        }

        Gap gap = gap(source().collect(query(FROM, TO), deadline()));

        assertThat(gap.reason()).isEqualTo(GapReason.SERVER_ERROR);
        assertThat(gap.httpStatus()).hasValue(503);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    // --- client errors and credentials -----------------------------------------------------------------------

    @Test
    void invalidRequestIsAClientErrorAndIsNotRetried() {
        server.enqueue(awsError(400, "InvalidRequestException", "error_InvalidRequestException.json").build());

        SourceReport report = source().collect(query(FROM, TO), deadline());

        Gap gap = gap(report);
        assertThat(gap.reason()).isEqualTo(GapReason.CLIENT_ERROR);
        assertThat(gap.httpStatus()).hasValue(400);
        assertThat(gap.detail()).startsWith("HTTP 400 InvalidRequestException: Invalid filter expression");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void accessDeniedIsForbiddenWithAShortDetail() {
        server.enqueue(awsError(403, "AccessDeniedException", "error_AccessDeniedException.json").build());

        Gap gap = gap(source().collect(query(FROM, TO), deadline()));

        assertThat(gap.reason()).isEqualTo(GapReason.FORBIDDEN);
        assertThat(gap.httpStatus()).hasValue(403);
        assertThat(gap.detail()).startsWith("HTTP 403 AccessDeniedException: User: arn:aws:sts::123456789012")
                .hasSizeLessThanOrEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void rejectedCredentialsAreAnAuthGapThatKeepsTheStatusAndNamesTheErrorCode() {
        server.enqueue(awsError(403, "UnrecognizedClientException", "error_UnrecognizedClientException.json").build());

        SourceReport report = source().collect(query(FROM, TO), deadline());

        Gap gap = gap(report);
        assertThat(gap.reason()).isEqualTo(GapReason.AUTH_REJECTED);
        assertThat(gap.httpStatus()).hasValue(403);
        assertThat(gap.detail()).isEqualTo(
                "HTTP 403 UnrecognizedClientException: The security token included in the request is invalid.");
        assertThat(gap.detail()).doesNotContain(SECRET);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void missingCredentialsAreNotConfiguredAndNothingIsSent() {
        XRayClient noCredentials = XRayClients.builder(connection())
                .credentialsProvider(() -> {
                    // What DefaultCredentialsProvider throws when no provider in the chain has credentials.
                    throw SdkClientException.create("Unable to load credentials from any of the providers in the "
                            + "chain AwsCredentialsProviderChain(credentialsProviders=[...])");
                })
                .build();
        try (noCredentials) {
            SourceReport report = new XRaySource(noCredentials, REGION, clock, fastRetries).collect(query(FROM, TO), deadline());

            Gap gap = gap(report);
            assertThat(gap.reason()).isEqualTo(GapReason.NOT_CONFIGURED);
            assertThat(gap.detail()).startsWith("no AWS credentials (set AWS_PROFILE or AWS_ACCESS_KEY_ID");
            assertThat(report.apiCalls()).isZero();
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void aServiceWithoutAFilterExpressionIsNotConfiguredAndAsksNothing() {
        SourceReport report = source().collect(queryWith(new ServiceDefinition.XRay(true, "", "", "checkout"), FROM, TO),
                deadline());

        assertThat(gap(report).reason()).isEqualTo(GapReason.NOT_CONFIGURED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aServiceWithXRayTurnedOffIsNotConfiguredAndAsksNothing() {
        SourceReport report = source().collect(
                queryWith(new ServiceDefinition.XRay(false, "service(\"checkout\")", "", "checkout"), FROM, TO), deadline());

        assertThat(gap(report).reason()).isEqualTo(GapReason.NOT_CONFIGURED);
        assertThat(gap(report).detail()).isEqualTo("X-Ray is turned off for checkout");
        assertThat(server.getRequestCount()).isZero();
    }

    // --- network, deadline, bodies ---------------------------------------------------------------------------

    @Test
    void droppedConnectionIsANetworkGapAfterRetries() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        }

        SourceReport report = source().collect(query(FROM, TO), deadline());

        Gap gap = gap(report);
        assertThat(gap.reason()).isEqualTo(GapReason.NETWORK);
        assertThat(gap.httpStatus()).isEmpty();
        assertThat(gap.detail()).startsWith("GetTraceSummaries: connection failed");
        assertThat(report.apiCalls()).isEqualTo(3);
        assertThat(server.getRequestCount()).as("1 try + 2 retries, none hidden in the HTTP stack").isEqualTo(3);
    }

    @Test
    void slowerThanTheDeadlineIsATimeoutNearTheDeadline() {
        Clock wallClock = Clock.systemUTC();
        server.enqueue(new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS)
                .body(fixture("GetTraceSummaries_empty.json")).build());
        Retries retries = new Retries(3, Duration.ofMillis(100), Duration.ofMillis(200));
        XRaySource source = new XRaySource(client, REGION, wallClock, retries);

        long started = System.nanoTime();
        SourceReport report = source.collect(query(FROM, TO), Deadline.after(Duration.ofMillis(600), wallClock));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        Gap gap = gap(report);
        assertThat(gap.reason()).isEqualTo(GapReason.TIMEOUT);
        assertThat(tookMillis).as("gave up at the deadline, not after the 5 s response").isBetween(500L, 2_000L);
        assertThat(server.getRequestCount()).as("no retry past the deadline").isEqualTo(1);
    }

    @Test
    void aDeadlineThatHasAlreadyPassedSendsNothing() {
        SourceReport report = source().collect(query(FROM, TO), new Deadline(clock.instant().minusSeconds(1), clock));

        assertThat(gap(report).reason()).isEqualTo(GapReason.TIMEOUT);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void truncatedJsonIsAMalformedResponseAndIsNotRetried() {
        enqueue(200, "GetTraceSummaries_truncated.json");

        Gap gap = gap(source().collect(query(FROM, TO), deadline()));

        assertThat(gap.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(gap.detail()).isEqualTo("GetTraceSummaries: X-Ray sent a response that is not the expected JSON");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void jsonOfTheWrongShapeIsAMalformedResponse() {
        enqueue(200, "GetTraceSummaries_wrong_shape.json");

        Gap gap = gap(source().collect(query(FROM, TO), deadline()));

        assertThat(gap.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void jsonWithNoneOfTheResponseFieldsIsAMalformedResponse() {
        enqueue(200, "GetTraceSummaries_foreign_json.json");

        Gap gap = gap(source().collect(query(FROM, TO), deadline()));

        assertThat(gap.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(gap.detail()).contains("TraceSummaries");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    // --- partial failures keep what worked -------------------------------------------------------------------

    @Test
    void aFailingServiceGraphKeepsTheSummaries() {
        enqueue(200, "GetTraceSummaries_page1.json");
        enqueue(200, "GetTraceSummaries_page2.json");
        for (int i = 0; i < 3; i++) {
            server.enqueue(awsError(500, "InternalFailure", "error_InternalFailure.json").build());
        }
        enqueue(200, "BatchGetTraces.json");

        SourceReport report = source().collect(query(FROM, TO), deadline());

        TraceStats stats = stats(report);
        assertThat(stats.traces()).isEqualTo(40);
        assertThat(stats.rootCauses()).isNotEmpty();
        assertThat(stats.edges()).isEmpty();
        assertThat(report.apiCalls()).isEqualTo(2 + 3 + 1);
    }

    @Test
    void aFailingBatchGetTracesKeepsEverythingElse() {
        enqueue(200, "GetTraceSummaries_page1.json");
        enqueue(200, "GetTraceSummaries_page2.json");
        enqueue(200, "GetServiceGraph.json");
        server.enqueue(awsError(400, "InvalidRequestException", "error_InvalidRequestException.json").build());

        SourceReport report = source().collect(query(FROM, TO), deadline());

        TraceStats stats = stats(report);
        assertThat(stats.edges()).hasSize(3);
        assertThat(stats.examples().get(0).traceId()).isEqualTo(ENRICHED_TRACE);
        assertThat(stats.examples().get(0).rootCauseService()).isEmpty();
        assertThat(report.apiCalls()).isEqualTo(4);
    }

    @Test
    void aFailingSecondPageKeepsTheFirstMarkedTruncated() {
        enqueue(200, "GetTraceSummaries_page1.json");
        server.enqueue(awsError(400, "InvalidRequestException", "error_InvalidRequestException.json").build());
        enqueue(200, "GetServiceGraph.json");
        enqueue(200, "BatchGetTraces.json");

        TraceStats stats = stats(source().collect(query(FROM, TO), deadline()));

        assertThat(stats.traces()).isEqualTo(20);
        assertThat(stats.truncated()).isTrue();
    }

    @Test
    void withAnExecutorTheServiceGraphIsAskedWhileTheSummariesArePaged() throws Exception {
        // The fake holds the summaries until the graph request has arrived: this passes only if both are in flight.
        java.util.concurrent.CountDownLatch graphArrived = new java.util.concurrent.CountDownLatch(1);
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                if (path.equals("/ServiceGraph")) {
                    graphArrived.countDown();
                    return ok("GetServiceGraph.json");
                }
                if (path.equals("/TraceSummaries")) {
                    return graphArrived.await(5, TimeUnit.SECONDS)
                            ? ok("GetTraceSummaries_page2.json")
                            : awsError(500, "InternalFailure", "error_InternalFailure.json").build();
                }
                return ok("BatchGetTraces.json");
            }
        });
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            SourceReport report = new XRaySource(client, REGION, clock, Retries.none(), 5, pool)
                    .collect(query(FROM, TO), deadline());
            assertThat(report.gap()).isEmpty();
            assertThat(stats(report).edges()).isNotEmpty();
            assertThat(stats(report).traces()).isPositive();
        } finally {
            pool.shutdownNow();
        }
    }

    private static MockResponse ok(String fixture) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(fixture(fixture)).build();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private XRayConnection connection() {
        return new XRayConnection(REGION, Optional.of(server.url("/").uri()),
                Optional.of(new XRayConnection.StaticKeys(ACCESS_KEY, SECRET)), Duration.ofSeconds(10));
    }

    private XRaySource source() {
        return new XRaySource(client, REGION, clock, fastRetries);
    }

    private Deadline deadline() {
        return new Deadline(clock.instant().plusSeconds(30), clock);
    }

    private void enqueueHappyPath() {
        enqueue(200, "GetTraceSummaries_page1.json");
        enqueue(200, "GetTraceSummaries_page2.json");
        enqueue(200, "GetServiceGraph.json");
        enqueue(200, "BatchGetTraces.json");
    }

    private void enqueue(int code, String fixture) {
        server.enqueue(new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "8f0f6a2e-4c1d-4b7e-9a3b-2d5c6e7f8a9b")
                .body(fixture(fixture)).build());
    }

    /** AWS's JSON error shape: the type in x-amzn-ErrorType and in the body's __type, the text in message. */
    private static MockResponse.Builder awsError(int code, String errorType, String fixture) {
        return new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "0b7a1f0e-2c3d-4e5f-8a9b-1c2d3e4f5a6b")
                .addHeader("x-amzn-ErrorType", errorType)
                .body(fixture(fixture));
    }

    static String fixture(String name) {
        try (InputStream in = XRaySourceTest.class.getResourceAsStream("/fixtures/xray/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode body(RecordedRequest request) throws IOException {
        return json.readTree(request.getBody().utf8());
    }

    private static InvestigationQuery query(Instant from, Instant to) {
        return query(from, to, "");
    }

    private static InvestigationQuery query(Instant from, Instant to, String group) {
        return queryWith(new ServiceDefinition.XRay(true, "service(\"checkout\")", group, "checkout"), from, to);
    }

    private static InvestigationQuery queryWith(ServiceDefinition.XRay xray, Instant from, Instant to) {
        ServiceDefinition service = new ServiceDefinition("checkout", "prod", List.of(),
                new ServiceDefinition.Datadog(false, List.of(), List.of(), "", "", Map.of()),
                new ServiceDefinition.Sentry(false, "", List.of(), "", ""),
                xray,
                ServiceDefinition.Thresholds.defaults());
        return new InvestigationQuery("inv-1", service, new TimeWindow(from, to), Origin.SLASH_COMMAND);
    }

    private static TraceStats stats(SourceReport report) {
        assertThat(report.failed()).as("gap: %s", report.gap()).isFalse();
        return report.evidence(Evidence.Traces.class).orElseThrow().stats();
    }

    private static Gap gap(SourceReport report) {
        assertThat(report.failed()).as("expected a gap, got %s", report.evidence()).isTrue();
        Gap gap = report.gap().orElseThrow();
        assertThat(gap.source()).isEqualTo(SourceKind.XRAY);
        assertThat(gap.detail()).doesNotContain(SECRET).hasSizeLessThanOrEqualTo(200);
        return gap;
    }
}
