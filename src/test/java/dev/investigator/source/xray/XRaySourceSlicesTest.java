package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.TraceStats;
import dev.investigator.source.Retries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The real {@link XRayClient} against a local X-Ray that answers GetTraceSummaries by range, as X-Ray does: the
 * fixture's 40 traces that started in [StartTime, EndTime] (both ends inclusive, to the second), newest first, a
 * few a page, with a NextToken that only its own range accepts. With a sub-request executor the source asks the
 * window in time slices at once.
 */
class XRaySourceSlicesTest {

    private static final String REGION = "ap-northeast-1";
    private static final Instant FROM = Instant.parse("2026-03-10T05:00:00Z");
    private static final Instant MID = Instant.parse("2026-03-10T05:15:00Z");
    private static final Instant TO = Instant.parse("2026-03-10T05:30:00Z");
    /** The fixture trace that started at 05:15:01, moved onto the border between the two slices. */
    private static final String BORDER_TRACE = "1-69afa9d5-2a62f4cb5a3b3d5d8c0e6a07";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T05:31:00Z"), ZoneOffset.UTC);
    private final Retries fastRetries = new Retries(2, Duration.ofMillis(1), Duration.ofMillis(5));
    private final List<JsonNode> summaryRequests = new CopyOnWriteArrayList<>();

    private MockWebServer server;
    private XRayClient client;
    private ExecutorService subRequests;
    private List<ObjectNode> traces;
    private final AtomicInteger borderServed = new AtomicInteger();
    private volatile int pageSize = 11;
    /** Answers the first page of a range instead of the paging fake, when set; null to page normally. */
    private volatile Function<JsonNode, MockResponse> firstPages;

