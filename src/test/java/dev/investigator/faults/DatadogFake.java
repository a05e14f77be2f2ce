package dev.investigator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.model.Baseline;
import dev.investigator.model.Evidence;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.Retries;
import dev.investigator.source.datadog.DatadogConnection;
import dev.investigator.source.datadog.DatadogSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Datadog's API: {@code POST /api/v2/query/timeseries} answers whatever formulas the request asked for, on the
 * request's own time grid (as Datadog does), and {@code GET /api/v1/events} the deploy events fixture.
 */
final class DatadogFake extends VendorFake {

    static final String TIMESERIES = "/api/v2/query/timeseries";
    static final String EVENTS = "/api/v1/events";
    /** A huge answer: this many series ("by {host}") per formula... */
    static final int HUGE_GROUPS = 5;
    /** ...each this many times finer than the step asked for (2,016 points for a week). */
    static final int HUGE_DENSITY = 24;
    /** The most points per series the source keeps; the plan asks for 60 to 120. */
    static final int MAX_POINTS = 1_500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceDefinition service = ExampleCatalog.service("checkout");
    private DatadogSource source;

    @Override
    SourceKind kind() {
        return SourceKind.DATADOG;
    }

    @Override
    String primaryPath() {
        return TIMESERIES;
    }

    @Override
    EvidenceSource source(Clock clock, Retries retries) {
        closeSource();
        source = new DatadogSource(
                new DatadogConnection(server.baseUrl(), Canary.DD_API_KEY, Canary.DD_APP_KEY, REQUEST_TIMEOUT), clock, retries);
        return source;
    }

    @Override
    int healthyPrimaryRequests() {
        return 1;
    }

    @Override
    int hugePrimaryRequests() {
        return 1;
    }

    @Override
    int secondaryRequestsAtMost() {
        return 1; // the events list, asked beside the metrics
    }

    @Override
    InvestigationQuery query(Fault fault) {
        // A week, the longest window a command may ask for: the largest honest answer Datadog could send.
        TimeWindow window = fault == Fault.HUGE
                ? TimeWindow.ending(ExampleCatalog.WINDOW.to(), Duration.ofDays(7)) : ExampleCatalog.WINDOW;
        return ExampleCatalog.query(service, window);
    }

    @Override
    MockResponse healthy(RecordedRequest request, String path, int attempt) {
        if (path.equals(EVENTS)) {
            return json(200, fixture("datadog/v1_events_checkout.response.json")).build();
        }
        if (path.equals(TIMESERIES)) {
            return json(200, timeseries(request, 1, 1)).build();
        }
        return json(404, "{\"errors\":[\"Not found\"]}").build();
    }

    @Override
    MockResponse error(int status) {
        return switch (status) {
            case 401 -> json(401, "{\"errors\":[\"Unauthorized\"]}").build();
            case 403 -> json(403, "{\"errors\":[\"Forbidden\"]}").build();
            case 404 -> json(404, "{\"errors\":[\"Not found\"]}").build();
            case 503 -> htmlError(503, "Service Temporarily Unavailable");
            default -> json(status, "{\"errors\":[\"Internal Server Error\"]}").build();
        };
    }

    @Override
    MockResponse rateLimited(long seconds) {
        // Datadog's rate-limit headers: the reset is in seconds from now.
        return json(429, "{\"errors\":[\"Too many requests\"]}")
                .addHeader("X-RateLimit-Limit", "100")
                .addHeader("X-RateLimit-Period", "60")
                .addHeader("X-RateLimit-Remaining", "0")
                .addHeader("X-RateLimit-Reset", Long.toString(seconds))
                .addHeader("X-RateLimit-Name", "query_timeseries")
                .build();
    }

    @Override
    MockResponse truncated(RecordedRequest request) {
        return json(200, cutInHalf(timeseries(request, 1, 1))).build();
    }

