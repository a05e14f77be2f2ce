package dev.investigator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OkHttp against the sandbox's Sentry, with the requests the Sentry source sends. */
class SandboxSentryTest {

    private static final Pattern LINK = Pattern.compile(
            "<([^>]+)>; rel=\"previous\"; results=\"(true|false)\"; cursor=\"([^\"]+)\", "
                    + "<([^>]+)>; rel=\"next\"; results=\"(true|false)\"; cursor=\"([^\"]+)\"");

    private final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient http = SandboxClients.okHttp();
    private Sandbox sandbox;

    /** One answer: status, the Link header and the parsed body. */
    private record Answer(int status, String link, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxClients.CLOCK, SandboxLatency.none());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void projectLookupGivesTheNumericIdAsAString() throws IOException {
        Answer a = get(url("/api/0/projects/sandbox-org/checkout/"), "Bearer t0ken");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("id").isTextual()).isTrue();
        assertThat(a.body().get("id").asText()).isEqualTo("1001");
        assertThat(a.body().get("slug").asText()).isEqualTo("checkout");

        assertThat(get(url("/api/0/projects/sandbox-org/payment-api/"), "Bearer t").body().get("id").asText())
                .isEqualTo("1004");
        Answer unknownOrg = get(url("/api/0/projects/acme/checkout/"), "Bearer t");
        assertThat(unknownOrg.status()).isEqualTo(404);
        assertThat(unknownOrg.body().toString())
                .isEqualTo("{\"detail\":\"The requested resource does not exist\"}");
        assertThat(get(url("/api/0/projects/sandbox-org/Bad Slug!/"), "Bearer t").status()).isEqualTo(404);
    }

    @Test
    void checkoutHasTheNewPaymentGatewayIssueFirstSeenAfterOnsetPlusTwoOldOnes() throws IOException {
        Answer a = get(issues("1001", 25, null), "Bearer t0ken");

        assertThat(a.status()).isEqualTo(200);
        JsonNode list = a.body();
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(3);
        JsonNode top = list.get(0);
        assertThat(top.get("shortId").asText()).isEqualTo("CHECKOUT-1F3");
        assertThat(top.get("title").asText())
                .isEqualTo("PaymentGatewayTimeoutError: upstream payment-gateway timed out after 3000ms");
        assertThat(top.get("metadata").get("title").asText()).isEqualTo(top.get("title").asText());
        assertThat(top.get("culprit").asText()).isEqualTo("checkout.payment.client in authorize");
        assertThat(top.get("substatus").asText()).isEqualTo("new");
        assertThat(top.get("status").asText()).isEqualTo("unresolved");
        Instant firstSeen = Instant.parse(top.get("firstSeen").asText());
        assertThat(firstSeen).isAfter(SandboxClients.ONSET)
                .isBefore(SandboxClients.ONSET.plus(Duration.ofMinutes(2)));
        assertThat(Instant.parse(top.get("lastSeen").asText())).isAfter(firstSeen)
                .isBeforeOrEqualTo(SandboxClients.NOW);
        assertThat(top.get("count").isTextual()).isTrue();
        assertThat(Long.parseLong(top.get("count").asText())).isBetween(300L, 1200L);
        assertThat(top.get("userCount").isNumber()).isTrue();
        assertThat(top.get("userCount").asLong()).isGreaterThan(100);
        assertThat(top.get("project").get("id").asText()).isEqualTo("1001");
        assertThat(top.get("project").get("slug").asText()).isEqualTo("checkout");
        assertThat(top.get("permalink").asText())
                .startsWith(sandbox.sentryUrl() + "/organizations/sandbox-org/issues/" + top.get("id").asText());
        assertThat(top.get("firstRelease").get("version").asText()).isEqualTo("checkout@3.8.1");

        for (JsonNode old : List.of(list.get(1), list.get(2))) {
            assertThat(old.get("substatus").asText()).isEqualTo("ongoing");
            assertThat(Instant.parse(old.get("firstSeen").asText()))
                    .isBefore(SandboxClients.ONSET.minus(Duration.ofDays(30)));
        }
        List<Long> counts = new ArrayList<>();
        list.forEach(i -> counts.add(Long.parseLong(i.get("count").asText())));
        assertThat(counts).isSortedAccordingTo((x, y) -> Long.compare(y, x));

        JsonNode stats = top.get("stats").get("24h");
        assertThat(stats).hasSize(24);
        long lastBucket = stats.get(23).get(0).asLong();
        assertThat(lastBucket).isEqualTo(SandboxClients.NOW.getEpochSecond() / 3600 * 3600);
        assertThat(stats.get(22).get(0).asLong()).isEqualTo(lastBucket - 3600);
        assertThat(stats.get(22).get(1).asLong()).isZero();
        assertThat(stats.get(23).get(1).asLong()).isPositive();

        Matcher link = LINK.matcher(a.link());
        assertThat(link.matches()).as(a.link()).isTrue();
        assertThat(link.group(2)).isEqualTo("false");
        assertThat(link.group(5)).isEqualTo("false");
        assertThat(link.group(6)).isEqualTo("0:25:0");
    }

    @Test
    void paginationFollowsTheLinkHeaderUntilResultsIsFalse() throws IOException {
        List<String> shortIds = new ArrayList<>();
        HttpUrl next = issues("1001", 1, null);
        int pages = 0;
        while (next != null) {
            Answer a = get(next, "Bearer t");
            pages++;
            a.body().forEach(i -> shortIds.add(i.get("shortId").asText()));
            Matcher link = LINK.matcher(a.link());
            assertThat(link.matches()).as(a.link()).isTrue();
            next = link.group(5).equals("true") ? HttpUrl.get(link.group(4)) : null;
            assertThat(pages).isLessThan(5);
        }
        assertThat(pages).isEqualTo(3);
        assertThat(shortIds).containsExactly("CHECKOUT-1F3", "CHECKOUT-1A2", "CHECKOUT-19Z");
    }

    @Test
    void catalogsOldIssueIsEscalatingWithFarMoreEventsThanBefore() throws IOException {
        JsonNode now = get(issues("1003", 25, null), "Bearer t").body();
        JsonNode spiking = now.get(0);
        assertThat(spiking.get("shortId").asText()).isEqualTo("CATALOG-4K");
        assertThat(spiking.get("substatus").asText()).isEqualTo("escalating");
        assertThat(Instant.parse(spiking.get("firstSeen").asText()))
                .isBefore(SandboxClients.ONSET.minus(Duration.ofDays(30)));

        Instant end = SandboxClients.ONSET;
        HttpUrl before = issuesBetween("1003", end.minus(Duration.ofMinutes(30)), end);
        long countBefore = 0;
        for (JsonNode i : get(before, "Bearer t").body()) {
            if (i.get("shortId").asText().equals("CATALOG-4K")) {
                countBefore = Long.parseLong(i.get("count").asText());
            }
        }
        assertThat(Long.parseLong(spiking.get("count").asText())).isGreaterThan(20 * Math.max(1, countBefore));
    }

    @Test
    void searchHasOnlyItsOldIssueAndInventoryHasNone() throws IOException {
        JsonNode search = get(issues("1002", 25, null), "Bearer t").body();
        assertThat(search).hasSize(1);
        assertThat(search.get(0).get("substatus").asText()).isEqualTo("ongoing");

        Answer inventory = get(issues("1005", 25, null), "Bearer t");
        assertThat(inventory.status()).isEqualTo(200);
        assertThat(inventory.body().toString()).isEqualTo("[]");
        Matcher link = LINK.matcher(inventory.link());
        assertThat(link.matches()).isTrue();
        assertThat(link.group(5)).isEqualTo("false");
    }

    @Test
    void missingOrMalformedTokensGetSentrys401() throws IOException {
        Answer none = get(issues("1001", 25, null), null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().get("detail").asText()).isEqualTo("Authentication credentials were not provided.");

        Answer basic = get(issues("1001", 25, null), "Basic dXNlcjpwYXNz");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.body().toString()).isEqualTo("{\"detail\":\"Invalid token\"}");
        assertThat(sandbox.requests("sentry")).isEqualTo(2);
    }

    @Test
    void projectsOutsideTheOrganizationAndBadParametersAreRefused() throws IOException {
        assertThat(get(issues("424242", 25, null), "Bearer t").status()).isEqualTo(403);
        assertThat(get(issues("checkout", 25, null), "Bearer t").status()).isEqualTo(400);
        assertThat(get(issues("1001", 25, "not-a-cursor"), "Bearer t").status()).isEqualTo(400);
        Answer badDate = get(Objects.requireNonNull(issues("1001", 25, null)).newBuilder()
                .setQueryParameter("start", "yesterday").build(), "Bearer t");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("detail").asText()).isNotBlank();
    }

    @Test
    void unknownSlugsExistAsHealthyProjectsSoCatalogAdditionsWork() throws IOException {
        Answer project = get(url("/api/0/projects/sandbox-org/reviews/"), "Bearer t");
        assertThat(project.status()).isEqualTo(200);
        String id = project.body().get("id").asText();
        Answer list = get(issues(id, 25, null), "Bearer t");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().toString()).isEqualTo("[]");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private HttpUrl url(String path) {
        return HttpUrl.get(sandbox.sentryUrl().toString() + path);
    }

    /** The Sentry source's issue query for the 30 minutes ending now. */
    private HttpUrl issues(String projectId, int limit, String cursor) {
        HttpUrl.Builder b = issuesBetween(projectId, SandboxClients.NOW.minus(Duration.ofMinutes(30)),
                SandboxClients.NOW).newBuilder().setQueryParameter("limit", Integer.toString(limit));
        if (cursor != null) {
            b.addQueryParameter("cursor", cursor);
        }
        return b.build();
    }

    private HttpUrl issuesBetween(String projectId, Instant start, Instant end) {
        return url("/api/0/organizations/sandbox-org/issues/").newBuilder()
                .addQueryParameter("project", projectId)
                .addQueryParameter("environment", "prod")
                .addQueryParameter("start", start.toString())
                .addQueryParameter("end", end.toString())
                .addQueryParameter("query", "is:unresolved")
                .addQueryParameter("sort", "freq")
                .addQueryParameter("limit", "25")
                .addQueryParameter("groupStatsPeriod", "24h")
                .build();
    }

    private Answer get(HttpUrl url, String authorization) throws IOException {
        Request.Builder b = new Request.Builder().url(url);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try (Response r = http.newCall(b.build()).execute()) {
            String body = Objects.requireNonNull(r.body()).string();
            return new Answer(r.code(), r.header("Link", ""), mapper.readTree(body));
        }
    }
}