    @BeforeEach
    void start() throws IOException {
        traces = fixtureTraces();
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        server.start();
        client = XRayClients.create(new XRayConnection(REGION, Optional.of(server.url("/").uri()),
                Optional.of(new XRayConnection.StaticKeys("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")),
                Duration.ofSeconds(10)));
        subRequests = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void stop() {
        subRequests.shutdownNow();
        client.close();
        server.close();
    }

    @Test
    void theTwoHalvesOfThirtyMinutesAreAskedAtOnceByTraceStartTime() {
        // Each first page is held until the other half has been asked too: this passes only if both are in flight.
        CountDownLatch bothAsked = new CountDownLatch(2);
        firstPages = body -> {
            bothAsked.countDown();
            try {
                return bothAsked.await(5, TimeUnit.SECONDS) ? null : awsError(500, "InternalFailure", "the other slice never came");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return awsError(500, "InternalFailure", "interrupted");
            }
        };

        SourceReport report = slicing(XRaySource.DEFAULT_MAX_PAGES).collect(query(FROM, TO), deadline());

        assertThat(bothAsked.getCount()).as("both halves were asked").isZero();
        TraceStats stats = stats(report);
        assertThat(stats.traces()).isEqualTo(40);
        assertThat(stats.truncated()).isFalse();
        List<JsonNode> firsts = summaryRequests.stream().filter(b -> !b.has("NextToken")).toList();
        assertThat(firsts).extracting(b -> b.get("StartTime").asLong() + ".." + b.get("EndTime").asLong())
                .containsExactlyInAnyOrder(FROM.getEpochSecond() + ".." + MID.getEpochSecond(),
                        MID.getEpochSecond() + ".." + TO.getEpochSecond());
        assertThat(summaryRequests).allSatisfy(b -> {
            assertThat(b.get("TimeRangeType").asText()).isEqualTo("TraceId");
            assertThat(b.get("FilterExpression").asText()).isEqualTo("service(\"checkout\")");
        });
    }

    @Test
    void theSlicesMergeIntoTheSameEvidenceAsOneQueryWithTheBorderTraceCountedOnce() {
        TraceStats whole = stats(new XRaySource(client, REGION, clock, fastRetries).collect(query(FROM, TO), deadline()));
        int unslicedRequests = summaryRequests.size();
        summaryRequests.clear();
        borderServed.set(0);

        SourceReport report = slicing(XRaySource.DEFAULT_MAX_PAGES).collect(query(FROM, TO), deadline());

        TraceStats sliced = stats(report);
        assertThat(unslicedRequests).as("one query: 40 traces at 11 a page, one page after another").isEqualTo(4);
        assertThat(summaryRequests).as("slices of 22 and 19 traces (the border one in both): 2 pages each").hasSize(4);
        assertThat(borderServed).as("X-Ray's range ends are inclusive: both slices served the border trace").hasValue(2);
        assertThat(sliced).as("counts, root causes, endpoints, edges and examples as one query gives them")
                .isEqualTo(whole);
        assertThat(sliced.traces()).as("the trace on the border, served by both slices, counts once").isEqualTo(40);
        assertThat(sliced.faults()).isEqualTo(9);
        assertThat(report.apiCalls()).as("4 pages + graph + full traces").isEqualTo(6);
        assertThat(server.getRequestCount()).as("both runs").isEqualTo(6 + 6);
    }

    @Test
    void eachSlicePagesWithinItsOwnRange() {
        slicing(XRaySource.DEFAULT_MAX_PAGES).collect(query(FROM, TO), deadline());

        // The fake refuses a NextToken sent with another range, so any mix-up would have failed a page.
        assertThat(summaryRequests.stream().filter(b -> b.has("NextToken")))
                .hasSize(2)
                .allSatisfy(b -> assertThat(b.get("NextToken").asText())
                        .startsWith(b.get("StartTime").asLong() + "-" + b.get("EndTime").asLong() + "@"));
    }

    @Test
    void thePageBoundIsATotalOverAllSlices() {
        pageSize = 4; // slices of 22 and 19 traces: 6 and 5 pages

        SourceReport report = slicing(XRaySource.DEFAULT_MAX_PAGES).collect(query(FROM, TO), deadline());

        TraceStats stats = stats(report);
        assertThat(summaryRequests).as("5 pages in all, not 5 per slice").hasSize(XRaySource.DEFAULT_MAX_PAGES);
        assertThat(summaryRequests.stream().filter(b -> !b.has("NextToken"))).as("every slice got its first page").hasSize(2);
        assertThat(stats.traces()).as("what the 5 pages held").isEqualTo(5 * 4);
        assertThat(stats.truncated()).as("paging stopped at the bound: a sample").isTrue();
    }

    @Test
    void aLongWindowIsAskedInNoMoreSlicesThanThePageBoundAllows() {
        Instant from = TO.minus(Duration.ofHours(6));
        pageSize = 50;

        SourceReport report = slicing(3).collect(query(from, TO), deadline());

        assertThat(report.failed()).isFalse();
        assertThat(summaryRequests).as("three slices, one page each").hasSize(3);
        assertThat(summaryRequests).extracting(b -> b.get("EndTime").asLong() - b.get("StartTime").asLong())
                .containsOnly(Duration.ofHours(2).toSeconds());
        assertThat(stats(report).traces()).as("every fixture trace is in the last slice").isEqualTo(40);
        assertThat(stats(report).truncated()).as("each slice read to its end").isFalse();
    }

    @Test
    void aFailingSliceLeavesTheOtherSlicesTracesMarkedTruncated() {
        firstPages = body -> body.get("StartTime").asLong() == FROM.getEpochSecond()
                ? awsError(500, "InternalFailure", "Internal failure") : null;

        SourceReport report = slicing(XRaySource.DEFAULT_MAX_PAGES).collect(query(FROM, TO), deadline());

        TraceStats stats = stats(report);
        assertThat(stats.traces()).as("the newer half: 19 traces, the one on the border among them").isEqualTo(19);
        assertThat(stats.truncated()).as("a slice is missing: the counts are a sample").isTrue();
        long olderAsked = summaryRequests.stream().filter(b -> b.get("StartTime").asLong() == FROM.getEpochSecond()).count();
        assertThat(olderAsked).as("the failing slice: 1 try + 2 retries").isEqualTo(3);
        assertThat(report.apiCalls()).as("3 failed + 2 pages + graph + full traces").isEqualTo(3 + 2 + 2);
    }

    @Test
    void whenEverySliceFailsTheSourceIsAGapCountingEveryRequest() {
        firstPages = body -> awsError(403, "AccessDeniedException", "User is not authorized to perform: xray:GetTraceSummaries");

        SourceReport report = slicing(XRaySource.DEFAULT_MAX_PAGES).collect(query(FROM, TO), deadline());

        Gap gap = report.gap().orElseThrow(() -> new AssertionError("expected a gap, got " + report.evidence()));
        assertThat(gap.reason()).isEqualTo(GapReason.FORBIDDEN);
        assertThat(gap.httpStatus()).hasValue(403);
        assertThat(summaryRequests).as("each slice asked once; 403 is not retried").hasSize(2);
        assertThat(report.apiCalls()).as("the two slices (and the graph, if it went out before the gap)").isBetween(2, 3);
    }

    @Test
    void aSliceSlowerThanTheDeadlineIsLeftOutAtTheDeadline() {
        Clock wallClock = Clock.systemUTC();
        firstPages = body -> body.get("StartTime").asLong() == FROM.getEpochSecond()
                ? new MockResponse.Builder(page(body)).headersDelay(5, TimeUnit.SECONDS).build() : null;
        XRaySource source = new XRaySource(client, REGION, wallClock, Retries.none(), XRaySource.DEFAULT_MAX_PAGES, subRequests);

        long started = System.nanoTime();
        SourceReport report = source.collect(query(FROM, TO), Deadline.after(Duration.ofMillis(800), wallClock));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        TraceStats stats = stats(report);
        assertThat(tookMillis).as("the deadline, not the slow slice's 5 s").isBetween(700L, 2_500L);
        assertThat(stats.traces()).as("the newer half").isEqualTo(19);
        assertThat(stats.truncated()).isTrue();
    }

    // --- the fake ---------------------------------------------------------------------------------------------

    private MockResponse answer(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        switch (path) {
            case "/ServiceGraph":
                return ok(XRaySourceTest.fixture("GetServiceGraph.json"));
            case "/Traces":
                return ok(XRaySourceTest.fixture("BatchGetTraces.json"));
            case "/TraceSummaries":
                break;
            default:
                return awsError(404, "UnknownOperationException", "Unknown operation");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody().utf8());
        } catch (IOException e) {
            return awsError(400, "InvalidRequestException", "unreadable body");
        }
        summaryRequests.add(body);
        Function<JsonNode, MockResponse> override = firstPages;
        if (override != null && !body.has("NextToken")) {
            MockResponse answer = override.apply(body);
            if (answer != null) {
                return answer;
            }
        }
        return page(body);
    }

