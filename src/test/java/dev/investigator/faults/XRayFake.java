package dev.investigator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.model.Evidence;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.TraceStats;
import dev.investigator.source.Retries;
import dev.investigator.source.xray.XRayClients;
import dev.investigator.source.xray.XRayConnection;
import dev.investigator.source.xray.XRaySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * AWS X-Ray's REST-JSON API ({@code POST /TraceSummaries}, {@code /ServiceGraph}, {@code /Traces}), with AWS's
 * error shape: the error type in {@code x-amzn-ErrorType} and in the body's {@code __type}. The source is wired as
 * {@code Application} wires it: the real SDK client signing with static keys, the service graph asked on its own
 * executor while the summaries are paged.
 */
final class XRayFake extends VendorFake {

    static final String SUMMARIES = "/TraceSummaries";
    static final String GRAPH = "/ServiceGraph";
    static final String TRACES = "/Traces";
    /** A huge answer: this many summaries on every page, and always a next page... */
    static final int HUGE_PAGE = 500;
    /** ...and this many services called by checkout in the graph. */
    static final int HUGE_GRAPH = 2_000;
    /** Lists in the evidence hold no more than a reader could use. */
    static final int MAX_LISTED = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceDefinition service = ExampleCatalog.service("checkout");
    private XRayClient client;
    private ExecutorService graphExecutor;

    @Override
    SourceKind kind() {
        return SourceKind.XRAY;
    }

    @Override
    String primaryPath() {
        return SUMMARIES;
    }

    @Override
    EvidenceSource source(Clock clock, Retries retries) {
        closeSource();
        client = XRayClients.create(new XRayConnection(ExampleCatalog.REGION, Optional.of(server.uri()),
                Optional.of(new XRayConnection.StaticKeys(Canary.AWS_ACCESS_KEY_ID, Canary.AWS_SECRET)), REQUEST_TIMEOUT));
        graphExecutor = Executors.newFixedThreadPool(2);
        return new XRaySource(client, ExampleCatalog.REGION, clock, retries, XRaySource.DEFAULT_MAX_PAGES, graphExecutor);
    }

    @Override
    int healthyPrimaryRequests() {
        return primaryQueries() * 2; // each slice reads the fixture's two pages (the fake ignores the range)
    }

    /** The 30-minute window is asked in two time slices at once. */
    @Override
    int primaryQueries() {
        return 2;
    }

