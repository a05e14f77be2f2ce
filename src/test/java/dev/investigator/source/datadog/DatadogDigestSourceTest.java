package dev.investigator.source.datadog;

import static dev.investigator.source.datadog.FakeDatadog.TIMESERIES;
import static dev.investigator.source.datadog.FakeDatadog.fixture;
import static dev.investigator.source.datadog.FakeDatadog.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.digest.ActiveMonitor;
import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.digest.Vital;
import dev.investigator.digest.VitalReading;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.ExampleCatalog;
import dev.investigator.source.Retries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The real DatadogDigestSource, with the real Datadog client, against a local fake Datadog. */
class DatadogDigestSourceTest {

    static final String MONITORS = "/api/v1/monitor/search";
    private static final String API_KEY = "dd-api-key-0123456789abcdef";
    private static final String APP_KEY = "dd-app-key-fedcba9876543210";
    /** 09:00 to 09:00 in Tokyo: whole UTC days, so the fixture has one bucket a day. */
    private static final TimeWindow PERIOD = new TimeWindow(Instant.parse("2026-11-19T00:00:00Z"), Instant.parse("2026-11-20T00:00:00Z"));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T00:00:30Z"), ZoneOffset.UTC);
    private static final Retries FAST_RETRIES = new Retries(2, Duration.ofMillis(1), Duration.ofMillis(20));