    /** One page of the traces that started in the request's range, newest first; a NextToken names its range. */
    private MockResponse page(JsonNode body) {
        long start = body.get("StartTime").asLong();
        long end = body.get("EndTime").asLong();
        String range = start + "-" + end + "@";
        int offset = 0;
        if (body.has("NextToken")) {
            String token = body.get("NextToken").asText();
            if (!token.startsWith(range)) {
                return awsError(400, "InvalidRequestException", "Invalid NextToken");
            }
            offset = Integer.parseInt(token.substring(range.length()));
        }
        List<ObjectNode> matching = traces.stream()
                .filter(t -> t.get("StartTime").asDouble() >= start && t.get("StartTime").asDouble() <= end)
                .sorted(Comparator.comparingDouble((ObjectNode t) -> t.get("StartTime").asDouble()).reversed())
                .toList();
        int to = Math.min(matching.size(), offset + pageSize);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode summaries = out.putArray("TraceSummaries");
        for (ObjectNode trace : matching.subList(Math.min(offset, to), to)) {
            summaries.add(trace);
            if (trace.get("Id").asText().equals(BORDER_TRACE)) {
                borderServed.incrementAndGet();
            }
        }
        out.put("ApproximateTime", end);
        out.put("TracesProcessedCount", matching.size());
        if (to < matching.size()) {
            out.put("NextToken", range + to);
        }
        return ok(out.toString());
    }

    /** The 40 traces of the two fixture pages, one of them starting exactly on the 05:15 border. */
    private static List<ObjectNode> fixtureTraces() {
        List<ObjectNode> all = new ArrayList<>();
        for (String page : List.of("GetTraceSummaries_page1.json", "GetTraceSummaries_page2.json")) {
            try {
                JSON.readTree(XRaySourceTest.fixture(page)).get("TraceSummaries").forEach(t -> all.add((ObjectNode) t));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ObjectNode border = all.stream().filter(t -> t.get("StartTime").asLong() == MID.getEpochSecond() + 1)
                .findFirst().orElseThrow();
        border.put("Id", BORDER_TRACE);
        border.put("StartTime", (double) MID.getEpochSecond());
        return all;
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-RequestId", "8f0f6a2e-4c1d-4b7e-9a3b-2d5c6e7f8a9b").body(body).build();
    }

    private static MockResponse awsError(int code, String type, String message) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("x-amzn-ErrorType", type)
                .body(JSON.createObjectNode().put("__type", type).put("message", message).toString()).build();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private XRaySource slicing(int maxPages) {
        return new XRaySource(client, REGION, clock, fastRetries, maxPages, subRequests);
    }

    private Deadline deadline() {
        return new Deadline(clock.instant().plusSeconds(30), clock);
    }

    private static InvestigationQuery query(Instant from, Instant to) {
        ServiceDefinition service = new ServiceDefinition("checkout", "prod", List.of(),
                new ServiceDefinition.Datadog(false, List.of(), List.of(), "", "", Map.of()),
                new ServiceDefinition.Sentry(false, "", List.of(), "", ""),
                new ServiceDefinition.XRay(true, "service(\"checkout\")", "", "checkout"),
                ServiceDefinition.Thresholds.defaults());
        return new InvestigationQuery("inv-1", service, new TimeWindow(from, to), Origin.SLASH_COMMAND);
    }

    private static TraceStats stats(SourceReport report) {
        assertThat(report.failed()).as("gap: %s", report.gap()).isFalse();
        return report.evidence(Evidence.Traces.class).orElseThrow().stats();
    }
}
