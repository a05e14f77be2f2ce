package dev.investigator.source.sentry;

import static dev.investigator.model.IssueFlag.NEW;
import static dev.investigator.model.IssueFlag.REGRESSED;
import static dev.investigator.model.IssueFlag.SPIKING;
import static dev.investigator.source.sentry.FakeSentry.ORG;
import static dev.investigator.source.sentry.FakeSentry.TOKEN;
import static dev.investigator.source.sentry.FakeSentry.fixture;
import static dev.investigator.source.sentry.FakeSentry.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.Retries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The real SentrySource (OkHttp, Jackson, retries) against a local fake Sentry serving Sentry-shaped payloads. */
class SentrySourceTest {

    static final Instant NOW = Instant.parse("2026-11-20T05:30:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-20T05:00:00Z"), NOW);
    static final String CHECKOUT_ID = "4508123456789012";
    static final String WORKER_ID = "4508123456789013";
    static final String PROJECT_PATH = "/api/0/projects/acme/checkout/";
    static final String WORKER_PATH = "/api/0/projects/acme/checkout-worker/";
    static final String ISSUES_PATH = "/api/0/organizations/acme/issues/";
    static final String EXTRA_QUERY = "!transaction:/healthz";
    /** Few, fast retries: Retry-After is capped at 20 ms so tests stay quick and honest about counts. */
    static final Retries FAST = new Retries(2, Duration.ofMillis(1), Duration.ofMillis(20));

    private final FakeSentry sentry = new FakeSentry();
    private final Deadline deadline = new Deadline(NOW.plusSeconds(10), CLOCK);

    @BeforeEach
    void start() {
        sentry.start();
    }

    @AfterEach
    void stop() {
        sentry.close();
    }

    static ServiceDefinition service(String organization, List<String> projects, String environment, boolean enabled) {
        return new ServiceDefinition("checkout", "prod", List.of(),
                new ServiceDefinition.Datadog(false, List.of(), List.of(), "", "", Map.of()),
                new ServiceDefinition.Sentry(enabled, organization, projects, environment, EXTRA_QUERY),
                new ServiceDefinition.XRay(false, "", "", ""),
                ServiceDefinition.Thresholds.defaults());
    }

    static InvestigationQuery query(ServiceDefinition service) {
        return new InvestigationQuery("inv-1", service, WINDOW, Origin.SLASH_COMMAND);
    }

    static InvestigationQuery checkout() {
        return query(service("", List.of("checkout"), "prod", true));
    }

    private SentrySource source(Retries retries) {
        return source(retries, TOKEN, ORG, SentrySource.DEFAULT_MAX_PAGES);
    }

    private SentrySource source(Retries retries, String token, String org, int maxPages) {
        return new SentrySource(new SentryConnection(sentry.url("/").uri(), org, token, Duration.ofSeconds(2)), CLOCK,
                retries, maxPages);
    }

    private static MockResponse page(String fixture, String link) {
        MockResponse.Builder response = new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json").body(fixture(fixture));
        return link == null ? response.build() : response.addHeader("Link", link).build();
    }

    /** Page 1 links to page 2 (cursor 0:25:0); page 2 says there is nothing after it. */
    private void twoPages() {
        sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                .on(ISSUES_PATH, page("org_issues_page1.json", sentry.link(ISSUES_PATH, "0:0:1", "0:25:0", true)))
                .onCursor(ISSUES_PATH, "0:25:0",
                        page("org_issues_page2.json", sentry.link(ISSUES_PATH, "0:0:1", "0:50:0", false)));
    }

    private static Evidence.Errors errors(SourceReport report) {
        assertThat(report.gap()).as("gap").isEmpty();
        return report.evidence(Evidence.Errors.class).orElseThrow();
    }

    private static Gap gap(SourceReport report, GapReason reason) {
        Gap gap = report.gap().orElseThrow(() -> new AssertionError("expected a gap, got " + report.evidence()));
        assertThat(gap.source()).isEqualTo(SourceKind.SENTRY);
        assertThat(gap.reason()).as(gap.detail()).isEqualTo(reason);
        assertThat(gap.detail()).doesNotContain(TOKEN).hasSizeLessThanOrEqualTo(260);
        assertThat(report.toString()).doesNotContain(TOKEN);
        return gap;
    }

    @Test
    void kindIsSentry() {
        assertThat(source(FAST).kind()).isEqualTo(SourceKind.SENTRY);
    }

    @Nested
    class Success {

        @Test
        void readsBothPagesFlagsAndOrdersIssues() {
            twoPages();

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Evidence.Errors errors = errors(report);
            assertThat(errors.truncated()).isFalse();
            assertThat(errors.issues()).extracting(ErrorIssue::shortId).containsExactly(
                    "CHECKOUT-1F3", "CHECKOUT-Z7", "CHECKOUT-9K", "CHECKOUT-4M", "CHECKOUT-2A", "CHECKOUT-31");
            assertThat(errors.issues()).extracting(ErrorIssue::flags).containsExactly(
                    Set.of(NEW, SPIKING), Set.of(REGRESSED), Set.of(SPIKING), Set.of(SPIKING), Set.<IssueFlag>of(),
                    Set.<IssueFlag>of());
            assertThat(errors.issues()).extracting(ErrorIssue::eventsInWindow).containsExactly(412L, 57L, 180L, 8L, 95L, 3L);
            assertThat(errors.issues()).extracting(ErrorIssue::eventsBefore).containsExactly(0L, 15L, 6L, 1L, 95L, -1L);
            ErrorIssue gateway = errors.issues().get(0);
            assertThat(gateway.firstRelease()).isEqualTo("checkout@2026.11.20-1");
            assertThat(gateway.permalink()).isEqualTo("https://acme.sentry.io/issues/6051234001/");
            assertThat(report.apiCalls()).isEqualTo(3);
            assertThat(report.source()).isEqualTo(SourceKind.SENTRY);
        }

        @Test
        void sendsExactlyTheExpectedRequests() {
            twoPages();

            source(FAST).collect(checkout(), deadline);

            assertThat(sentry.requests()).extracting(r -> r.getUrl().encodedPath())
                    .containsExactly(PROJECT_PATH, ISSUES_PATH, ISSUES_PATH);
            assertThat(sentry.requests()).allSatisfy(r -> {
                assertThat(r.getMethod()).isEqualTo("GET");
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
            });
            HttpUrl first = sentry.requests().get(1).getUrl();
            assertThat(first.queryParameterValues("project")).containsExactly(CHECKOUT_ID);
            assertThat(first.queryParameter("environment")).isEqualTo("prod");
            assertThat(first.queryParameter("start")).isEqualTo("2026-11-20T05:00:00Z");
            assertThat(first.queryParameter("end")).isEqualTo("2026-11-20T05:30:00Z");
            assertThat(first.queryParameter("query")).isEqualTo("is:unresolved " + EXTRA_QUERY);
            assertThat(first.queryParameter("sort")).isEqualTo("freq");
            assertThat(first.queryParameter("limit")).isEqualTo("25");
            assertThat(first.queryParameter("groupStatsPeriod")).isEqualTo("24h");
            assertThat(first.queryParameter("cursor")).isNull();
            HttpUrl second = sentry.requests().get(2).getUrl();
            assertThat(second.queryParameter("cursor")).isEqualTo("0:25:0");
            assertThat(second.newBuilder().removeAllQueryParameters("cursor").build()).isEqualTo(first);
        }

        @Test
        void linkOpensTheSameSearchInSentry() {
            twoPages();

            SourceReport report = source(FAST).collect(checkout(), deadline);

            HttpUrl link = HttpUrl.get(report.link());
            assertThat(link.encodedPath()).isEqualTo("/organizations/acme/issues/");
            assertThat(link.host()).isEqualTo(sentry.url("/").host());
            assertThat(link.queryParameterValues("project")).containsExactly(CHECKOUT_ID);
            assertThat(link.queryParameter("environment")).isEqualTo("prod");
            assertThat(link.queryParameter("start")).isEqualTo("2026-11-20T05:00:00Z");
            assertThat(link.queryParameter("end")).isEqualTo("2026-11-20T05:30:00Z");
            assertThat(link.queryParameter("query")).isEqualTo("is:unresolved " + EXTRA_QUERY);
        }

        @Test
        void everyProjectOfTheServiceIsResolvedAndSearchedTogether() {
            twoPages();
            sentry.on(WORKER_PATH, FakeSentry.fixture(200, "project_checkout_worker.json"));

            SourceReport report = source(FAST).collect(query(service("", List.of("checkout", "checkout-worker"),
                    "prod", true)), deadline);

            errors(report);
            assertThat(sentry.requestsTo(ISSUES_PATH).get(0).getUrl().queryParameterValues("project"))
                    .containsExactly(CHECKOUT_ID, WORKER_ID);
            assertThat(HttpUrl.get(report.link()).queryParameterValues("project")).containsExactly(CHECKOUT_ID, WORKER_ID);
            assertThat(report.apiCalls()).isEqualTo(4);
        }

        @Test
        void theServicesOwnOrganizationWinsOverTheConnections() {
            sentry.on("/api/0/projects/acme-jp/checkout/", FakeSentry.fixture(200, "project_checkout.json"))
                    .on("/api/0/organizations/acme-jp/issues/", json(200, "[]"));

            SourceReport report = source(FAST).collect(query(service("acme-jp", List.of("checkout"), "prod", true)),
                    deadline);

            errors(report);
            assertThat(sentry.requests()).extracting(r -> r.getUrl().encodedPath())
                    .containsExactly("/api/0/projects/acme-jp/checkout/", "/api/0/organizations/acme-jp/issues/");
            assertThat(HttpUrl.get(report.link()).encodedPath()).isEqualTo("/organizations/acme-jp/issues/");
        }

        @Test
        void noEnvironmentMeansAllEnvironments() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json")).on(ISSUES_PATH, json(200, "[]"));

            SourceReport report = source(FAST).collect(query(service("", List.of("checkout"), "", true)), deadline);

            errors(report);
            assertThat(sentry.requestsTo(ISSUES_PATH).get(0).getUrl().queryParameterNames()).doesNotContain("environment");
            assertThat(HttpUrl.get(report.link()).queryParameterNames()).doesNotContain("environment");
        }

        @Test
        void emptyResultIsEvidenceWithNoIssues() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json")).on(ISSUES_PATH, json(200, "[]"));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Evidence.Errors errors = errors(report);
            assertThat(errors.issues()).isEmpty();
            assertThat(errors.truncated()).isFalse();
            assertThat(report.apiCalls()).isEqualTo(2);
        }
    }

    @Nested
    class Pagination {

        @Test
        void stopsWhenSentrySaysTheNextPageHasNoResults() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, page("org_issues_page1.json", sentry.link(ISSUES_PATH, "0:0:1", "0:25:0", false)));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(errors(report).issues()).hasSize(4);
            assertThat(errors(report).truncated()).isFalse();
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(1);
        }

        @Test
        void stopsAtThePageBoundAndSaysTheListIsTruncated() {
            twoPages();
            sentry.onCursor(ISSUES_PATH, "0:25:0",
                    page("org_issues_page2.json", sentry.link(ISSUES_PATH, "0:0:1", "0:50:0", true)));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(errors(report).issues()).hasSize(6);
            assertThat(errors(report).truncated()).isTrue();
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(2);
            assertThat(report.apiCalls()).isEqualTo(3);
        }

        @Test
        void aBoundOfOnePageReadsOnlyTheFirst() {
            twoPages();

            SourceReport report = source(FAST, TOKEN, ORG, 1).collect(checkout(), deadline);

            assertThat(errors(report).issues()).extracting(ErrorIssue::shortId)
                    .containsExactly("CHECKOUT-1F3", "CHECKOUT-Z7", "CHECKOUT-9K", "CHECKOUT-2A");
            assertThat(errors(report).truncated()).isTrue();
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(1);
        }

        @Test
        void aFailedSecondPageKeepsTheFirstAndSaysTheListIsTruncated() {
            twoPages();
            sentry.onCursor(ISSUES_PATH, "0:25:0", json(500, "{\"detail\":\"Internal Error\"}"));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(errors(report).issues()).hasSize(4);
            assertThat(errors(report).truncated()).isTrue();
            // page 1 once, page 2 once plus two retries
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(4);
            assertThat(report.apiCalls()).isEqualTo(5);
        }
    }

    @Nested
    class ProjectCache {

        @Test
        void aSecondInvestigationDoesNotResolveTheSlugAgain() {
            twoPages();
            SentrySource source = source(FAST);

            source.collect(checkout(), deadline);
            SourceReport second = source.collect(checkout(), deadline);

            errors(second);
            assertThat(sentry.requestsTo(PROJECT_PATH)).hasSize(1);
            assertThat(second.apiCalls()).isEqualTo(2);
            assertThat(HttpUrl.get(second.link()).queryParameterValues("project")).containsExactly(CHECKOUT_ID);
        }

        @Test
        void concurrentInvestigationsShareTheCache() throws Exception {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json")).on(ISSUES_PATH, json(200, "[]"));
            SentrySource source = source(FAST);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<SourceReport>> runs = IntStream.range(0, 8)
                        .mapToObj(i -> pool.submit(() -> source.collect(checkout(), deadline))).toList();
                for (Future<SourceReport> run : runs) {
                    assertThat(errors(run.get(10, TimeUnit.SECONDS)).issues()).isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
            int lookups = sentry.requestsTo(PROJECT_PATH).size();
            assertThat(lookups).isBetween(1, 8);

            SourceReport later = source.collect(checkout(), deadline);

            assertThat(later.apiCalls()).isEqualTo(1);
            assertThat(sentry.requestsTo(PROJECT_PATH)).hasSize(lookups);
            assertThat(sentry.requestsTo(ISSUES_PATH).get(8).getUrl().queryParameterValues("project"))
                    .containsExactly(CHECKOUT_ID);
        }

        @Test
        void aFailedLookupIsNotRemembered() {
            sentry.on(PROJECT_PATH, json(503, "{\"detail\":\"Service unavailable\"}"), FakeSentry.fixture(200,
                    "project_checkout.json")).on(ISSUES_PATH, json(200, "[]"));
            SentrySource source = source(Retries.none());

            SourceReport first = source.collect(checkout(), deadline);
            SourceReport second = source.collect(checkout(), deadline);

            gap(first, GapReason.SERVER_ERROR);
            errors(second);
            assertThat(sentry.requestsTo(PROJECT_PATH)).hasSize(2);
        }
    }

    @Nested
    class Failures {

        @Test
        void unauthorizedIsAuthRejectedAndNotRetried() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(401, "error_401.json"));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Gap gap = gap(report, GapReason.AUTH_REJECTED);
            assertThat(gap.httpStatus()).hasValue(401);
            assertThat(gap.detail()).isEqualTo("HTTP 401: Invalid token");
            assertThat(sentry.requests()).hasSize(1);
            assertThat(report.apiCalls()).isEqualTo(1);
            // the slug never resolved, so the link searches the organization without a project filter
            assertThat(HttpUrl.get(report.link()).queryParameterNames()).doesNotContain("project");
        }

        @Test
        void forbiddenIsForbiddenAndNotRetried() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, FakeSentry.fixture(403, "error_403.json"));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Gap gap = gap(report, GapReason.FORBIDDEN);
            assertThat(gap.httpStatus()).hasValue(403);
            assertThat(gap.detail()).isEqualTo("HTTP 403: You do not have permission to perform this action.");
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(1);
            assertThat(report.apiCalls()).isEqualTo(2);
            assertThat(HttpUrl.get(report.link()).queryParameterValues("project")).containsExactly(CHECKOUT_ID);
        }

        @Test
        void unknownProjectSlugIsNotFoundNamingSlugAndOrganization() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(404, "error_404.json"));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Gap gap = gap(report, GapReason.NOT_FOUND);
            assertThat(gap.httpStatus()).hasValue(404);
            assertThat(gap.detail()).isEqualTo("Sentry project 'checkout' not found in organization 'acme'");
            assertThat(sentry.requests()).hasSize(1);
        }

        @Test
        void unknownOrganizationIsNotFoundNamingIt() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, FakeSentry.fixture(404, "error_404.json"));

            Gap gap = gap(source(FAST).collect(checkout(), deadline), GapReason.NOT_FOUND);

            assertThat(gap.httpStatus()).hasValue(404);
            assertThat(gap.detail())
                    .isEqualTo("Sentry organization 'acme' not found (HTTP 404: The requested resource does not exist)");
        }

        @Test
        void rateLimitedWithRetryAfterIsRetriedThenSucceeds() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                            .body(fixture("error_429.json")).build(), page("org_issues_page1.json", null));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(errors(report).issues()).hasSize(4);
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(2);
            assertThat(report.apiCalls()).isEqualTo(3);
        }

        @Test
        void rateLimitedWithSentrysResetHeaderIsRetriedThenSucceeds() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, new MockResponse.Builder().code(429)
                            .addHeader("X-Sentry-Rate-Limit-Limit", "40")
                            .addHeader("X-Sentry-Rate-Limit-Remaining", "0")
                            .addHeader("X-Sentry-Rate-Limit-Reset", Long.toString(NOW.getEpochSecond() + 1))
                            .body(fixture("error_429.json")).build(), page("org_issues_page1.json", null));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(errors(report).issues()).hasSize(4);
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(2);
            assertThat(report.apiCalls()).isEqualTo(3);
        }

        @Test
        void persistentRateLimitBecomesAGapAfterTheBoundedRetries() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                            .body(fixture("error_429.json")).build());

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Gap gap = gap(report, GapReason.RATE_LIMITED);
            assertThat(gap.httpStatus()).hasValue(429);
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(3);
            assertThat(report.apiCalls()).isEqualTo(4);
        }

        @Test
        void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, new MockResponse.Builder().code(429)
                            .addHeader("X-Sentry-Rate-Limit-Reset", Long.toString(NOW.getEpochSecond() + 60))
                            .body(fixture("error_429.json")).build());
            Retries patient = new Retries(3, Duration.ofMillis(1), Duration.ofMinutes(5));

            SourceReport report = source(patient).collect(checkout(), deadline);

            gap(report, GapReason.RATE_LIMITED);
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(1);
        }

        @Test
        void serverErrorIsRetriedThenSucceeds() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, json(503, "{\"detail\":\"Service unavailable\"}"), page("org_issues_page1.json", null));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(errors(report).issues()).hasSize(4);
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(2);
        }

        @Test
        void persistentServerErrorBecomesAGapAfterTheBoundedRetries() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, json(500, "{\"detail\":\"Internal Error\"}"));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Gap gap = gap(report, GapReason.SERVER_ERROR);
            assertThat(gap.httpStatus()).hasValue(500);
            assertThat(gap.detail()).isEqualTo("HTTP 500: Internal Error");
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(3);
            assertThat(report.apiCalls()).isEqualTo(4);
        }

        @Test
        void droppedConnectionIsRetriedThenSucceeds() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build(),
                            page("org_issues_page1.json", null));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(errors(report).issues()).hasSize(4);
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(2);
        }

        @Test
        void persistentlyDroppedConnectionIsANetworkGap() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Gap gap = gap(report, GapReason.NETWORK);
            assertThat(gap.httpStatus()).isEmpty();
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(3);
        }

        @Test
        void aSlowSentryIsATimeoutAtTheDeadlineWithoutRetries() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("[]").build());
            // This deadline runs on real time: the point is that the wait really ends when it passes.
            Deadline soon = Deadline.after(Duration.ofMillis(400), Clock.systemUTC());

            long started = System.nanoTime();
            SourceReport report = source(Retries.standard()).collect(checkout(), soon);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            Gap gap = gap(report, GapReason.TIMEOUT);
            assertThat(gap.httpStatus()).isEmpty();
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(1);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        }

        @Test
        void aPassedDeadlineSendsNothing() {
            SourceReport report = source(FAST).collect(checkout(), new Deadline(NOW, CLOCK));

            gap(report, GapReason.TIMEOUT);
            assertThat(sentry.requests()).isEmpty();
            assertThat(report.apiCalls()).isZero();
        }

        @Test
        void truncatedJsonIsMalformedAndNotRetried() {
            String body = fixture("org_issues_page1.json");
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, json(200, body.substring(0, body.length() - 40)));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            Gap gap = gap(report, GapReason.MALFORMED_RESPONSE);
            assertThat(gap.detail()).isEqualTo("Sentry issues list: invalid JSON");
            assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(1);
        }

        @Test
        void validJsonOfTheWrongShapeIsMalformed() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, json(200, fixture("project_checkout.json")));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(gap(report, GapReason.MALFORMED_RESPONSE).detail())
                    .isEqualTo("Sentry issues list: unexpected JSON shape");
        }

        @Test
        void anIssueWithANonNumericCountIsMalformed() {
            sentry.on(PROJECT_PATH, FakeSentry.fixture(200, "project_checkout.json"))
                    .on(ISSUES_PATH, json(200, fixture("org_issues_page1.json").replace("\"count\": \"412\"",
                            "\"count\": \"lots\"")));

            SourceReport report = source(FAST).collect(checkout(), deadline);

            assertThat(gap(report, GapReason.MALFORMED_RESPONSE).detail())
                    .isEqualTo("Sentry issue 6051234001: count is not a number");
        }
    }

    @Nested
    class NotConfigured {

        @Test
        void missingTokenSendsNothing() {
            SourceReport report = source(FAST, "", ORG, 2).collect(checkout(), deadline);

            assertThat(gap(report, GapReason.NOT_CONFIGURED).detail()).isEqualTo("SENTRY_AUTH_TOKEN is not set");
            assertThat(sentry.requests()).isEmpty();
            assertThat(report.apiCalls()).isZero();
        }

        @Test
        void missingOrganizationSendsNothing() {
            SourceReport report = source(FAST, TOKEN, "", 2).collect(checkout(), deadline);

            assertThat(gap(report, GapReason.NOT_CONFIGURED).detail()).startsWith("SENTRY_ORG is not set");
            assertThat(sentry.requests()).isEmpty();
            assertThat(report.link()).isEmpty();
        }

        @Test
        void disabledOrProjectlessServiceSendsNothing() {
            SentrySource source = source(FAST);

            SourceReport disabled = source.collect(query(service("", List.of("checkout"), "prod", false)), deadline);
            SourceReport noProjects = source.collect(query(service("", List.of(), "prod", true)), deadline);

            assertThat(gap(disabled, GapReason.NOT_CONFIGURED).detail()).isEqualTo("Sentry is disabled for service checkout");
            assertThat(gap(noProjects, GapReason.NOT_CONFIGURED).detail())
                    .isEqualTo("no Sentry projects configured for service checkout");
            assertThat(sentry.requests()).isEmpty();
        }
    }
}