    private final ObjectMapper json = new ObjectMapper();
    private final List<DatadogDigestSource> sources = new ArrayList<>();
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
        sources.forEach(DatadogDigestSource::close);
        datadog.close();
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(API_KEY, APP_KEY));
    }

    // --- success -----------------------------------------------------------------------------------------------

    @Test
    void readsEveryVitalOfEveryServiceAgainstItsBaselinesAndTheAlertingMonitorsInTwoCalls() {
        datadog.enqueue(TIMESERIES, 200, fixture("digest-timeseries.response.json"));
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        assertThat(report.gap()).as("gap").isEmpty();
        assertThat(report.source()).isEqualTo(SourceKind.DATADOG);
        assertThat(report.apiCalls()).isEqualTo(2);
        assertThat(datadog.requestCount()).isEqualTo(2);
        DigestEvidence.Vitals vitals = report.evidence(DigestEvidence.Vitals.class).orElseThrow();
        assertThat(vitals.readings()).containsOnlyKeys("checkout", "search", "catalog");

        List<VitalReading> checkout = vitals.readings().get("checkout");
        assertThat(checkout).extracting(VitalReading::vital).containsExactly(Vital.REQUESTS, Vital.ERROR_RATE, Vital.P95_LATENCY);
        assertReading(checkout.get(0), 1_702_000, 1_700_000, 1_700_000);
        // 53,618 errors of 1,702,000 requests; the day whose errors Datadog left empty counts as 0 %.
        assertReading(checkout.get(1), 100.0 * 53_618 / 1_702_000, 0.3, 0.3);
        assertReading(checkout.get(2), 190.25, 182.5, 182.5);

        List<VitalReading> search = vitals.readings().get("search");
        assertReading(search.get(0), 4_312_000, 4_300_000, 4_305_000);
        assertReading(search.get(1), 0.1, 0.1, 0.1);
        assertReading(search.get(2), 247.5, 120.0, 120.5);

        assertThat(vitals.readings().get("catalog")).as("asked, but Datadog had no data: readings without values")
                .hasSize(3).allSatisfy(r -> {
                    assertThat(r.current()).isEmpty();
                    assertThat(r.sameDayLastWeek()).isEmpty();
                    assertThat(r.median7d()).isEmpty();
                });

        assertThat(vitals.monitors()).containsOnlyKeys("checkout", "search", "catalog");
        assertThat(vitals.monitors().get("checkout")).as("the staging monitor and the OK one are left out").containsExactly(
                new ActiveMonitor("70001", "High error rate on checkout", "Alert",
                        Optional.of(Instant.parse("2026-11-19T22:14:00Z")), datadog.url() + "/monitors/70001"));
        assertThat(vitals.monitors().get("search")).containsExactly(
                new ActiveMonitor("70002", "p95 latency above 300 ms on search", "Warn",
                        Optional.of(Instant.parse("2026-11-19T21:05:00Z")), datadog.url() + "/monitors/70002"));
        assertThat(vitals.monitors().get("catalog")).extracting(ActiveMonitor::id).as("tags are matched case-insensitively")
                .containsExactly("70006");
    }

    @Test
    void asksOneTimeseriesRequestWithOneQueryPerServiceAndVitalOverTheEightDays() throws Exception {
        datadog.enqueue(TIMESERIES, 200, fixture("digest-timeseries.response.json"));
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));

        source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        List<RecordedRequest> posts = datadog.requests(TIMESERIES);
        assertThat(posts).hasSize(1);
        RecordedRequest post = posts.get(0);
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getHeaders().get("DD-API-KEY")).isEqualTo(API_KEY);
        assertThat(post.getHeaders().get("DD-APPLICATION-KEY")).isEqualTo(APP_KEY);
        JsonNode attributes = json.readTree(post.getBody().utf8()).at("/data/attributes");
        assertThat(attributes.get("from").asLong()).as("a week before the period").isEqualTo(Instant.parse("2026-11-12T00:00:00Z").toEpochMilli());
        assertThat(attributes.get("to").asLong()).isEqualTo(PERIOD.to().toEpochMilli());
        assertThat(attributes.get("interval").asLong()).as("the period is whole UTC days").isEqualTo(86_400_000L);
        assertThat(queries(attributes)).containsExactly(
                "s0_requests=sum:trace.http.request.hits{service:checkout,env:prod}.as_count()",
                "s0_errors=sum:trace.http.request.errors{service:checkout,env:prod}.as_count()",
                "s0_latency_p95=p95:trace.http.request{service:checkout,env:prod}",
                "s1_requests=sum:trace.http.request.hits{service:search,env:prod}.as_count()",
                "s1_errors=sum:trace.http.request.errors{service:search,env:prod}.as_count()",
                "s1_latency_p95=p95:trace.http.request{service:search,env:prod}",
                "s2_requests=sum:trace.http.request.hits{service:catalog,env:prod}.as_count()",
                "s2_errors=sum:trace.http.request.errors{service:catalog,env:prod}.as_count()",
                "s2_latency_p95=p95:trace.http.request{service:catalog,env:prod}");
        List<String> formulas = new ArrayList<>();
        attributes.get("formulas").forEach(f -> formulas.add(f.get("formula").asText()));
        assertThat(formulas).as("one formula per query, no error-rate formula, no p99/cpu/db").containsExactly(
                "s0_requests", "s0_errors", "s0_latency_p95", "s1_requests", "s1_errors", "s1_latency_p95",
                "s2_requests", "s2_errors", "s2_latency_p95");

        RecordedRequest search = datadog.requests(MONITORS).get(0);
        assertThat(search.getMethod()).isEqualTo("GET");
        assertThat(search.getUrl().queryParameter("query")).isEqualTo("status:(alert OR warn)");
        assertThat(search.getUrl().queryParameter("page")).isEqualTo("0");
        assertThat(search.getUrl().queryParameter("per_page")).isEqualTo("100");
        assertThat(search.getHeaders().get("DD-API-KEY")).isEqualTo(API_KEY);
    }

    @Test
    void allFiveServicesFitOneRequestByDefault() throws Exception {
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_empty.response.json"));
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));

        DigestReport report = source(FAST_RETRIES).collect(ExampleCatalog.digest(PERIOD, ExampleCatalog.services()), tenSeconds());

        assertThat(report.apiCalls()).as("1 timeseries + 1 monitor search for 5 services").isEqualTo(2);
        assertThat(datadog.requests(TIMESERIES)).hasSize(1);
        assertThat(queries(json.readTree(datadog.requests(TIMESERIES).get(0).getBody().utf8()).at("/data/attributes")))
                .hasSize(15).last().isEqualTo("s4_latency_p95=p95:trace.http.request{service:inventory,env:prod-jp}");
    }

    @Test
    void queriesBeyondThePerRequestLimitArePackedIntoTheFewestRequests() throws Exception {
        for (int i = 0; i < 3; i++) {
            datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_empty.response.json"));
        }
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));
        DatadogDigestSource source = track(new DatadogDigestSource(connection(Duration.ofSeconds(5)), CLOCK, FAST_RETRIES, 6));

        DigestReport report = source.collect(ExampleCatalog.digest(PERIOD, ExampleCatalog.services()), tenSeconds());

        assertThat(report.gap()).as("gap").isEmpty();
        List<RecordedRequest> posts = datadog.requests(TIMESERIES);
        assertThat(posts).as("15 queries, 6 a request").hasSize(3);
        List<List<String>> perRequest = new ArrayList<>();
        for (RecordedRequest post : posts) {
            perRequest.add(queries(json.readTree(post.getBody().utf8()).at("/data/attributes")).stream()
                    .map(q -> q.substring(0, q.indexOf('='))).toList());
        }
        assertThat(perRequest).containsExactly(
                List.of("s0_requests", "s0_errors", "s0_latency_p95", "s1_requests", "s1_errors", "s1_latency_p95"),
                List.of("s2_requests", "s2_errors", "s2_latency_p95", "s3_requests", "s3_errors", "s3_latency_p95"),
                List.of("s4_requests", "s4_errors", "s4_latency_p95"));
        assertThat(report.apiCalls()).isEqualTo(4);
        assertThat(report.evidence(DigestEvidence.Vitals.class).orElseThrow().readings()).hasSize(5);
    }

    @Test
    void anErrorRateQueryIsUsedOnlyWhenErrorsOrRequestsAreMissingAndFormulasAreNeverSent() throws Exception {
        ServiceDefinition ratesOnly = withMetrics(ExampleCatalog.service("payment"), List.of(
                new MetricQuery("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, null, "a + b"),
                new MetricQuery("rate", "Error rate", MetricRole.ERROR_RATE, MetricUnit.PERCENT,
                        "avg:payment.error_rate{env:prod}", null),
                new MetricQuery("p95", "p95", MetricRole.LATENCY_P95, MetricUnit.MILLISECONDS, "p95:payment.latency{env:prod}", null)));
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_empty.response.json"));
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));

        DigestReport report = source(FAST_RETRIES).collect(ExampleCatalog.digest(PERIOD, List.of(ratesOnly)), tenSeconds());

        assertThat(queries(json.readTree(datadog.requests(TIMESERIES).get(0).getBody().utf8()).at("/data/attributes")))
                .containsExactly("s0_p95=p95:payment.latency{env:prod}", "s0_rate=avg:payment.error_rate{env:prod}");
        assertThat(report.evidence(DigestEvidence.Vitals.class).orElseThrow().readings().get("payment"))
                .extracting(VitalReading::vital).containsExactly(Vital.ERROR_RATE, Vital.P95_LATENCY);
    }

    // --- monitors ------------------------------------------------------------------------------------------------

    @Test
    void monitorPagesAreFollowedWhileDatadogSaysThereAreMoreUpToTheBound() throws Exception {
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_empty.response.json"));
        String page = fixture("digest-monitor-search.response.json").replace("\"page_count\": 1", "\"page_count\": 9");
        for (int i = 0; i < 5; i++) {
            datadog.enqueue(MONITORS, 200, page);
        }

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        List<RecordedRequest> searches = datadog.requests(MONITORS);
        assertThat(searches).as("9 pages announced, 3 read").hasSize(3);
        assertThat(searches).extracting(r -> r.getUrl().queryParameter("page")).containsExactly("0", "1", "2");
        assertThat(report.apiCalls()).isEqualTo(4);
        assertThat(report.evidence(DigestEvidence.Vitals.class).orElseThrow().monitors().get("checkout"))
                .as("a monitor seen on several pages counts once").hasSize(1);
    }

    @Test
    void failingMonitorsLeaveTheVitalsStandingAndAreLogged() {
        datadog.enqueue(TIMESERIES, 200, fixture("digest-timeseries.response.json"));
        for (int i = 0; i < 3; i++) {
            datadog.enqueue(MONITORS, 500, "{\"errors\":[\"Internal Server Error\"]}");
        }

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        DigestEvidence.Vitals vitals = report.evidence(DigestEvidence.Vitals.class).orElseThrow();
        assertThat(vitals.readings()).hasSize(3);
        assertThat(vitals.monitors()).isEmpty();
        assertThat(datadog.requests(MONITORS)).as("retried like any 500").hasSize(3);
        assertThat(report.apiCalls()).isEqualTo(4);
        assertThat(logs.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("Datadog monitors unavailable", "SERVER_ERROR"));
    }

    // --- failures --------------------------------------------------------------------------------------------------

    @Test
    void missingKeysAreNotConfiguredAndNothingIsSent() {
        DatadogDigestSource source = track(new DatadogDigestSource(
                new DatadogConnection(datadog.url(), " ", "", Duration.ofSeconds(5)), CLOCK, FAST_RETRIES));

        DigestReport report = source.collect(threeServices(), tenSeconds());

        assertGap(report, GapReason.NOT_CONFIGURED, null, "DD_API_KEY and DD_APP_KEY are not set");
        assertThat(report.apiCalls()).isZero();
        assertThat(datadog.requestCount()).isZero();
    }

    @Test
    void aCatalogWithoutVitalQueriesIsNotConfigured() {
        ServiceDefinition cpuOnly = withMetrics(ExampleCatalog.service("checkout"), List.of(
                new MetricQuery("cpu", "CPU", MetricRole.RESOURCE, MetricUnit.PERCENT, "avg:cpu{*}", null)));

        DigestReport report = source(FAST_RETRIES).collect(ExampleCatalog.digest(PERIOD, List.of(cpuOnly)), tenSeconds());

        assertThat(report.gap().orElseThrow().reason()).isEqualTo(GapReason.NOT_CONFIGURED);
        assertThat(datadog.requestCount()).isZero();
    }

    @Test
    void unauthorizedIsAuthRejectedAndNotRetried() {
        datadog.enqueue(TIMESERIES, 401, "{\"errors\":[\"Unauthorized\"]}");
        datadog.enqueue(MONITORS, 401, "{\"errors\":[\"Unauthorized\"]}");

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        assertGap(report, GapReason.AUTH_REJECTED, 401, "Unauthorized");
        assertThat(datadog.requests(TIMESERIES)).hasSize(1);
        assertThat(report.apiCalls()).as("the timeseries call, and the monitor search if it had started").isBetween(1, 2);
        assertThat(report.toString()).doesNotContain(API_KEY, APP_KEY);
    }

    @Test
    void persistentRateLimitIsAGapAfterBoundedRetriesWithinTheDeadline() {
        for (int i = 0; i < 10; i++) {
            datadog.enqueue(TIMESERIES, json(429, "{\"errors\":[\"Rate limit exceeded\"]}")
                    .addHeader("X-RateLimit-Limit", "100").addHeader("X-RateLimit-Remaining", "0")
                    .addHeader("X-RateLimit-Reset", "1").addHeader("X-RateLimit-Name", "query_timeseries").build());
        }
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));
        Deadline deadline = Deadline.after(Duration.ofSeconds(3), Clock.systemUTC());

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), deadline);

        assertGap(report, GapReason.RATE_LIMITED, 429, "Rate limit exceeded");
        assertThat(datadog.requests(TIMESERIES)).as("one try and two retries").hasSize(3);
        assertThat(report.apiCalls()).isBetween(3, 4);
        assertThat(deadline.passed()).isFalse();
    }

    @Test
    void serverErrorThenOkRecovers() {
        datadog.enqueue(TIMESERIES, 500, "{\"errors\":[\"Internal Server Error\"]}");
        datadog.enqueue(TIMESERIES, 200, fixture("digest-timeseries.response.json"));
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        assertThat(report.gap()).as("gap").isEmpty();
        assertThat(report.evidence(DigestEvidence.Vitals.class).orElseThrow().readings().get("search").get(2).current())
                .hasValue(247.5);
        assertThat(datadog.requests(TIMESERIES)).hasSize(2);
        assertThat(report.apiCalls()).isEqualTo(3);
    }

    @Test
    void aFailingSecondBatchFailsTheDigestRatherThanReportHalfTheServices() {
        datadog.enqueue(TIMESERIES, 200, fixture("v2_query_timeseries_empty.response.json"));
        datadog.enqueue(TIMESERIES, 403, "{\"errors\":[\"Forbidden\"]}");
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));
        DatadogDigestSource source = track(new DatadogDigestSource(connection(Duration.ofSeconds(5)), CLOCK, FAST_RETRIES, 6));

        DigestReport report = source.collect(ExampleCatalog.digest(PERIOD, ExampleCatalog.services()), tenSeconds());

        assertGap(report, GapReason.FORBIDDEN, 403, "Forbidden");
        assertThat(datadog.requests(TIMESERIES)).as("the third batch is not sent").hasSize(2);
    }

    @Test
    void droppedConnectionIsANetworkGap() {
        for (int i = 0; i < 3; i++) {
            datadog.enqueue(TIMESERIES, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        }
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        Gap gap = report.gap().orElseThrow();
        assertThat(gap.reason()).isEqualTo(GapReason.NETWORK);
        assertThat(gap.detail()).startsWith("connection to Datadog failed");
        assertThat(datadog.requests(TIMESERIES)).hasSize(3);
    }

    @Test
    void truncatedJsonIsMalformedAndNotRetried() {
        String whole = fixture("digest-timeseries.response.json");
        datadog.enqueue(TIMESERIES, 200, whole.substring(0, whole.length() / 2));
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        Gap gap = report.gap().orElseThrow();
        assertThat(gap.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(gap.detail()).startsWith("unreadable response from Datadog").hasSizeLessThanOrEqualTo(200);
        assertThat(datadog.requests(TIMESERIES)).hasSize(1);
    }

    @Test
    void aSeriesNamingAFormulaThatWasNotAskedIsMalformed() {
        datadog.enqueue(TIMESERIES, 200, fixture("digest-timeseries.response.json").replace("\"query_index\": 3", "\"query_index\": 12"));
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));

        DigestReport report = source(FAST_RETRIES).collect(threeServices(), tenSeconds());

        assertGap(report, GapReason.MALFORMED_RESPONSE, null, "series 0 refers to formula 12 of 9");
    }

    @Test
    void headersSlowerThanTheDeadlineTimeOutAtTheDeadline() {
        datadog.enqueue(TIMESERIES, json(200, fixture("digest-timeseries.response.json")).headersDelay(20, TimeUnit.SECONDS).build());
        datadog.enqueue(MONITORS, 200, fixture("digest-monitor-search.response.json"));
        Clock real = Clock.systemUTC();
        Deadline deadline = Deadline.after(Duration.ofSeconds(1), real);
        DatadogDigestSource source = track(new DatadogDigestSource(connection(Duration.ofSeconds(30)), real, Retries.standard()));

        long started = System.nanoTime();
        DigestReport report = source.collect(threeServices(), deadline);
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        Gap gap = report.gap().orElseThrow();
        assertThat(gap.reason()).isEqualTo(GapReason.TIMEOUT);
        assertThat(tookMillis).as("gave up at the 1 s deadline, not the 30 s request timeout").isBetween(900L, 3_000L);
        assertThat(datadog.requests(TIMESERIES)).as("no retry once the deadline is gone").hasSize(1);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private static void assertReading(VitalReading reading, double current, double lastWeek, double median) {
        assertThat(reading.current()).as("%s current", reading.vital()).isPresent();
        assertThat(reading.current().getAsDouble()).as("%s current", reading.vital()).isCloseTo(current, within(1e-9));
        assertThat(reading.sameDayLastWeek().getAsDouble()).as("%s same day last week", reading.vital()).isCloseTo(lastWeek, within(1e-9));
        assertThat(reading.median7d().getAsDouble()).as("%s 7-day median", reading.vital()).isCloseTo(median, within(1e-9));
    }

    private static void assertGap(DigestReport report, GapReason reason, Integer status, String detail) {
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

    private static List<String> queries(JsonNode attributes) {
        List<String> queries = new ArrayList<>();
        attributes.get("queries").forEach(q -> {
            assertThat(q.get("data_source").asText()).isEqualTo("metrics");
            queries.add(q.get("name").asText() + "=" + q.get("query").asText());
        });
        return queries;
    }

    private static DigestQuery threeServices() {
        return ExampleCatalog.digest(PERIOD, ExampleCatalog.services("checkout", "search", "catalog"));
    }

    private static ServiceDefinition withMetrics(ServiceDefinition service, List<MetricQuery> metrics) {
        ServiceDefinition.Datadog d = service.datadog();
        return new ServiceDefinition(service.name(), service.env(), service.aliases(),
                new ServiceDefinition.Datadog(true, metrics, d.baselines(), d.eventTags(), d.dashboardId(), d.dashboardVars()),
                service.sentry(), service.xray(), service.thresholds());
    }

    private static Deadline tenSeconds() {
        return Deadline.after(Duration.ofSeconds(10), CLOCK);
    }

    private DatadogConnection connection(Duration requestTimeout) {
        return new DatadogConnection(datadog.url(), API_KEY, APP_KEY, requestTimeout);
    }

    private DatadogDigestSource source(Retries retries) {
        return track(new DatadogDigestSource(connection(Duration.ofSeconds(5)), CLOCK, retries));
    }

    private DatadogDigestSource track(DatadogDigestSource source) {
        sources.add(source);
        return source;
    }
}
