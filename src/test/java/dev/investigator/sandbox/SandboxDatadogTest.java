package dev.investigator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadog.api.client.ApiClient;
import com.datadog.api.client.ApiException;
import com.datadog.api.client.v1.api.EventsApi;
import com.datadog.api.client.v1.model.Event;
import com.datadog.api.client.v1.model.EventListResponse;
import com.datadog.api.client.v2.api.MetricsApi;
import com.datadog.api.client.v2.model.MetricsDataSource;
import com.datadog.api.client.v2.model.MetricsTimeseriesQuery;
import com.datadog.api.client.v2.model.QueryFormula;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequest;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestAttributes;
import com.datadog.api.client.v2.model.TimeseriesFormulaRequestType;
import com.datadog.api.client.v2.model.TimeseriesQuery;
import com.datadog.api.client.v2.model.TimeseriesResponseAttributes;
import com.datadog.api.client.v2.model.TimeseriesResponseSeries;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real datadog-api-client against the sandbox's Datadog, with the requests the Datadog source sends. */
class SandboxDatadogTest {

    private static final long MINUTE = 60_000;

    private Sandbox sandbox;
    private MetricsApi metrics;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxClients.CLOCK, SandboxLatency.none());
        metrics = new MetricsApi(SandboxClients.datadog(sandbox));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void checkoutErrorRateJumpsAfterOnsetWhileBaselinesAndRequestsStayFlat() throws ApiException {
        TimeseriesResponseAttributes a = query("checkout", List.of(
                "requests",
                "timeshift(requests, -86400)",
                "timeshift(requests, -604800)",
                "100 * errors / requests",
                "100 * timeshift(errors, -86400) / timeshift(requests, -86400)",
                "100 * timeshift(errors, -604800) / timeshift(requests, -604800)"));

        assertThat(a.getSeries()).extracting(TimeseriesResponseSeries::getQueryIndex)
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(a.getValues()).hasSize(6).allSatisfy(v -> assertThat(v).hasSameSizeAs(a.getTimes()));
        long from = SandboxClients.NOW.minus(Duration.ofMinutes(30)).toEpochMilli();
        assertThat(a.getTimes().get(0)).isEqualTo(from / MINUTE * MINUTE);
        assertThat(a.getTimes()).allMatch(t -> t % MINUTE == 0).hasSize(31);
        // the bucket still being collected has no value yet; the same bucket a day or a week ago does
        int last = a.getTimes().size() - 1;
        assertThat(a.getValues().get(0).get(last)).isNull();
        assertThat(a.getValues().get(3).get(last)).isNull();
        assertThat(a.getValues().get(1).get(last)).isNotNull();

        Split errorRate = split(a, 3);
        assertThat(errorRate.before()).isBetween(0.1, 0.6);
        assertThat(errorRate.after()).isBetween(6.0, 8.0);
        for (int baseline : new int[] {4, 5}) {
            Split b = split(a, baseline);
            assertThat(b.before()).isBetween(0.1, 0.6);
            assertThat(b.after()).isBetween(0.1, 0.6);
        }
        Split requests = split(a, 0);
        assertThat(requests.after() / requests.before()).isBetween(0.9, 1.1);
        assertThat(requests.before()).isBetween(900.0, 1500.0);
        Split dayBefore = split(a, 1);
        assertThat(dayBefore.after() / requests.after()).isBetween(0.9, 1.1);
    }

    @Test
    void checkoutP95DoublesAfterOnset() throws ApiException {
        Split p95 = split(query("checkout", List.of("p95")), 0);
        assertThat(p95.after() / p95.before()).isBetween(1.8, 2.2);
    }

    @Test
    void searchHasTheDeployEventTwoMinutesBeforeOnsetAndP95TriplesAfterIt() throws ApiException {
        EventListResponse events = new EventsApi(SandboxClients.datadog(sandbox)).listEvents(
                SandboxClients.NOW.minus(Duration.ofMinutes(30)).getEpochSecond(), SandboxClients.NOW.getEpochSecond(),
                new EventsApi.ListEventsOptionalParameters().tags("service:search,env:prod"));

        assertThat(events.getEvents()).hasSize(1);
        Event deploy = events.getEvents().get(0);
        assertThat(deploy.getTitle()).isEqualTo("Deployed search v2.14.0");
        assertThat(deploy.getSourceTypeName()).isEqualTo("deploy");
        assertThat(deploy.getTags()).contains("service:search", "env:prod");
        assertThat(deploy.getDateHappened())
                .isEqualTo(SandboxClients.ONSET.minus(Duration.ofMinutes(2)).getEpochSecond());
        assertThat(deploy.getUrl()).isEqualTo("/event/event?id=" + deploy.getId());

        TimeseriesResponseAttributes a = query("search", List.of("p95", "p99", "100 * errors / requests"));
        Split p95 = split(a, 0);
        Split p99 = split(a, 1);
        Split errors = split(a, 2);
        assertThat(p95.after() / p95.before()).isBetween(3.0, 4.0);
        assertThat(p99.after() / p99.before()).isBetween(3.0, 4.2);
        assertThat(errors.after()).isLessThan(0.3);
    }

    @Test
    void eventsOutsideTheWindowOrWithOtherTagsAreNotListed() throws ApiException {
        EventsApi events = new EventsApi(SandboxClients.datadog(sandbox));
        long start = SandboxClients.NOW.minus(Duration.ofMinutes(30)).getEpochSecond();
        long end = SandboxClients.NOW.getEpochSecond();

        assertThat(events.listEvents(start, end, new EventsApi.ListEventsOptionalParameters()
                .tags("service:payment,env:prod")).getEvents()).isEmpty();
        assertThat(events.listEvents(start - 86_400, end - 86_400, new EventsApi.ListEventsOptionalParameters()
                .tags("service:search,env:prod")).getEvents()).isEmpty();
        assertThat(events.listEvents(start, end, new EventsApi.ListEventsOptionalParameters()
                .tags("service:search,env:staging")).getEvents()).isEmpty();
        assertThat(events.listEvents(start, end, new EventsApi.ListEventsOptionalParameters()
                .tags("service:checkout,env:prod")).getEvents())
                .extracting(Event::getTitle)
                .containsExactly("[Triggered on {service:checkout,env:prod}] checkout error rate is above 5%");
    }

    @Test
    void catalogRequestsQuadrupleWithCpuAndErrorsUp() throws ApiException {
        TimeseriesResponseAttributes a = query("catalog",
                List.of("requests", "cpu", "100 * errors / requests", "p95"));
        assertThat(split(a, 0).after() / split(a, 0).before()).isBetween(3.6, 4.4);
        assertThat(split(a, 1).after() / split(a, 1).before()).isBetween(2.2, 2.8);
        assertThat(split(a, 2).before()).isLessThan(0.5);
        assertThat(split(a, 2).after()).isBetween(1.0, 2.0);
        assertThat(split(a, 3).after() / split(a, 3).before()).isBetween(1.4, 1.8);
    }

    @Test
    void paymentStaysFlat() throws ApiException {
        TimeseriesResponseAttributes a = query("payment",
                List.of("requests", "100 * errors / requests", "p95", "p99", "cpu", "db_connections"));
        for (int i : new int[] {0, 2, 3, 4, 5}) {
            Split s = split(a, i);
            assertThat(s.after() / s.before()).as("series %d", i).isBetween(0.85, 1.15);
        }
        assertThat(split(a, 1).after()).isLessThan(0.6);
    }

    @Test
    void answersAreAPureFunctionOfTheRequestAndClock() throws ApiException {
        List<String> formulas = List.of("requests", "100 * errors / requests", "p99");
        TimeseriesResponseAttributes first = query("checkout", formulas);
        TimeseriesResponseAttributes second = query("checkout", formulas);
        assertThat(second.getValues()).isEqualTo(first.getValues());
        assertThat(second.getTimes()).isEqualTo(first.getTimes());
    }

    @Test
    void missingApplicationKeyIsForbiddenInDatadogsShape() {
        MetricsApi noAppKey = new MetricsApi(SandboxClients.datadog(sandbox, Map.of("apiKeyAuth", "k")));
        assertThatThrownBy(() -> noAppKey.queryTimeseriesData(request("checkout", List.of("requests"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getResponseBody()).isEqualTo("{\"errors\":[\"Forbidden\"]}");
                });
    }

    @Test
    void unknownFormulaNameIsABadRequest() {
        assertThatThrownBy(() -> metrics.queryTimeseriesData(request("checkout", List.of("100 * failures / requests"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).startsWith("{\"errors\":[").contains("failures");
                });
    }

    @Test
    void wrongRequestTypeGetsDatadogsRecordedValidationError() throws IOException {
        try (Response r = post("/api/v2/query/timeseries", fixture("v2_query_timeseries_bad_request.request.json"),
                true)) {
            assertThat(r.code()).isEqualTo(400);
            ObjectMapper mapper = new ObjectMapper();
            assertThat(mapper.readTree(Objects.requireNonNull(r.body()).string()))
                    .isEqualTo(mapper.readTree(fixture("v2_query_timeseries_bad_request.response.json")));
        }
    }

    @Test
    void malformedJsonAndMissingKeysGetDatadogErrorShapes() throws IOException {
        try (Response r = post("/api/v2/query/timeseries", "{\"data\":{\"type\":\"timeseries_req", true)) {
            assertThat(r.code()).isEqualTo(400);
            assertThat(Objects.requireNonNull(r.body()).string()).startsWith("{\"errors\":[\"API input validation");
        }
        try (Response r = post("/api/v2/query/timeseries", "{}", false)) {
            assertThat(r.code()).isEqualTo(403);
        }
        assertThat(sandbox.requests("datadog")).isEqualTo(2);
    }

    @Test
    void unknownMetricsGetAPlausibleFlatSeries() throws ApiException {
        var attributes = new TimeseriesFormulaRequestAttributes()
                .from(SandboxClients.NOW.minus(Duration.ofMinutes(30)).toEpochMilli())
                .to(SandboxClients.NOW.toEpochMilli())
                .interval(MINUTE)
                .addQueriesItem(new TimeseriesQuery(new MetricsTimeseriesQuery()
                        .dataSource(MetricsDataSource.METRICS).name("q")
                        .query("avg:custom.queue.depth{service:checkout}")))
                .addFormulasItem(new QueryFormula().formula("q"));
        TimeseriesFormulaQueryResponse r = metrics.queryTimeseriesData(new TimeseriesFormulaQueryRequest()
                .data(new TimeseriesFormulaRequest().type(TimeseriesFormulaRequestType.TIMESERIES_REQUEST)
                        .attributes(attributes)));
        Split s = split(r.getData().getAttributes(), 0);
        assertThat(s.before()).isBetween(40.0, 60.0);
        assertThat(s.after()).isBetween(40.0, 60.0);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Medians of a series before the onset and from the onset on (nulls skipped). */
    private record Split(double before, double after) {
    }

    private static Split split(TimeseriesResponseAttributes a, int series) {
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        List<Double> values = a.getValues().get(series);
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v != null) {
                (a.getTimes().get(i) >= SandboxClients.ONSET.toEpochMilli() ? after : before).add(v);
            }
        }
        assertThat(before).as("points before onset").hasSizeGreaterThan(10);
        assertThat(after).as("points after onset").hasSizeGreaterThan(8);
        return new Split(median(before), median(after));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private TimeseriesResponseAttributes query(String service, List<String> formulas) throws ApiException {
        return metrics.queryTimeseriesData(request(service, formulas)).getData().getAttributes();
    }

    /** The request the Datadog source sends for the standard catalog metrics. */
    private static TimeseriesFormulaQueryRequest request(String service, List<String> formulas) {
        Map<String, String> queries = new LinkedHashMap<>();
        String scope = "{service:" + service + ",env:prod}";
        queries.put("requests", "sum:trace.http.request.hits" + scope + ".as_count()");
        queries.put("errors", "sum:trace.http.request.errors" + scope + ".as_count()");
        queries.put("p95", "p95:trace.http.request" + scope);
        queries.put("p99", "p99:trace.http.request" + scope);
        queries.put("cpu", "avg:ecs.fargate.cpu.percent" + scope);
        queries.put("db_connections", "avg:aws.rds.database_connections" + scope);
        Instant now = SandboxClients.NOW;
        var attributes = new TimeseriesFormulaRequestAttributes()
                .from(now.minus(Duration.ofMinutes(30)).toEpochMilli())
                .to(now.toEpochMilli())
                .interval(MINUTE);
        queries.forEach((name, q) -> attributes.addQueriesItem(new TimeseriesQuery(
                new MetricsTimeseriesQuery().dataSource(MetricsDataSource.METRICS).name(name).query(q))));
        formulas.forEach(f -> attributes.addFormulasItem(new QueryFormula().formula(f)));
        return new TimeseriesFormulaQueryRequest().data(new TimeseriesFormulaRequest()
                .type(TimeseriesFormulaRequestType.TIMESERIES_REQUEST).attributes(attributes));
    }

    private Response post(String path, String json, boolean withKeys) throws IOException {
        OkHttpClient http = SandboxClients.okHttp();
        Request.Builder b = new Request.Builder()
                .url(sandbox.datadogUrl().resolve(path).toString())
                .post(RequestBody.create(json, MediaType.get("application/json")));
        if (withKeys) {
            b.header("DD-API-KEY", "k").header("DD-APPLICATION-KEY", "a");
        }
        return http.newCall(b.build()).execute();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = SandboxDatadogTest.class.getResourceAsStream("/fixtures/datadog/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
