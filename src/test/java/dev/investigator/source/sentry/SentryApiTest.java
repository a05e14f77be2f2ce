package dev.investigator.source.sentry;

import static dev.investigator.source.sentry.FakeSentry.ORG;
import static dev.investigator.source.sentry.FakeSentry.TOKEN;
import static dev.investigator.source.sentry.FakeSentry.fixture;
import static dev.investigator.source.sentry.FakeSentry.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.GapReason;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.SourceFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per outcome of one request: the real OkHttp client against a local fake Sentry, no retries. */
class SentryApiTest {

    static final Instant NOW = Instant.parse("2026-11-20T05:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-20T05:00:00Z"), NOW);
    static final String PROJECT_PATH = "/api/0/projects/acme/checkout/";
    static final String ISSUES_PATH = "/api/0/organizations/acme/issues/";

    private final FakeSentry sentry = new FakeSentry();
    private final Deadline deadline = new Deadline(NOW.plusSeconds(10), CLOCK);
    private SentryApi api;

    @BeforeEach
    void start() {
        sentry.start();
        api = apiAt(sentry.url("/"), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        sentry.close();
    }

    private static SentryApi apiAt(HttpUrl base, Duration requestTimeout) {
        return SentryApi.create(new SentryConnection(base.uri(), ORG, TOKEN, requestTimeout), CLOCK);
    }

    private static IssuesRequest request() {
        return new IssuesRequest(ORG, List.of("4508123456789012", "4508123456789013"), "prod", WINDOW,
                "is:unresolved !transaction:/healthz");
    }

    private SourceFailure projectFailure() {
        return catchThrowableOfType(SourceFailure.class, () -> api.project(ORG, "checkout", deadline));
    }

    private SourceFailure issuesFailure() {
        return catchThrowableOfType(SourceFailure.class, () -> api.issues(request(), Optional.empty(), deadline));
    }

    @Test
    void projectLookupSendsTheTokenAndReturnsTheNumericId() throws Exception {
        sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"));

        ProjectDto project = api.project(ORG, "checkout", deadline);

        assertThat(project.id()).isEqualTo("4508123456789012");
        assertThat(project.slug()).isEqualTo("checkout");
        RecordedRequest sent = sentry.requests().get(0);
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo(PROJECT_PATH);
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.getHeaders().get("Accept")).isEqualTo("application/json");
    }

    @Test
    void selfHostedBasePathIsKeptAndSlugsAreEncodedAsOneSegment() {
        api = apiAt(sentry.url("/sentry/"), Duration.ofSeconds(5));
        sentry.on("/sentry/api/0/projects/acme/odd%2Fslug%3Fx/", FakeSentry.fixture(200, "project_checkout.json"));

        assertThat(api.project(ORG, "odd/slug?x", deadline).id()).isEqualTo("4508123456789012");
        assertThat(sentry.requests().get(0).getUrl().encodedPath()).isEqualTo("/sentry/api/0/projects/acme/odd%2Fslug%3Fx/");
    }

    @Test
    void issuesRequestCarriesEveryParameter() throws Exception {
        sentry.on(ISSUES_PATH, FakeSentry.fixture(200, "org_issues_page1.json"));

        IssuePage page = api.issues(request(), Optional.empty(), deadline);

        assertThat(page.issues()).extracting(IssueDto::shortId)
                .containsExactly("CHECKOUT-1F3", "CHECKOUT-9K", "CHECKOUT-2A", "CHECKOUT-Z7");
        assertThat(page.nextCursor()).isEmpty();
        HttpUrl url = sentry.requests().get(0).getUrl();
        assertThat(url.encodedPath()).isEqualTo(ISSUES_PATH);
        assertThat(url.queryParameterValues("project")).containsExactly("4508123456789012", "4508123456789013");
        assertThat(url.queryParameter("environment")).isEqualTo("prod");
        assertThat(url.queryParameter("start")).isEqualTo("2026-11-20T05:00:00Z");
        assertThat(url.queryParameter("end")).isEqualTo("2026-11-20T05:30:00Z");
        assertThat(url.queryParameter("query")).isEqualTo("is:unresolved !transaction:/healthz");
        assertThat(url.queryParameter("sort")).isEqualTo("freq");
        assertThat(url.queryParameter("limit")).isEqualTo("25");
        assertThat(url.queryParameter("groupStatsPeriod")).isEqualTo("24h");
        assertThat(url.queryParameter("cursor")).isNull();
        assertThat(url.queryParameterNames()).doesNotContain("statsPeriod", "collapse");
    }

    @Test
    void noEnvironmentParameterWhenTheCatalogHasNone() {
        sentry.on(ISSUES_PATH, json(200, "[]"));

        api.issues(new IssuesRequest(ORG, List.of("2"), "", WINDOW, "is:unresolved"), Optional.empty(), deadline);

        assertThat(sentry.requests().get(0).getUrl().queryParameterNames()).doesNotContain("environment");
    }

    @Test
    void cursorIsSentOnOurOwnUrlAndTheNextCursorIsRead() {
        sentry.onCursor(ISSUES_PATH, "0:25:0", new MockResponse.Builder().code(200)
                .addHeader("Link", sentry.link(ISSUES_PATH, "0:0:1", "0:50:0", true))
                .body(fixture("org_issues_page2.json")).build());

        IssuePage page = api.issues(request(), Optional.of("0:25:0"), deadline);

        assertThat(page.nextCursor()).contains("0:50:0");
        assertThat(page.issues()).hasSize(2);
        HttpUrl url = sentry.requests().get(0).getUrl();
        assertThat(url.queryParameter("cursor")).isEqualTo("0:25:0");
        assertThat(url.queryParameterValues("project")).containsExactly("4508123456789012", "4508123456789013");
    }

    @Test
    void unauthorizedIsAuthRejectedWithSentrysDetail() {
        sentry.on(PROJECT_PATH, FakeSentry.fixture(401, "error_401.json"));

        SourceFailure failure = projectFailure();

        assertThat(failure.reason()).isEqualTo(GapReason.AUTH_REJECTED);
        assertThat(failure.httpStatus()).isEqualTo(OptionalInt.of(401));
        assertThat(failure.getMessage()).isEqualTo("HTTP 401: Invalid token");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void forbiddenIsForbidden() {
        sentry.on(ISSUES_PATH, FakeSentry.fixture(403, "error_403.json"));

        SourceFailure failure = issuesFailure();

        assertThat(failure.reason()).isEqualTo(GapReason.FORBIDDEN);
        assertThat(failure.httpStatus()).isEqualTo(OptionalInt.of(403));
        assertThat(failure.getMessage()).isEqualTo("HTTP 403: You do not have permission to perform this action.");
    }

    @Test
    void notFoundIsNotFound() {
        sentry.on(PROJECT_PATH, FakeSentry.fixture(404, "error_404.json"));

        SourceFailure failure = projectFailure();

        assertThat(failure.reason()).isEqualTo(GapReason.NOT_FOUND);
        assertThat(failure.getMessage()).isEqualTo("HTTP 404: The requested resource does not exist");
    }

    @Test
    void otherClientErrorKeepsAShortDetailAndNeverTheToken() {
        String echo = "Invalid query: token " + TOKEN + " " + "x".repeat(400);
        sentry.on(ISSUES_PATH, json(400, "{\"detail\":\"" + echo + "\"}"));

        SourceFailure failure = issuesFailure();

        assertThat(failure.reason()).isEqualTo(GapReason.CLIENT_ERROR);
        assertThat(failure.httpStatus()).isEqualTo(OptionalInt.of(400));
        assertThat(failure.getMessage()).startsWith("HTTP 400: Invalid query: token <redacted> xxx")
                .doesNotContain(TOKEN).hasSizeLessThanOrEqualTo("HTTP 400: ".length() + 200);
    }

    @Test
    void rateLimitedReadsRetryAfterSeconds() {
        sentry.on(ISSUES_PATH, new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
                .addHeader("X-Sentry-Rate-Limit-Remaining", "0").body(fixture("error_429.json")).build());

        SourceFailure failure = issuesFailure();

        assertThat(failure.reason()).isEqualTo(GapReason.RATE_LIMITED);
        assertThat(failure.httpStatus()).isEqualTo(OptionalInt.of(429));
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(failure.getMessage()).startsWith("HTTP 429: You are attempting to use this endpoint too frequently");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void rateLimitedReadsSentrysResetAsEpochSecondsAgainstTheClock() {
        sentry.on(ISSUES_PATH, new MockResponse.Builder().code(429)
                .addHeader("X-Sentry-Rate-Limit-Limit", "40")
                .addHeader("X-Sentry-Rate-Limit-Remaining", "0")
                .addHeader("X-Sentry-Rate-Limit-Reset", Long.toString(NOW.getEpochSecond() + 7))
                .addHeader("X-Sentry-Rate-Limit-ConcurrentLimit", "25")
                .addHeader("X-Sentry-Rate-Limit-ConcurrentRemaining", "24")
                .body(fixture("error_429.json")).build());

        assertThat(issuesFailure().retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void rateLimitedReadsAnHttpDateRetryAfterAndNeverANegativeWait() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atOffset(ZoneOffset.UTC));
        sentry.on(ISSUES_PATH, new MockResponse.Builder().code(429).addHeader("Retry-After", in30s).build());
        assertThat(issuesFailure().retryAfter()).contains(Duration.ofSeconds(30));

        sentry.on(ISSUES_PATH, new MockResponse.Builder().code(429)
                .addHeader("X-Sentry-Rate-Limit-Reset", Long.toString(NOW.getEpochSecond() - 5)).build());
        assertThat(issuesFailure().retryAfter()).contains(Duration.ZERO);
    }

    @Test
    void serverErrorWithAnHtmlPageKeepsOnlyTheStatus() {
        sentry.on(ISSUES_PATH, new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body><h1>502 Bad Gateway</h1>" + "<p>nginx</p>".repeat(200) + "</body></html>").build());

        SourceFailure failure = issuesFailure();

        assertThat(failure.reason()).isEqualTo(GapReason.SERVER_ERROR);
        assertThat(failure.httpStatus()).isEqualTo(OptionalInt.of(502));
        assertThat(failure.getMessage()).startsWith("HTTP 502").doesNotContain("<html", "nginx");
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void droppedConnectionIsNetwork() {
        sentry.on(ISSUES_PATH, new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

        SourceFailure failure = issuesFailure();

        assertThat(failure.reason()).isEqualTo(GapReason.NETWORK);
        assertThat(failure.httpStatus()).isEmpty();
        assertThat(failure.getMessage()).startsWith("Sentry connection failed").doesNotContain(TOKEN);
        assertThat(failure.retryable()).isTrue();
    }

    @Test
    void connectionRefusedIsNetwork() {
        HttpUrl closed = sentry.url("/");
        sentry.close();

        SourceFailure failure = catchThrowableOfType(SourceFailure.class,
                () -> apiAt(closed, Duration.ofSeconds(2)).project(ORG, "checkout", deadline));

        assertThat(failure.reason()).isEqualTo(GapReason.NETWORK);
    }

    @Test
    void slowAnswerIsATimeoutAfterTheRequestLimit() {
        api = apiAt(sentry.url("/"), Duration.ofMillis(200));
        sentry.on(ISSUES_PATH, new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("[]").build());

        long started = System.nanoTime();
        SourceFailure failure = issuesFailure();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.reason()).isEqualTo(GapReason.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("Sentry did not answer within 200 ms");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aPassedDeadlineSendsNothing() {
        Deadline passed = new Deadline(NOW, CLOCK);

        SourceFailure failure = catchThrowableOfType(SourceFailure.class,
                () -> api.issues(request(), Optional.empty(), passed));

        assertThat(failure.reason()).isEqualTo(GapReason.TIMEOUT);
        assertThat(sentry.requests()).isEmpty();
    }

    @Test
    void truncatedJsonIsMalformed() {
        String page = fixture("org_issues_page1.json");
        sentry.on(ISSUES_PATH, json(200, page.substring(0, page.length() / 2)));

        SourceFailure failure = issuesFailure();

        assertThat(failure.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).isEqualTo("Sentry issues list: invalid JSON");
    }

    @Test
    void validJsonOfTheWrongShapeIsMalformed() {
        for (String body : List.of("{\"detail\":\"ok\"}", "[{\"id\":\"1\",\"count\":{\"n\":3}}]", "[\"CHECKOUT-1\"]")) {
            sentry.on(ISSUES_PATH, json(200, body));
            SourceFailure failure = issuesFailure();
            assertThat(failure.reason()).as(body).isEqualTo(GapReason.MALFORMED_RESPONSE);
            assertThat(failure.getMessage()).as(body).isEqualTo("Sentry issues list: unexpected JSON shape");
        }
        for (String body : List.of("null", "[null]")) {
            sentry.on(ISSUES_PATH, json(200, body));
            assertThat(issuesFailure().reason()).as(body).isEqualTo(GapReason.MALFORMED_RESPONSE);
        }
    }

    @Test
    void emptyBodyIsMalformed() {
        sentry.on(ISSUES_PATH, json(200, ""));

        assertThat(issuesFailure().reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
    }

    @Test
    void projectWithoutANumericIdIsMalformed() {
        sentry.on(PROJECT_PATH, json(200, "{\"slug\":\"checkout\"}"));
        assertThat(projectFailure().reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);

        sentry.on(PROJECT_PATH, json(200, "{\"id\":\"../../admin\",\"slug\":\"checkout\"}"));
        SourceFailure failure = projectFailure();
        assertThat(failure.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).isEqualTo("Sentry project checkout: response has no numeric id");

        sentry.on(PROJECT_PATH, json(200, "[]"));
        assertThat(projectFailure().reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
    }
}
