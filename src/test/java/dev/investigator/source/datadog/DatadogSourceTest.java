package dev.investigator.source.datadog;

import static dev.investigator.source.datadog.FakeDatadog.EVENTS;
import static dev.investigator.source.datadog.FakeDatadog.TIMESERIES;
import static dev.investigator.source.datadog.FakeDatadog.fixture;
import static dev.investigator.source.datadog.FakeDatadog.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.Baseline;
import dev.investigator.model.ChangeEvent;
import dev.investigator.model.DataPoint;
import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.MetricSeries;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.source.Retries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The real DatadogSource, with the real Datadog client, against a local fake Datadog. */
class DatadogSourceTest {

    private static final String API_KEY = "dd-api-key-0123456789abcdef";
    private static final String APP_KEY = "dd-app-key-fedcba9876543210";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T05:06:00Z"), ZoneOffset.UTC);
    /** Two retries, delays capped at 20 ms: retry behaviour without slow tests. */
    private static final Retries FAST_RETRIES = new Retries(2, Duration.ofMillis(1), Duration.ofMillis(20));
    private static final String EVENT_TAGS = "service:checkout,env:prod";

    private final ObjectMapper json = new ObjectMapper();
    private final List<DatadogSource> sources = new ArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private FakeDatadog datadog;