    @Override
    MockResponse wrongShape() {
        // A v1 metrics query answer where a v2 timeseries answer belongs (a misrouted proxy, an old mock).
        return json(200, "{\"status\":\"ok\",\"res_type\":\"time_series\",\"series\":[{\"metric\":\"trace.http.request.hits\","
                + "\"pointlist\":[[1795150800000,1200.0],[1795150860000,1180.0]],\"scope\":\"service:checkout\"}],"
                + "\"from_date\":1795150800000,\"to_date\":1795152600000,\"query\":\"sum:trace.http.request.hits{*}\"}").build();
    }

    @Override
    MockResponse empty(RecordedRequest request) {
        return json(200, fixture("datadog/v2_query_timeseries_empty.response.json")).build();
    }

    @Override
    MockResponse huge(RecordedRequest request, int attempt) {
        return json(200, timeseries(request, HUGE_GROUPS, HUGE_DENSITY)).build();
    }

    @Override
    void assertHealthy(Evidence evidence) {
        Evidence.Metrics metrics = (Evidence.Metrics) evidence;
        assertThat(metrics.series()).extracting(MetricSeries::id)
                .containsExactlyElementsOf(service.datadog().metrics().stream().map(MetricQuery::id).toList());
        assertThat(metrics.series()).allSatisfy(s -> {
            assertThat(s.points().size()).as("30 minutes at one point a minute").isEqualTo(30);
            assertThat(s.baselines()).extracting(Baseline::offset).containsExactly(Duration.ofDays(1), Duration.ofDays(7));
        });
        assertThat(metrics.changes()).as("the deploy events").isNotEmpty();
    }

    @Override
    void assertEmpty(Evidence evidence) {
        Evidence.Metrics metrics = (Evidence.Metrics) evidence;
        assertThat(metrics.series()).as("every catalog metric, without points").hasSize(service.datadog().metrics().size())
                .allSatisfy(s -> {
                    assertThat(s.points()).isEmpty();
                    assertThat(s.baselines()).allSatisfy(b -> assertThat(b.points()).isEmpty());
                });
    }

    @Override
    void assertHugeIsCapped(Evidence evidence) {
        Evidence.Metrics metrics = (Evidence.Metrics) evidence;
        assertThat(metrics.series().size()).as("one series per catalog metric, not one per host")
                .isEqualTo(service.datadog().metrics().size());
        assertThat(metrics.series())
                .allSatisfy(s -> {
                    assertThat(s.points().size()).as("points of %s", s.id()).isBetween(1, MAX_POINTS);
                    assertThat(s.baselines()).hasSize(2)
                            .allSatisfy(b -> assertThat(b.points().size()).as("baseline points of %s", s.id())
                                    .isBetween(1, MAX_POINTS));
                });
    }

    /**
     * A v2 timeseries answer to {@code request}: one series per formula (times {@code groups}, as a grouped query
     * answers), on the request's grid made {@code density} times finer.
     */
    private static String timeseries(RecordedRequest request, int groups, int density) {
        try {
            JsonNode attributes = JSON.readTree(request.getBody().utf8()).at("/data/attributes");
            long from = attributes.get("from").asLong();
            long to = attributes.get("to").asLong();
            long step = Math.max(1, attributes.get("interval").asLong() / density);
            int formulas = attributes.get("formulas").size();

            ObjectNode root = JSON.createObjectNode();
            ObjectNode data = root.putObject("data");
            data.put("id", "0");
            data.put("type", "timeseries_response");
            ObjectNode out = data.putObject("attributes");
            ArrayNode series = out.putArray("series");
            ArrayNode times = out.putArray("times");
            ArrayNode values = out.putArray("values");
            int points = 0;
            for (long t = from; t < to; t += step) {
                times.add(t);
                points++;
            }
            for (int g = 0; g < groups; g++) {
                for (int k = 0; k < formulas; k++) {
                    ObjectNode one = series.addObject();
                    ArrayNode tags = one.putArray("group_tags");
                    if (groups > 1) {
                        tags.add("host:i-" + String.format("%08x", g));
                    }
                    one.put("query_index", k);
                    one.putNull("unit");
                    ArrayNode row = values.addArray();
                    for (int j = 0; j < points; j++) {
                        row.add(100.0 + k + g + (j % 5));
                    }
                }
            }
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void closeSource() {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