    /** A slice is known by its StartTime. */
    @Override
    String queryOf(RecordingServer.Hit hit) {
        try {
            return JSON.readTree(hit.body()).path("StartTime").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    int hugePrimaryRequests() {
        return XRaySource.DEFAULT_MAX_PAGES;
    }

    @Override
    int secondaryRequestsAtMost() {
        return 2; // the service graph, and the full traces of a few failures
    }

    /**
     * The SDK's url-connection client does not check Content-Length: over plain HTTP (LocalStack, the sandbox, a
     * proxy) a connection dropped mid-body reaches the JSON parser as a body that ends early, so it is a
     * MALFORMED_RESPONSE gap after one request instead of a retried NETWORK one. (Whether TLS to AWS reports such a
     * cut as an I/O error instead is not tested here.)
     */
    @Override
    boolean detectsShortBody() {
        return false;
    }

    @Override
    InvestigationQuery query(Fault fault) {
        return ExampleCatalog.query(service, ExampleCatalog.WINDOW);
    }

    @Override
    MockResponse healthy(RecordedRequest request, String path, int attempt) {
        return switch (path) {
            case SUMMARIES -> ok(nextToken(request) == null ? "GetTraceSummaries_page1.json" : "GetTraceSummaries_page2.json");
            case GRAPH -> fault() == Fault.HUGE ? json(200, hugeGraph()).build() : ok("GetServiceGraph.json");
            case TRACES -> ok("BatchGetTraces.json");
            default -> awsError(404, "UnknownOperationException", "{\"message\":\"Unknown operation\"}");
        };
    }

    @Override
    MockResponse error(int status) {
        return switch (status) {
            case 401 -> awsError(401, "UnrecognizedClientException", fixture("xray/error_UnrecognizedClientException.json"));
            case 403 -> awsError(403, "AccessDeniedException", fixture("xray/error_AccessDeniedException.json"));
            case 404 -> awsError(404, "NotFoundException", "{\"message\":\"Not Found\"}");
            case 503 -> awsError(503, "ServiceUnavailableException", fixture("xray/error_ServiceUnavailable.json"));
            default -> awsError(status, "InternalFailure", fixture("xray/error_InternalFailure.json"));
        };
    }

    @Override
    MockResponse rateLimited(long seconds) {
        return new MockResponse.Builder(awsError(429, "ThrottledException:http://internal.amazon.com/coral/com.amazon.xray/",
                fixture("xray/error_ThrottledException.json")))
                .addHeader("Retry-After", Long.toString(seconds)).build();
    }

    @Override
    MockResponse truncated(RecordedRequest request) {
        return ok("GetTraceSummaries_truncated.json");
    }

    @Override
    MockResponse wrongShape() {
        return ok("GetTraceSummaries_wrong_shape.json");
    }

    @Override
    MockResponse empty(RecordedRequest request) {
        return ok("GetTraceSummaries_empty.json");
    }

    @Override
    MockResponse huge(RecordedRequest request, int attempt) {
        return json(200, hugePage(attempt)).addHeader("x-amzn-RequestId", "c0ffee00-0000-4000-8000-00000000000" + (attempt % 10)).build();
    }

    @Override
    void assertHealthy(Evidence evidence) {
        TraceStats stats = ((Evidence.Traces) evidence).stats();
        assertThat(stats.traces()).as("both fixture pages, each trace once though both slices read them").isEqualTo(40);
        assertThat(stats.edges()).as("from the service graph").isNotEmpty();
        assertThat(stats.truncated()).isFalse();
    }

    @Override
    void assertEmpty(Evidence evidence) {
        TraceStats stats = ((Evidence.Traces) evidence).stats();
        assertThat(stats.traces()).isZero();
        assertThat(stats.faults()).isZero();
        assertThat(stats.examples()).isEmpty();
        assertThat(stats.rootCauses()).isEmpty();
        assertThat(stats.truncated()).isFalse();
    }

    @Override
    void assertHugeIsCapped(Evidence evidence) {
        TraceStats stats = ((Evidence.Traces) evidence).stats();
        assertThat(stats.truncated()).as("paging stopped at the bound: the counts are a sample").isTrue();
        assertThat(stats.traces()).as("what the pages read held").isEqualTo((long) HUGE_PAGE * XRaySource.DEFAULT_MAX_PAGES);
        assertThat(stats.examples().size()).as("examples").isBetween(1, 5);
        assertThat(stats.slowestEndpoints().size()).as("endpoints").isBetween(1, 5);
        assertThat(stats.rootCauses().size()).as("root causes").isBetween(1, MAX_LISTED);
        assertThat(stats.edges().size()).as("service graph edges").isBetween(1, MAX_LISTED);
    }

    private static String nextToken(RecordedRequest request) {
        try {
            JsonNode token = JSON.readTree(request.getBody().utf8()).get("NextToken");
            return token == null || token.isNull() ? null : token.asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse ok(String fixture) {
        return json(200, fixture("xray/" + fixture)).addHeader("x-amzn-RequestId", "8f0f6a2e-4c1d-4b7e-9a3b-2d5c6e7f8a9b").build();
    }

    /** AWS's JSON error: the type in x-amzn-ErrorType and in the body's __type, the text in message. */
    private static MockResponse awsError(int code, String errorType, String body) {
        return json(code, body)
                .addHeader("x-amzn-RequestId", "0b7a1f0e-2c3d-4e5f-8a9b-1c2d3e4f5a6b")
                .addHeader("x-amzn-ErrorType", errorType)
                .build();
    }

    /**
     * {@link #HUGE_PAGE} faulty traces shaped like the fixture's, each on its own URL and blaming its own one of
     * 500 dependencies, with a next page always promised.
     */
    private static String hugePage(int page) {
        try {
            JsonNode fixture = JSON.readTree(fixture("xray/GetTraceSummaries_page1.json"));
            ObjectNode template = null;
            for (JsonNode summary : fixture.get("TraceSummaries")) {
                if (summary.get("HasFault").asBoolean() && !summary.get("FaultRootCauses").isEmpty()) {
                    template = (ObjectNode) summary;
                    break;
                }
            }
            ObjectNode root = JSON.createObjectNode();
            ArrayNode summaries = root.putArray("TraceSummaries");
            double start = ExampleCatalog.WINDOW.from().getEpochSecond();
            for (int i = 0; i < HUGE_PAGE; i++) {
                int n = page * HUGE_PAGE + i;
                ObjectNode s = template.deepCopy();
                s.put("Id", String.format("1-%08x-%024x", (long) start + n % 1800, (long) n));
                s.put("StartTime", start + (n % 1800) + 0.25);
                s.put("ResponseTime", 0.05 + (n % 997) / 1000.0);
                s.put("Duration", 0.06 + (n % 997) / 1000.0);
                ((ObjectNode) s.get("Http")).put("HttpURL", "https://shop.example.jp/api/items/" + n + "?ref=huge");
                ObjectNode thrower = (ObjectNode) s.at("/FaultRootCauses/0/Services/1/EntityPath/1");
                thrower.put("Name", "dep-" + (n % 500) + ".example.com");
                ((ObjectNode) thrower.at("/Exceptions/0")).put("Name", "Timeout" + (n % 7) + "Exception");
                summaries.add(s);
            }
            root.put("ApproximateTime", ExampleCatalog.WINDOW.to().getEpochSecond());
            root.put("TracesProcessedCount", HUGE_PAGE * 10);
            root.put("NextToken", "page-" + (page + 1));
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checkout calling {@link #HUGE_GRAPH} services, every one of them in the graph. */
    private static String hugeGraph() {
        double from = ExampleCatalog.WINDOW.from().getEpochSecond();
        double to = ExampleCatalog.WINDOW.to().getEpochSecond();
        ObjectNode root = JSON.createObjectNode();
        root.put("StartTime", from);
        root.put("EndTime", to);
        root.put("ContainsOldGroupVersions", false);
        ArrayNode services = root.putArray("Services");
        ObjectNode checkout = services.addObject();
        checkout.put("ReferenceId", 0);
        checkout.put("Name", "checkout");
        checkout.putArray("Names").add("checkout");
        checkout.put("Type", "AWS::ECS::Container");
        ArrayNode edges = checkout.putArray("Edges");
        for (int i = 1; i <= HUGE_GRAPH; i++) {
            ObjectNode edge = edges.addObject();
            edge.put("ReferenceId", i);
            edge.put("StartTime", from);
            edge.put("EndTime", to);
            ObjectNode stats = edge.putObject("SummaryStatistics");
            stats.put("OkCount", 1000 - i % 100);
            stats.putObject("ErrorStatistics").put("ThrottleCount", 0).put("OtherCount", i % 3).put("TotalCount", i % 3);
            stats.putObject("FaultStatistics").put("OtherCount", i % 11).put("TotalCount", i % 11);
            stats.put("TotalCount", 1000);
            stats.put("TotalResponseTime", 40.0 + i % 50);
            ObjectNode target = services.addObject();
            target.put("ReferenceId", i);
            target.put("Name", "dep-" + i + ".example.com");
            target.putArray("Names").add("dep-" + i + ".example.com");
            target.put("Type", "remote");
        }
        return root.toString();
    }

    @Override
    void closeSource() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (graphExecutor != null) {
            graphExecutor.shutdownNow();
            graphExecutor = null;
        }
    }
}