    @BeforeEach
    void start() throws Exception {
        datadog = new FakeDatadog();
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        sources.forEach(DatadogSource::close);
        datadog.close();
        // Whatever happened, neither key reached a log line.
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(API_KEY, APP_KEY));
    }

    @Test
    void collectsMetricsWithBaselinesAndDeploysInTwoCalls() throws Exception {
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_checkout.response.json"));
        datadog.enqueue(EVENTS, 200, fixture("v1_events_checkout.response.json"));

        SourceReport report = source(FAST_RETRIES).collect(Checkout.query(Checkout.service(EVENT_TAGS, "abc-def-ghi")), tenSeconds());

        assertThat(report.failed()).as("gap: %s", report.gap()).isFalse();
        assertThat(report.source()).isEqualTo(SourceKind.DATADOG);
        assertThat(report.apiCalls()).isEqualTo(2);
        assertThat(datadog.requestCount()).isEqualTo(2);
        assertThat(report.link()).isEqualTo(datadog.url() + "/dashboard/abc-def-ghi?tpl_var_env=prod&tpl_var_service=checkout"
                + "&from_ts=1795150800000&to_ts=1795151100000&live=false");

        Evidence.Metrics metrics = report.evidence(Evidence.Metrics.class).orElseThrow();
        assertThat(metrics.series()).extracting(MetricSeries::id).containsExactly("requests", "errors", "error_rate", "latency_p95");

        MetricSeries requests = metrics.series().get(0);
        assertThat(requests.label()).isEqualTo("Requests");
        assertThat(requests.points()).as("the null at 05:02 is dropped, not zero").containsExactly(
                point("05:00", 1200), point("05:01", 1180), point("05:03", 1310), point("05:04", 1290));
        assertThat(requests.baselines()).extracting(Baseline::offset).containsExactly(Duration.ofDays(1), Duration.ofDays(7));
        assertThat(requests.baselines().get(0).points()).as("baselines sit on the window's own timestamps").containsExactly(
                point("05:00", 1150), point("05:01", 1170), point("05:02", 1160), point("05:03", 1190), point("05:04", 1175));
        assertThat(requests.baselines().get(1).points()).extracting(DataPoint::value).containsExactly(1100.0, 1120.0, 1130.0, 1140.0);

        MetricSeries errorRate = metrics.series().get(2);
        assertThat(errorRate.points()).extracting(DataPoint::value)
                .containsExactly(0.5, 0.4237288135593220, 13.740458015267176, 18.6046511627907);

        MetricSeries latency = metrics.series().get(3);
        assertThat(latency.unit()).as("the catalog's unit wins over Datadog's").isEqualTo(dev.investigator.model.MetricUnit.MILLISECONDS);
        assertThat(latency.points()).extracting(DataPoint::value).containsExactly(182.5, 190.25, 812.0, 944.75);
        assertThat(latency.baselines().get(1).points()).as("Datadog sent no 7-day series for latency").isEmpty();

        assertThat(metrics.changes()).containsExactly(
                new ChangeEvent(Instant.parse("2026-11-20T04:42:00Z"), "checkout v2026.11.20-3 to prod", "deploy",
                        "https://app.datadoghq.com/event/event?id=6327818702635911562"),
                new ChangeEvent(Instant.parse("2026-11-20T05:01:00Z"), "Feature flag new-cart-ui set to 50%", "change",
                        datadog.url() + "/event/event?id=124"),
                new ChangeEvent(Instant.parse("2026-11-20T05:03:00Z"), "Did you hear the news today?", "change",
                        datadog.url() + "/event/event?id=123"));
    }

    @Test
    void sendsOneTimeseriesRequestWithEveryMetricAndBaseline() throws Exception {
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_checkout.response.json"));
        datadog.enqueue(EVENTS, 200, fixture("v1_events_checkout.response.json"));

        source(FAST_RETRIES).collect(Checkout.query(Checkout.service(EVENT_TAGS, "")), tenSeconds());

        List<RecordedRequest> posts = datadog.requests(TIMESERIES);
        assertThat(posts).hasSize(1);
        RecordedRequest post = posts.get(0);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getHeaders().get("DD-API-KEY")).isEqualTo(API_KEY);
        assertThat(post.getHeaders().get("DD-APPLICATION-KEY")).isEqualTo(APP_KEY);

        JsonNode body = json.readTree(post.getBody().utf8());
        assertThat(body.at("/data/type").asText()).isEqualTo("timeseries_request");
        JsonNode attributes = body.at("/data/attributes");
        assertThat(attributes.get("from").asLong()).isEqualTo(1795150800000L);
        assertThat(attributes.get("to").asLong()).isEqualTo(1795151100000L);
        assertThat(attributes.get("interval").asLong()).as("5 minutes at the 60 s floor").isEqualTo(60_000L);
        assertThat(attributes.get("queries")).hasSize(3);
        assertThat(attributes.get("queries").get(0).get("data_source").asText()).isEqualTo("metrics");
        List<String> queries = new ArrayList<>();
        attributes.get("queries").forEach(q -> queries.add(q.get("name").asText() + "=" + q.get("query").asText()));
        assertThat(queries).containsExactly(
                "requests=sum:trace.http.request.hits{service:checkout,env:prod}.as_count()",
                "errors=sum:trace.http.request.errors{service:checkout,env:prod}.as_count()",
                "latency_p95=p95:trace.http.request{service:checkout,env:prod}");
        List<String> formulas = new ArrayList<>();
        attributes.get("formulas").forEach(f -> formulas.add(f.get("formula").asText()));
        assertThat(formulas).containsExactly(
                "requests", "timeshift(requests, -86400)", "timeshift(requests, -604800)",
                "errors", "timeshift(errors, -86400)", "timeshift(errors, -604800)",
                "100 * errors / requests",
                "100 * timeshift(errors, -86400) / timeshift(requests, -86400)",
                "100 * timeshift(errors, -604800) / timeshift(requests, -604800)",
                "latency_p95", "timeshift(latency_p95, -86400)", "timeshift(latency_p95, -604800)");

        RecordedRequest events = datadog.requests(EVENTS).get(0);
        assertThat(events.getMethod()).isEqualTo("GET");
        assertThat(events.getHeaders().get("DD-API-KEY")).isEqualTo(API_KEY);
        assertThat(events.getUrl().queryParameter("start")).as("epoch seconds, an hour before the window").isEqualTo("1795147200");
        assertThat(events.getUrl().queryParameter("end")).isEqualTo("1795151100");
        assertThat(events.getUrl().queryParameter("tags")).isEqualTo(EVENT_TAGS);
        assertThat(events.getUrl().queryParameter("unaggregated")).as("every event, not rolled up").isEqualTo("true");
    }

    @Test
    void linksToTheApmPageWithoutADashboardAndSkipsEventsWithoutTags() {
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_checkout.response.json"));

        SourceReport report = source(FAST_RETRIES).collect(Checkout.query(Checkout.service("", "")), tenSeconds());

        assertThat(report.apiCalls()).isEqualTo(1);
        assertThat(datadog.requests(EVENTS)).isEmpty();
        assertThat(report.evidence(Evidence.Metrics.class).orElseThrow().changes()).isEmpty();
        assertThat(report.link()).isEqualTo(datadog.url()
                + "/apm/entity/service%3Acheckout?env=prod&start=1795150800000&end=1795151100000&paused=true");
    }

    @Test
    void emptySeriesIsEvidenceWithoutPointsNotAGap() {
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_empty.response.json"));

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        Evidence.Metrics metrics = report.evidence(Evidence.Metrics.class).orElseThrow();
        assertThat(metrics.series()).hasSize(4).allSatisfy(series -> {
            assertThat(series.points()).isEmpty();
            assertThat(series.baselines()).hasSize(2).allSatisfy(b -> assertThat(b.points()).isEmpty());
        });
    }

    @Test
    void keepsMetricsWhenOnlyTheEventsCallFails() {
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_checkout.response.json"));
        datadog.enqueue(EVENTS, 500, "{\"errors\":[\"Internal Server Error\"]}");

        SourceReport report = source(FAST_RETRIES).collect(Checkout.query(Checkout.service(EVENT_TAGS, "")), tenSeconds());

        Evidence.Metrics metrics = report.evidence(Evidence.Metrics.class).orElseThrow();
        assertThat(metrics.series().get(0).points()).hasSize(4);
        assertThat(metrics.changes()).isEmpty();
        assertThat(report.apiCalls()).isEqualTo(2);
        assertThat(logs.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("Datadog events for checkout unavailable", "SERVER_ERROR"));
    }

    @Test
    void missingKeysAreNotConfiguredAndNothingIsSent() {
        DatadogSource source = track(new DatadogSource(new DatadogConnection(datadog.url(), "", " ", Duration.ofSeconds(5)), CLOCK, FAST_RETRIES));

        SourceReport report = source.collect(Checkout.query(Checkout.service(EVENT_TAGS, "")), tenSeconds());

        assertGap(report, GapReason.NOT_CONFIGURED, null, "DD_API_KEY and DD_APP_KEY are not set");
        assertThat(report.apiCalls()).isZero();
        assertThat(datadog.requestCount()).isZero();
    }

    @Test
    void unauthorizedIsAuthRejectedAndNotRetried() {
        datadog.enqueue(TIMESERIES, 401, "{\"errors\":[\"Unauthorized\"]}");

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertGap(report, GapReason.AUTH_REJECTED, 401, "Unauthorized");
        assertThat(datadog.requestCount()).isEqualTo(1);
        assertThat(report.apiCalls()).isEqualTo(1);
        assertThat(report.toString()).doesNotContain(API_KEY, APP_KEY);
    }

    @Test
    void forbiddenIsForbiddenAndAnEchoedKeyIsScrubbed() {
        datadog.enqueue(TIMESERIES, 403, "{\"errors\":[\"Forbidden: application key " + APP_KEY + " lacks timeseries_query\"]}");

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertGap(report, GapReason.FORBIDDEN, 403, "Forbidden: application key *** lacks timeseries_query");
        assertThat(datadog.requestCount()).isEqualTo(1);
    }

    @Test
    void notFoundIsNotFound() {
        datadog.enqueue(TIMESERIES, 404, "{\"errors\":[\"Not found\"]}");

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertGap(report, GapReason.NOT_FOUND, 404, "Not found");
        assertThat(datadog.requestCount()).isEqualTo(1);
    }

    @Test
    void badRequestCarriesDatadogsOwnMessage() {
        datadog.enqueue(TIMESERIES, 400, fixture("v2_query_timeseries_bad_request.response.json"));

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertGap(report, GapReason.CLIENT_ERROR, 400, "API input validation failed: Invalid type. Expected \"timeseries_request\".");
        assertThat(datadog.requestCount()).isEqualTo(1);
    }

    @Test
    void anErrorPageWithoutDatadogErrorsFallsBackToTheStatusLine() {
        datadog.enqueue(TIMESERIES, new MockResponse.Builder().code(502)
                .addHeader("Content-Type", "text/html").body("<html><body>" + "x".repeat(5000) + "</body></html>").build());

        SourceReport report = source(Retries.none()).collect(metricsOnly(), tenSeconds());

        assertGap(report, GapReason.SERVER_ERROR, 502, "HTTP 502 Bad Gateway");
    }

    @Test
    void rateLimitedThenOkRecoversAfterWaitingForTheReset() {
        datadog.enqueue(TIMESERIES, rateLimited().build());
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_checkout.response.json"));
        // Delays capped at 5 s, so the X-RateLimit-Reset of 1 s is what the retry waits.
        Retries honest = new Retries(2, Duration.ofMillis(1), Duration.ofSeconds(5));
        Clock real = Clock.systemUTC();

        long started = System.nanoTime();
        SourceReport report = source(honest).collect(metricsOnly(), Deadline.after(Duration.ofSeconds(10), real));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(report.failed()).as("gap: %s", report.gap()).isFalse();
        assertThat(datadog.requestCount()).isEqualTo(2);
        assertThat(report.apiCalls()).isEqualTo(2);
        assertThat(tookMillis).as("waited for X-RateLimit-Reset: 1").isBetween(950L, 8_000L);
    }

    @Test
    void persistentRateLimitIsAGapAfterBoundedRetriesWithinTheDeadline() {
        for (int i = 0; i < 10; i++) {
            datadog.enqueue(TIMESERIES, rateLimited().build());
        }
        Clock real = Clock.systemUTC();
        Deadline deadline = Deadline.after(Duration.ofSeconds(3), real);

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), deadline);

        assertGap(report, GapReason.RATE_LIMITED, 429, "Rate limit exceeded");
        assertThat(datadog.requestCount()).as("one try and two retries").isEqualTo(3);
        assertThat(report.apiCalls()).isEqualTo(3);
        assertThat(deadline.passed()).isFalse();
    }

    @Test
    void aResetFurtherAwayThanTheDeadlineIsNotWaitedFor() {
        for (int i = 0; i < 3; i++) {
            datadog.enqueue(TIMESERIES, rateLimited().setHeader("X-RateLimit-Reset", "30").build());
        }
        Clock real = Clock.systemUTC();
        Deadline deadline = Deadline.after(Duration.ofSeconds(2), real);

        SourceReport report = source(new Retries(3, Duration.ofMillis(1), Duration.ofSeconds(60))).collect(metricsOnly(), deadline);

        assertGap(report, GapReason.RATE_LIMITED, 429, "Rate limit exceeded");
        assertThat(datadog.requestCount()).isEqualTo(1);
        assertThat(deadline.passed()).isFalse();
    }

    @Test
    void serverErrorThenOkRecovers() {
        datadog.enqueue(TIMESERIES, 500, "{\"errors\":[\"Internal Server Error\"]}");
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_checkout.response.json"));

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertThat(report.failed()).as("gap: %s", report.gap()).isFalse();
        assertThat(report.evidence(Evidence.Metrics.class).orElseThrow().series().get(0).points()).hasSize(4);
        assertThat(datadog.requestCount()).isEqualTo(2);
        assertThat(report.apiCalls()).isEqualTo(2);
    }

    @Test
    void persistentServiceUnavailableIsAServerErrorGap() {
        for (int i = 0; i < 10; i++) {
            datadog.enqueue(TIMESERIES, 503, "{\"errors\":[\"Service Unavailable\"]}");
        }

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertGap(report, GapReason.SERVER_ERROR, 503, "Service Unavailable");
        assertThat(datadog.requestCount()).isEqualTo(3);
        assertThat(report.apiCalls()).isEqualTo(3);
    }

    @Test
    void droppedConnectionIsANetworkGap() {
        for (int i = 0; i < 10; i++) {
            datadog.enqueue(TIMESERIES, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        }

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        Gap gap = report.gap().orElseThrow();
        assertThat(gap.reason()).isEqualTo(GapReason.NETWORK);
        assertThat(gap.httpStatus()).isEmpty();
        assertThat(gap.detail()).startsWith("connection to Datadog failed");
        assertThat(report.apiCalls()).isEqualTo(3);
        assertThat(datadog.requestCount()).isEqualTo(3);
    }

    @Test
    void refusedConnectionIsANetworkGap() throws Exception {
        String nobodyListens;
        try (FakeDatadog gone = new FakeDatadog()) {
            nobodyListens = gone.url();
        }
        DatadogSource source = track(new DatadogSource(
                new DatadogConnection(nobodyListens, API_KEY, APP_KEY, Duration.ofSeconds(5)), CLOCK, FAST_RETRIES));

        SourceReport report = source.collect(metricsOnly(), tenSeconds());

        Gap gap = report.gap().orElseThrow();
        assertThat(gap.reason()).isEqualTo(GapReason.NETWORK);
        assertThat(gap.detail()).contains("Connect");
        assertThat(report.apiCalls()).as("retried like any network failure").isEqualTo(3);
    }

    @Test
    void droppedConnectionThenOkRecovers() {
        datadog.enqueue(TIMESERIES, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_checkout.response.json"));

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertThat(report.failed()).as("gap: %s", report.gap()).isFalse();
        assertThat(report.apiCalls()).isEqualTo(2);
    }

    @Test
    void headersSlowerThanTheDeadlineTimeOutAtTheDeadline() {
        datadog.enqueue(TIMESERIES, json(200, fixture("v2_query_timeseries_checkout.response.json"))
                .headersDelay(20, TimeUnit.SECONDS).build());

        assertTimesOutAtTheDeadline();
    }

    @Test
    void aTricklingBodyTimesOutAtTheDeadline() {
        // 16 bytes every 100 ms: each read succeeds, so only the deadline can stop it.
        datadog.enqueue(TIMESERIES, json(200, fixture("v2_query_timeseries_checkout.response.json"))
                .throttleBody(16, 100, TimeUnit.MILLISECONDS).build());

        assertTimesOutAtTheDeadline();
    }

    @Test
    void truncatedJsonIsMalformed() {
        String whole = fixture("v2_query_timeseries_checkout.response.json");
        datadog.enqueue(TIMESERIES, 200, whole.substring(0, whole.length() / 2));

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        Gap gap = report.gap().orElseThrow();
        assertThat(gap.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(gap.detail()).startsWith("unreadable response from Datadog").hasSizeLessThanOrEqualTo(200);
        assertThat(datadog.requestCount()).as("a broken body is not retried").isEqualTo(1);
    }

    @Test
    void jsonOfTheWrongTypesIsMalformed() {
        datadog.enqueue(TIMESERIES, 200, "{\"data\":{\"type\":\"timeseries_response\",\"attributes\":{\"series\":\"all good\",\"times\":{},\"values\":7}}}");

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertThat(report.gap().orElseThrow().reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(datadog.requestCount()).isEqualTo(1);
    }

    @Test
    void validJsonWithoutDataIsMalformed() {
        datadog.enqueue(TIMESERIES, 200, "{\"status\":\"ok\",\"res_type\":\"time_series\",\"series\":[]}");

        SourceReport report = source(FAST_RETRIES).collect(metricsOnly(), tenSeconds());

        assertGap(report, GapReason.MALFORMED_RESPONSE, null, "timeseries response has no data");
    }

    private void assertTimesOutAtTheDeadline() {
        Clock real = Clock.systemUTC();
        Deadline deadline = Deadline.after(Duration.ofSeconds(1), real);
        DatadogSource source = track(new DatadogSource(
                new DatadogConnection(datadog.url(), API_KEY, APP_KEY, Duration.ofSeconds(30)), real, Retries.standard()));

        long started = System.nanoTime();
        SourceReport report = source.collect(metricsOnly(), deadline);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        Gap gap = report.gap().orElseThrow();
        assertThat(gap.reason()).isEqualTo(GapReason.TIMEOUT);
        assertThat(gap.httpStatus()).isEmpty();
        assertThat(tookMillis).as("gave up at the 1 s deadline, not the 30 s request timeout").isBetween(900L, 3_000L);
        assertThat(datadog.requestCount()).as("no retry once the deadline is gone").isEqualTo(1);
        assertThat(report.apiCalls()).isEqualTo(1);
    }

    private static MockResponse.Builder rateLimited() {
        return json(429, "{\"errors\":[\"Rate limit exceeded\"]}")
                .addHeader("X-RateLimit-Limit", "100")
                .addHeader("X-RateLimit-Period", "10")
                .addHeader("X-RateLimit-Remaining", "0")
                .addHeader("X-RateLimit-Reset", "1")
                .addHeader("X-RateLimit-Name", "query_timeseries");
    }

    private static void assertGap(SourceReport report, GapReason reason, Integer status, String detail) {
        Gap gap = report.gap().orElseThrow(() -> new AssertionError("expected a gap, got " + report.evidence()));
        assertThat(gap.source()).isEqualTo(SourceKind.DATADOG);
        assertThat(gap.reason()).isEqualTo(reason);
        if (status == null) {
            assertThat(gap.httpStatus()).isEmpty();
        } else {
            assertThat(gap.httpStatus()).hasValue(status);
        }
        assertThat(gap.detail()).isEqualTo(detail).doesNotContain(API_KEY, APP_KEY);
    }

    private static DataPoint point(String utcTime, double value) {
        return new DataPoint(Instant.parse("2026-11-20T" + utcTime + ":00Z"), value);
    }

    private static Deadline tenSeconds() {
        return Deadline.after(Duration.ofSeconds(10), CLOCK);
    }

    private static dev.investigator.model.InvestigationQuery metricsOnly() {
        ServiceDefinition service = Checkout.service("", "");
        return Checkout.query(service);
    }

    private DatadogSource source(Retries retries) {
        return track(new DatadogSource(new DatadogConnection(datadog.url(), API_KEY, APP_KEY, Duration.ofSeconds(5)), CLOCK, retries));
    }

    private DatadogSource track(DatadogSource source) {
        sources.add(source);
        return source;
    }
}
