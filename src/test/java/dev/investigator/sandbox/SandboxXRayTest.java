package dev.investigator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.BatchGetTracesResponse;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.FaultRootCause;
import software.amazon.awssdk.services.xray.model.FaultRootCauseEntity;
import software.amazon.awssdk.services.xray.model.GetServiceGraphResponse;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesRequest;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.Segment;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;
import software.amazon.awssdk.services.xray.model.XRayException;

/** The real AWS SDK v2 X-Ray client against the sandbox's X-Ray, with the requests the X-Ray source sends. */
class SandboxXRayTest {

    private static final Instant FROM = SandboxClients.NOW.minus(Duration.ofMinutes(30));

    private Sandbox sandbox;
    private XRayClient xray;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxClients.CLOCK, SandboxLatency.none());
        xray = SandboxClients.xray(sandbox);
    }

    @AfterEach
    void stop() {
        xray.close();
        sandbox.close();
    }

    @Test
    void checkoutSummariesPaginateAndFaultsNamePaymentGatewayFromTheOnset() {
        List<TraceSummary> all = new ArrayList<>();
        int pages = 0;
        String token = null;
        do {
            GetTraceSummariesResponse page = xray.getTraceSummaries(summaries("checkout", token));
            pages++;
            assertThat(page.traceSummaries()).hasSizeLessThanOrEqualTo(100);
            if (page.nextToken() != null) {
                assertThat(page.traceSummaries()).hasSize(100);
            }
            all.addAll(page.traceSummaries());
            token = page.nextToken();
        } while (token != null && pages < 10);

        assertThat(pages).isEqualTo(sandbox.requests("xray")).isBetween(2, 3);
        assertThat(all).hasSizeBetween(100, 300);
        assertThat(all).extracting(TraceSummary::id).doesNotHaveDuplicates();
        assertThat(all).extracting(TraceSummary::startTime)
                .isSortedAccordingTo((a, b) -> b.compareTo(a))
                .allMatch(t -> !t.isBefore(FROM) && t.isBefore(SandboxClients.NOW));
        for (TraceSummary t : all) {
            assertThat(t.id()).matches("1-[0-9a-f]{8}-[0-9a-f]{24}");
            assertThat(Long.parseLong(t.id().substring(2, 10), 16)).isEqualTo(t.startTime().getEpochSecond());
            assertThat(t.http().httpURL()).startsWith("https://api.example-shop.jp/api/checkout");
            assertThat(t.entryPoint().name()).isEqualTo("checkout");
        }

        List<TraceSummary> faulty = all.stream().filter(TraceSummary::hasFault).toList();
        assertThat(faulty).hasSizeGreaterThan(5);
        assertThat(faulty).allMatch(t -> !t.startTime().isBefore(SandboxClients.ONSET));
        Instant firstFault = faulty.stream().map(TraceSummary::startTime).min(Instant::compareTo).orElseThrow();
        assertThat(firstFault).isBefore(SandboxClients.ONSET.plus(Duration.ofMinutes(3)));
        long namingGateway = faulty.stream().filter(SandboxXRayTest::blamesPaymentGatewayTimeout).count();
        assertThat((double) namingGateway / faulty.size()).isBetween(0.6, 0.95);
        assertThat(faulty)
                .allMatch(t -> t.faultRootCauses().size() == 1 && t.faultRootCauses().get(0).clientImpacting());
    }

    @Test
    void theSdkPaginatorWalksEveryPage() {
        long viaPaginator = xray.getTraceSummariesPaginator(summaries("checkout", null)).traceSummaries().stream()
                .count();
        assertThat(viaPaginator).isBetween(100L, 300L);
        assertThat(sandbox.requests("xray")).isEqualTo((viaPaginator + 99) / 100);
    }

    @Test
    void laterPagesSeeTheDataAsOfTheFirstPageEvenWhenTheClockMoves() throws IOException {
        SteppingClock clock = new SteppingClock(SandboxClients.NOW);
        try (Sandbox moving = Sandbox.start(clock, SandboxLatency.none());
             XRayClient client = SandboxClients.xray(moving)) {
            GetTraceSummariesRequest catalog = GetTraceSummariesRequest.builder().startTime(FROM)
                    .endTime(SandboxClients.NOW.plus(Duration.ofMinutes(5))).sampling(false)
                    .filterExpression("service(\"catalog\")").build();
            List<String> expected = client.getTraceSummariesPaginator(catalog).traceSummaries().stream()
                    .map(TraceSummary::id).toList();

            List<String> seen = new ArrayList<>();
            String token = null;
            do {
                GetTraceSummariesResponse page = client.getTraceSummaries(catalog.toBuilder().nextToken(token).build());
                page.traceSummaries().forEach(t -> seen.add(t.id()));
                token = page.nextToken();
                clock.advance(Duration.ofMinutes(2)); // new traces finish, the onset moves
            } while (token != null);

            assertThat(expected).hasSizeGreaterThan(200);
            assertThat(seen).isEqualTo(expected);
        }
    }

    @Test
    void serviceGraphShowsCheckoutToPaymentGatewayFaultingAndToInventoryHealthy() {
        GetServiceGraphResponse graph = xray.getServiceGraph(b -> b.startTime(FROM).endTime(SandboxClients.NOW));

        Map<Integer, Service> byRef = graph.services().stream()
                .collect(Collectors.toMap(Service::referenceId, s -> s));
        Service checkout = graph.services().stream().filter(s -> s.name().equals("checkout")).findFirst()
                .orElseThrow();
        assertThat(checkout.root()).isTrue();
        assertThat(checkout.type()).isEqualTo("AWS::ECS::Container");
        assertThat(checkout.summaryStatistics().faultStatistics().totalCount()).isGreaterThan(5);
        Map<String, Edge> edges = checkout.edges().stream()
                .collect(Collectors.toMap(e -> byRef.get(e.referenceId()).name(), e -> e));
        assertThat(edges).containsOnlyKeys("payment-gateway", "inventory");
        Edge gateway = edges.get("payment-gateway");
        assertThat(gateway.summaryStatistics().faultStatistics().totalCount()).isGreaterThan(5);
        assertThat(gateway.summaryStatistics().totalCount())
                .isEqualTo(gateway.summaryStatistics().okCount()
                        + gateway.summaryStatistics().errorStatistics().totalCount()
                        + gateway.summaryStatistics().faultStatistics().totalCount());
        assertThat(edges.get("inventory").summaryStatistics().faultStatistics().totalCount()).isZero();
        assertThat(edges.get("inventory").summaryStatistics().okCount()).isGreaterThan(100);
        assertThat(byRef.get(gateway.referenceId()).type()).isEqualTo("remote");
        assertThat(graph.startTime()).isEqualTo(FROM);

        Service search = graph.services().stream().filter(s -> s.name().equals("search")).findFirst().orElseThrow();
        assertThat(search.summaryStatistics().faultStatistics().totalCount()).isZero();
    }

    @Test
    void batchGetTracesReturnsSegmentDocumentsNamingTheFailedCall() throws IOException {
        TraceSummary faulty = xray.getTraceSummariesPaginator(summaries("checkout", null)).traceSummaries().stream()
                .filter(SandboxXRayTest::blamesPaymentGatewayTimeout).findFirst().orElseThrow();

        String unknown = "1-00000000-000000000000000000000000";
        BatchGetTracesResponse r = xray.batchGetTraces(b -> b.traceIds(faulty.id(), unknown));

        assertThat(r.unprocessedTraceIds()).containsExactly(unknown);
        assertThat(r.traces()).hasSize(1);
        assertThat(r.traces().get(0).id()).isEqualTo(faulty.id());
        assertThat(r.traces().get(0).duration()).isEqualTo(faulty.duration());
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> docs = new ArrayList<>();
        for (Segment s : r.traces().get(0).segments()) {
            JsonNode d = mapper.readTree(s.document());
            assertThat(d.get("id").asText()).isEqualTo(s.id());
            assertThat(d.get("trace_id").asText()).isEqualTo(faulty.id());
            docs.add(d);
        }
        JsonNode root = docs.get(0);
        assertThat(root.get("name").asText()).isEqualTo("checkout");
        assertThat(root.get("fault").asBoolean()).isTrue();
        assertThat(root.get("http").get("response").get("status").asInt()).isEqualTo(504);
        assertThat(root.get("start_time").decimalValue().longValue()).isEqualTo(faulty.startTime().getEpochSecond());
        JsonNode gatewayCall = null;
        for (JsonNode sub : root.get("subsegments")) {
            if (sub.get("name").asText().equals("payment-gateway")) {
                gatewayCall = sub;
            }
        }
        assertThat(gatewayCall).isNotNull();
        assertThat(gatewayCall.get("fault").asBoolean()).isTrue();
        assertThat(gatewayCall.get("cause").get("exceptions").get(0).get("type").asText())
                .isEqualTo("ConnectTimeoutException");
        String subsegmentId = gatewayCall.get("id").asText();
        assertThat(docs).anySatisfy(d -> {
            assertThat(d.get("name").asText()).isEqualTo("payment-gateway");
            assertThat(d.get("inferred").asBoolean()).isTrue();
            assertThat(d.get("parent_id").asText()).isEqualTo(subsegmentId);
        });
    }

    @Test
    void searchHasNoFaultsButASlowSearchUrlAfterOnset() {
        List<TraceSummary> all = xray.getTraceSummariesPaginator(summaries("search", null)).traceSummaries().stream()
                .toList();
        assertThat(all).isNotEmpty().noneMatch(TraceSummary::hasFault);
        double slowAfter = average(all, "https://api.example-shop.jp/api/search", true);
        double searchBefore = average(all, "https://api.example-shop.jp/api/search", false);
        double suggest = average(all, "https://api.example-shop.jp/api/search/suggest", true);
        assertThat(slowAfter).isBetween(0.75, 1.1);
        assertThat(searchBefore).isLessThan(0.3);
        assertThat(suggest).isBetween(0.05, 0.15);
        assertThat(all).filteredOn(t -> t.http().httpURL().endsWith("/api/search") && isAfterOnset(t))
                .allSatisfy(t -> assertThat(t.responseTimeRootCauses()).hasSize(1));
    }

    @Test
    void catalogThrottlesOnlyDuringTheSurge() {
        List<TraceSummary> all = xray.getTraceSummariesPaginator(summaries("catalog", null)).traceSummaries().stream()
                .toList();
        long before = all.stream().filter(t -> !isAfterOnset(t)).count();
        long after = all.stream().filter(SandboxXRayTest::isAfterOnset).count();
        assertThat((after / 12.0) / (before / 18.0)).isBetween(3.0, 5.0);
        assertThat(all).filteredOn(t -> !isAfterOnset(t)).noneMatch(TraceSummary::hasThrottle);
        List<TraceSummary> throttled = all.stream().filter(TraceSummary::hasThrottle).toList();
        assertThat(throttled).hasSizeGreaterThan(5);
        assertThat(throttled).allSatisfy(t -> {
            List<String> path = t.hasFault()
                    ? t.faultRootCauses().get(0).services().get(0).entityPath().stream()
                            .map(FaultRootCauseEntity::name).toList()
                    : t.errorRootCauses().get(0).services().get(0).entityPath().stream()
                            .map(e -> e.name()).toList();
            assertThat(path).containsExactly("catalog", "catalog-items");
        });
        long items = after == 0 ? 0 : all.stream().filter(SandboxXRayTest::isAfterOnset)
                .filter(t -> t.http().httpURL().endsWith("/api/items")).count();
        assertThat((double) items / after).isGreaterThan(0.85);
    }

    @Test
    void paymentIsHealthyAndFilterTermsNarrowTheResults() {
        List<TraceSummary> payment = xray.getTraceSummariesPaginator(summaries("payment", null)).traceSummaries()
                .stream().toList();
        assertThat(payment).isNotEmpty().noneMatch(TraceSummary::hasFault).noneMatch(TraceSummary::hasThrottle);

        List<TraceSummary> faultOnly = xray.getTraceSummariesPaginator(GetTraceSummariesRequest.builder()
                .startTime(FROM).endTime(SandboxClients.NOW).sampling(false)
                .filterExpression("service(\"checkout\") AND fault = true").build()).traceSummaries().stream()
                .toList();
        assertThat(faultOnly).isNotEmpty().allMatch(TraceSummary::hasFault);
    }

    @Test
    void unsignedRequestsGetAwsMissingAuthenticationToken() {
        try (XRayClient anonymous = SandboxClients.xray(sandbox, AnonymousCredentialsProvider.create())) {
            assertThatThrownBy(() -> anonymous.getTraceSummaries(summaries("checkout", null)))
                    .isInstanceOfSatisfying(XRayException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationTokenException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Missing Authentication Token");
                    });
        }
    }

    @Test
    void invalidInputGetsInvalidRequestException() {
        assertThatThrownBy(() -> xray.getTraceSummaries(b -> b.startTime(SandboxClients.NOW).endTime(FROM)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> xray.getTraceSummaries(b -> b.startTime(FROM).endTime(SandboxClients.NOW)
                .filterExpression("annotation.account = \"12345\"")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Invalid filter expression");
        assertThatThrownBy(() -> xray.getTraceSummaries(summaries("checkout", "not-a-token")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void errorsCarryTheAwsErrorTypeHeader() throws IOException {
        Request request = new Request.Builder().url(sandbox.xrayUrl().resolve("/TraceSummaries").toString())
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261120/ap-northeast-1/xray/aws4_request, "
                        + "SignedHeaders=host, Signature=00")
                .post(RequestBody.create("{\"StartTime\":10,\"EndTime\":5}", MediaType.get("application/json")))
                .build();
        try (Response r = SandboxClients.okHttp().newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(r.header("x-amzn-ErrorType")).startsWith("InvalidRequestException");
            assertThat(r.header("x-amzn-RequestId")).isNotBlank();
            JsonNode body = new ObjectMapper().readTree(Objects.requireNonNull(r.body()).string());
            assertThat(body.get("__type").asText()).isEqualTo("InvalidRequestException");
            assertThat(body.get("message").asText()).isEqualTo("EndTime must be after StartTime");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static GetTraceSummariesRequest summaries(String service, String token) {
        return GetTraceSummariesRequest.builder()
                .startTime(FROM)
                .endTime(SandboxClients.NOW)
                .filterExpression("service(\"" + service + "\")")
                .sampling(false)
                .nextToken(token)
                .build();
    }

    private static boolean blamesPaymentGatewayTimeout(TraceSummary t) {
        for (FaultRootCause cause : t.faultRootCauses()) {
            for (var service : cause.services()) {
                for (FaultRootCauseEntity e : service.entityPath()) {
                    if (e.name().equals("payment-gateway") && Boolean.TRUE.equals(e.remote())
                            && e.exceptions().stream().anyMatch(x -> x.name().equals("ConnectTimeoutException"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isAfterOnset(TraceSummary t) {
        return !t.startTime().isBefore(SandboxClients.ONSET);
    }

    private static double average(List<TraceSummary> all, String url, boolean afterOnset) {
        return all.stream().filter(t -> t.http().httpURL().equals(url) && isAfterOnset(t) == afterOnset)
                .mapToDouble(TraceSummary::responseTime).average().orElseThrow();
    }
}
