package dev.investigator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datadog.api.client.v1.api.MonitorsApi;
import com.datadog.api.client.v1.model.MonitorSearchResponse;
import com.datadog.api.client.v1.model.MonitorSearchResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.model.GetTraceSummariesResponse;
import software.amazon.awssdk.services.xray.model.InvalidRequestException;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/** What the sandbox adds for the daily check, through the real clients: monitors, project lists, new-issue and OR filters. */
class SandboxDigestApisTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient http = SandboxClients.okHttp();
    private Sandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxClients.CLOCK, SandboxLatency.none());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theIncidentsAlsoRanOvernightButNotInAnInvestigationsWindowOrItsBaselines() {
        Instant onset = SandboxClients.ONSET;
        long hour = Duration.ofHours(1).toMillis();

        assertThat(Scenarios.incidentShare(onset.minus(Duration.ofHours(6)).toEpochMilli(), hour, onset)).isEqualTo(1.0);
        assertThat(Scenarios.incidentShare(onset.minus(Duration.ofMinutes(150)).toEpochMilli(), hour, onset))
                .as("the episode ends 2 h before the onset").isCloseTo(0.5, within(1e-9));
        assertThat(Scenarios.incidentShare(onset.minus(Duration.ofMinutes(90)).toEpochMilli(), hour, onset)).isZero();
        assertThat(Scenarios.incidentShare(onset.minus(Duration.ofMinutes(30)).toEpochMilli(), hour, onset))
                .as("the onset itself").isCloseTo(0.5, within(1e-9));
        assertThat(Scenarios.incidentShare(onset.minus(Duration.ofDays(1)).toEpochMilli(), hour, onset)).isZero();
        assertThat(Scenarios.incidentAt(onset.minus(Duration.ofHours(12)), onset)).isTrue();
        assertThat(Scenarios.incidentAt(onset.minus(Duration.ofHours(2)), onset)).isFalse();
        assertThat(Scenarios.incidentAt(onset.minus(Duration.ofHours(13)), onset)).isFalse();
    }

    @Test
    void monitorSearchAnswersTheIncidentsMonitorsByStatusAndPages() throws Exception {
        MonitorsApi monitors = new MonitorsApi(SandboxClients.datadog(sandbox));

        MonitorSearchResponse alerting = monitors.searchMonitors(new MonitorsApi.SearchMonitorsOptionalParameters()
                .query("status:(alert OR warn)").page(0L).perPage(100L));
        assertThat(alerting.getMonitors()).extracting(MonitorSearchResult::getName).containsExactly(
                "High error rate on checkout", "p95 latency above 300 ms on search", "CPU above 70% on catalog",
                "Request rate spike on catalog", "Disk almost full on checkout-db");
        assertThat(alerting.getMonitors().get(0).getTags()).contains("service:checkout", "env:prod");
        assertThat(alerting.getMonitors().get(0).getAdditionalProperty("overall_state_modified"))
                .isEqualTo((int) SandboxClients.ONSET.plusSeconds(120 + 60 * (9101 % 3)).getEpochSecond());
        assertThat(alerting.getMetadata().getPageCount()).isEqualTo(1L);

        MonitorSearchResponse everything = monitors.searchMonitors(new MonitorsApi.SearchMonitorsOptionalParameters().perPage(3L));
        assertThat(everything.getMonitors()).hasSize(3);
        assertThat(everything.getMetadata().getTotalCount()).isEqualTo(7L);
        assertThat(everything.getMetadata().getPageCount()).isEqualTo(3L);
    }

    @Test
    void sentryListsTheOrganizationsProjectsWithTheirIds() throws Exception {
        JsonNode projects = get(url("/api/0/organizations/sandbox-org/projects/"));

        List<String> slugs = new ArrayList<>();
        projects.forEach(p -> slugs.add(p.get("slug").asText() + "=" + p.get("id").asText()));
        assertThat(slugs).contains("checkout=1001", "search=1002", "catalog=1003", "payment-api=1004", "inventory=1005");
    }

    @Test
    void sentryFiltersIssuesByWhenTheyWereFirstSeen() throws Exception {
        HttpUrl.Builder base = url("/api/0/organizations/sandbox-org/issues/").newBuilder()
                .addQueryParameter("project", "1001")
                .addQueryParameter("start", SandboxClients.NOW.minus(Duration.ofDays(1)).toString())
                .addQueryParameter("end", SandboxClients.NOW.toString())
                .addQueryParameter("sort", "new")
                .addQueryParameter("groupStatsPeriod", "");
        String since = SandboxClients.NOW.minus(Duration.ofDays(1)).toString();

        JsonNode recent = get(base.addQueryParameter("query", "is:unresolved firstSeen:>=" + since).build());
        assertThat(recent).hasSize(1);
        assertThat(recent.get(0).get("shortId").asText()).isEqualTo("CHECKOUT-1F3");
        assertThat(recent.get(0).has("stats")).isFalse();

        JsonNode older = get(base.setQueryParameter("query", "is:unresolved firstSeen:<" + since).build());
        assertThat(older).extracting(i -> i.get("shortId").asText()).containsExactlyInAnyOrder("CHECKOUT-1A2", "CHECKOUT-19Z");
    }

    @Test
    void xrayAnswersAFilterOfSeveralServicesJoinedWithOr() {
        try (XRayClient xray = SandboxClients.xray(sandbox)) {
            GetTraceSummariesResponse slow = xray.getTraceSummaries(r -> r
                    .startTime(SandboxClients.NOW.minus(Duration.ofMinutes(30))).endTime(SandboxClients.NOW)
                    .filterExpression("((service(\"search\")) AND responsetime >= 0.700) OR ((service(\"checkout\")) AND fault)"));

            List<TraceSummary> traces = slow.traceSummaries();
            assertThat(traces).isNotEmpty();
            assertThat(traces).allSatisfy(t -> {
                String entry = t.entryPoint().name();
                assertThat(entry).isIn("search", "checkout");
                if (entry.equals("search")) {
                    assertThat(t.responseTime()).isGreaterThanOrEqualTo(0.7);
                } else {
                    assertThat(t.hasFault()).isTrue();
                }
            });
            assertThat(traces).extracting(t -> t.entryPoint().name()).contains("search", "checkout");
        }
    }

    @Test
    void xrayStillRefusesWhatItDoesNotUnderstand() {
        try (XRayClient xray = SandboxClients.xray(sandbox)) {
            assertThatThrownBy(() -> xray.getTraceSummaries(r -> r
                            .startTime(SandboxClients.NOW.minus(Duration.ofMinutes(30))).endTime(SandboxClients.NOW)
                            .filterExpression("service(\"search\") OR annotation.tier = \"gold\"")))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    private HttpUrl url(String path) {
        return HttpUrl.get(sandbox.sentryUrl().toString() + path);
    }

    private JsonNode get(HttpUrl url) throws IOException {
        try (Response r = http.newCall(new Request.Builder().url(url).header("Authorization", "Bearer t").build()).execute()) {
            assertThat(r.code()).as(url.toString()).isEqualTo(200);
            return mapper.readTree(Objects.requireNonNull(r.body()).string());
        }
    }
}
