package dev.investigator.source.sentry;

import static dev.investigator.source.sentry.FakeSentry.ORG;
import static dev.investigator.source.sentry.FakeSentry.TOKEN;
import static dev.investigator.source.sentry.FakeSentry.fixture;
import static dev.investigator.source.sentry.FakeSentry.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.IssueFlag;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.ExampleCatalog;
import dev.investigator.source.Retries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The real SentryDigestSource (OkHttp, Jackson, retries) against a local fake Sentry serving Sentry-shaped payloads. */
class SentryDigestSourceTest {

    static final Instant NOW = Instant.parse("2026-11-20T01:00:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Yesterday 10:00 to today 10:00 in Tokyo. */
    static final TimeWindow PERIOD = new TimeWindow(Instant.parse("2026-11-19T01:00:00Z"), Instant.parse("2026-11-20T01:00:00Z"));
    static final String PROJECTS_PATH = "/api/0/organizations/acme/projects/";
    static final String ISSUES_PATH = "/api/0/organizations/acme/issues/";
    static final Retries FAST = new Retries(2, Duration.ofMillis(1), Duration.ofMillis(20));

    private final FakeSentry sentry = new FakeSentry();
    private final Deadline deadline = new Deadline(NOW.plusSeconds(10), CLOCK);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() {
        sentry.start();
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        sentry.close();
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(TOKEN));
    }

    // --- success -----------------------------------------------------------------------------------------------

    @Test
    void findsTheIssuesFirstSeenInThePeriodForEveryServiceInOneCallPerEnvironment() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", sentry.link(PROJECTS_PATH, "0:0:1", "0:100:0", false)))
                .on(ISSUES_PATH, page("digest-issues-new.json", sentry.link(ISSUES_PATH, "0:0:1", "0:100:0", false)),
                        json(200, "[]"));

        DigestReport report = source(FAST).collect(everyService(), deadline);

        DigestEvidence.NewIssues found = newIssues(report);
        assertThat(report.apiCalls()).as("projects once, issues for prod and for prod-jp").isEqualTo(3);
        assertThat(found.truncated()).isFalse();
        assertThat(found.issues()).containsOnlyKeys("checkout", "search", "payment");
        assertThat(found.issues().get("checkout")).as("newest first; the October issue a server let through is dropped")
                .extracting(ErrorIssue::shortId).containsExactly("CHECKOUT-1F3", "CHECKOUT-1F0");
        assertThat(found.issues().get("search")).extracting(ErrorIssue::shortId).containsExactly("SEARCH-2D");
        assertThat(found.issues().get("payment")).as("payment's project is payment-api")
                .extracting(ErrorIssue::shortId).containsExactly("PAYMENT-API-7Q");
        ErrorIssue first = found.issues().get("checkout").get(0);
        assertThat(first.firstSeen()).isEqualTo(Instant.parse("2026-11-20T00:49:17Z"));
        assertThat(first.eventsInWindow()).isEqualTo(412);
        assertThat(first.userCount()).isEqualTo(287);
        assertThat(first.project()).isEqualTo("checkout");
        assertThat(first.flags()).contains(IssueFlag.NEW);
        assertThat(first.eventsBefore()).as("no stats were asked").isEqualTo(-1);
        assertThat(first.permalink()).isEqualTo("https://acme.sentry.io/issues/6051234001/");
    }

    @Test
    void asksForNewUnresolvedIssuesOfAllTheProjectsOfAnEnvironmentAtOnce() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", null))
                .on(ISSUES_PATH, page("digest-issues-new.json", null), json(200, "[]"));

        source(FAST).collect(everyService(), deadline);

        RecordedRequest projects = sentry.requestsTo(PROJECTS_PATH).get(0);
        assertThat(projects.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(projects.getUrl().queryParameter("per_page")).isEqualTo("100");

        List<RecordedRequest> searches = sentry.requestsTo(ISSUES_PATH);
        assertThat(searches).hasSize(2);
        RecordedRequest prod = searches.get(0);
        assertThat(prod.getUrl().queryParameterValues("project")).as("checkout, search, catalog, payment-api")
                .containsExactly("4508123456789012", "4508123456789020", "4508123456789021", "4508123456789022");
        assertThat(prod.getUrl().queryParameter("environment")).isEqualTo("prod");
        assertThat(prod.getUrl().queryParameter("start")).isEqualTo("2026-11-19T01:00:00Z");
        assertThat(prod.getUrl().queryParameter("end")).isEqualTo("2026-11-20T01:00:00Z");
        assertThat(prod.getUrl().queryParameter("query"))
                .isEqualTo("is:unresolved firstSeen:>=2026-11-19T01:00:00Z firstSeen:<2026-11-20T01:00:00Z");
        assertThat(prod.getUrl().queryParameter("sort")).isEqualTo("new");
        assertThat(prod.getUrl().queryParameter("limit")).isEqualTo("100");
        assertThat(prod.getUrl().queryParameter("groupStatsPeriod")).as("no stats: only new issues matter").isEmpty();
        assertThat(prod.getUrl().queryParameter("cursor")).isNull();

        RecordedRequest prodJp = searches.get(1);
        assertThat(prodJp.getUrl().queryParameterValues("project")).containsExactly("4508123456789023");
        assertThat(prodJp.getUrl().queryParameter("environment")).isEqualTo("prod-jp");
    }

    @Test
    void projectIdsAreRememberedSoTheNextDigestCostsOnlyTheIssueCalls() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", null))
                .on(ISSUES_PATH, json(200, "[]"));
        SentryDigestSource source = source(FAST);

        DigestReport first = source.collect(everyService(), deadline);
        DigestReport second = source.collect(everyService(), deadline);

        assertThat(first.apiCalls()).isEqualTo(3);
        assertThat(second.apiCalls()).isEqualTo(2);
        assertThat(sentry.requestsTo(PROJECTS_PATH)).hasSize(1);
        assertThat(newIssues(second).issues()).isEmpty();
    }

    @Test
    void projectPagesAreReadOnlyUntilEveryCatalogProjectIsFound() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects-page1.json", sentry.link(PROJECTS_PATH, "0:0:1", "0:100:0", true)))
                .onCursor(PROJECTS_PATH, "0:100:0",
                        page("digest-org-projects-page2.json", sentry.link(PROJECTS_PATH, "0:0:1", "0:200:0", true)))
                .on(ISSUES_PATH, json(200, "[]"));

        DigestReport report = source(FAST).collect(everyService(), deadline);

        assertThat(sentry.requestsTo(PROJECTS_PATH)).as("page 2 held the last ones; page 3 is not asked").hasSize(2);
        assertThat(sentry.requestsTo(ISSUES_PATH).get(0).getUrl().queryParameterValues("project")).hasSize(4);
        assertThat(report.apiCalls()).isEqualTo(4);
    }

    @Test
    void aProjectTheOrganizationDoesNotHaveIsLoggedAndTheOthersStillReport() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", null))
                .on(ISSUES_PATH, page("digest-issues-new.json", null));
        ServiceDefinition ghost = withProjects(ExampleCatalog.service("catalog"), List.of("catalog-v2"));

        DigestReport report = source(FAST).collect(new DigestQuery("d", List.of(ExampleCatalog.service("checkout"), ghost), PERIOD), deadline);

        assertThat(newIssues(report).issues()).containsOnlyKeys("checkout");
        assertThat(sentry.requestsTo(ISSUES_PATH).get(0).getUrl().queryParameterValues("project")).containsExactly("4508123456789012");
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("[catalog-v2] not found in organization 'acme'"));
    }

    @Test
    void pagingStopsAtTheBoundAndSaysTheListIsTruncated() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", null))
                .on(ISSUES_PATH, page("digest-issues-new-page1.json", sentry.link(ISSUES_PATH, "0:0:1", "0:100:0", true)))
                .onCursor(ISSUES_PATH, "0:100:0",
                        page("digest-issues-new-page2.json", sentry.link(ISSUES_PATH, "0:0:1", "0:200:0", true)));

        DigestReport report = new SentryDigestSource(connection(TOKEN, ORG), CLOCK, FAST, 2)
                .collect(new DigestQuery("d", ExampleCatalog.services("checkout", "search", "payment"), PERIOD), deadline);

        DigestEvidence.NewIssues found = newIssues(report);
        assertThat(found.truncated()).isTrue();
        assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(2);
        assertThat(sentry.requestsTo(ISSUES_PATH).get(1).getUrl().queryParameter("cursor")).isEqualTo("0:100:0");
        assertThat(found.issues().get("checkout")).extracting(ErrorIssue::shortId).containsExactly("CHECKOUT-1F3", "CHECKOUT-1F0");
        assertThat(found.issues().get("payment")).extracting(ErrorIssue::shortId).containsExactly("PAYMENT-API-7Q");
    }

    @Test
    void aFailingLaterPageKeepsTheFirstAndSaysTheListIsTruncated() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", null))
                .on(ISSUES_PATH, page("digest-issues-new-page1.json", sentry.link(ISSUES_PATH, "0:0:1", "0:100:0", true)))
                .onCursor(ISSUES_PATH, "0:100:0", json(500, "{\"detail\":\"Internal Error\"}"));

        DigestReport report = source(FAST).collect(new DigestQuery("d", ExampleCatalog.services("checkout", "search"), PERIOD), deadline);

        DigestEvidence.NewIssues found = newIssues(report);
        assertThat(found.truncated()).isTrue();
        assertThat(found.issues().get("checkout")).extracting(ErrorIssue::shortId).containsExactly("CHECKOUT-1F3");
        assertThat(sentry.requestsTo(ISSUES_PATH)).as("page 1, then page 2 tried three times").hasSize(4);
    }

    // --- failures --------------------------------------------------------------------------------------------------

    @Test
    void noTokenIsNotConfiguredAndNothingIsSent() {
        DigestReport report = new SentryDigestSource(connection("", ORG), CLOCK, FAST).collect(everyService(), deadline);

        assertThat(gap(report, GapReason.NOT_CONFIGURED).detail()).isEqualTo("SENTRY_AUTH_TOKEN is not set");
        assertThat(sentry.requests()).isEmpty();
    }

    @Test
    void noOrganizationAnywhereIsNotConfigured() {
        List<ServiceDefinition> withoutOrganization = ExampleCatalog.services().stream()
                .map(s -> withSentry(s, "", s.sentry().projects())).toList();

        DigestReport report = new SentryDigestSource(connection(TOKEN, ""), CLOCK, FAST)
                .collect(new DigestQuery("d", withoutOrganization, PERIOD), deadline);

        assertThat(gap(report, GapReason.NOT_CONFIGURED).detail()).contains("SENTRY_ORG");
        assertThat(sentry.requests()).isEmpty();
    }

    @Test
    void rejectedTokenIsAnAuthGapAndNotRetried() {
        sentry.on(PROJECTS_PATH, FakeSentry.fixture(401, "error_401.json"));

        DigestReport report = source(FAST).collect(everyService(), deadline);

        Gap gap = gap(report, GapReason.AUTH_REJECTED);
        assertThat(gap.httpStatus()).hasValue(401);
        assertThat(gap.detail()).startsWith("HTTP 401");
        assertThat(sentry.requests()).hasSize(1);
        assertThat(report.apiCalls()).isEqualTo(1);
    }

    @Test
    void anUnknownOrganizationIsNotFoundAndSaysWhich() {
        sentry.on(PROJECTS_PATH, FakeSentry.fixture(404, "error_404.json"));

        Gap gap = gap(source(FAST).collect(everyService(), deadline), GapReason.NOT_FOUND);

        assertThat(gap.detail()).startsWith("Sentry organization 'acme' not found");
        assertThat(gap.httpStatus()).hasValue(404);
    }

    @Test
    void persistentRateLimitIsAGapAfterBoundedRetriesWithinTheDeadline() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", null))
                .on(ISSUES_PATH, new MockResponse.Builder().code(429).addHeader("Retry-After", "1")
                        .body(fixture("error_429.json")).build());

        DigestReport report = source(FAST).collect(new DigestQuery("d", ExampleCatalog.services("checkout"), PERIOD), deadline);

        Gap gap = gap(report, GapReason.RATE_LIMITED);
        assertThat(gap.httpStatus()).hasValue(429);
        assertThat(gap.detail()).contains("too frequently");
        assertThat(sentry.requestsTo(ISSUES_PATH)).as("one try and two retries").hasSize(3);
        assertThat(report.apiCalls()).isEqualTo(4);
        assertThat(deadline.passed()).isFalse();
    }

    @Test
    void serverErrorThenOkRecovers() {
        sentry.on(PROJECTS_PATH, json(503, "{\"detail\":\"Service Unavailable\"}"), page("digest-org-projects.json", null))
                .on(ISSUES_PATH, page("digest-issues-new.json", null));

        DigestReport report = source(FAST).collect(new DigestQuery("d", ExampleCatalog.services("checkout"), PERIOD), deadline);

        assertThat(newIssues(report).issues().get("checkout")).hasSize(2);
        assertThat(report.apiCalls()).isEqualTo(3);
    }

    @Test
    void droppedConnectionIsANetworkGapAfterRetries() {
        sentry.on(PROJECTS_PATH, new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());

        Gap gap = gap(source(FAST).collect(everyService(), deadline), GapReason.NETWORK);

        assertThat(gap.detail()).startsWith("Sentry connection failed");
        assertThat(sentry.requests()).hasSize(3);
    }

    @Test
    void truncatedJsonIsMalformedAndNotRetried() {
        String body = fixture("digest-issues-new.json");
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", null))
                .on(ISSUES_PATH, json(200, body.substring(0, body.length() / 2)));

        Gap gap = gap(source(FAST).collect(new DigestQuery("d", ExampleCatalog.services("checkout"), PERIOD), deadline),
                GapReason.MALFORMED_RESPONSE);

        assertThat(gap.detail()).isEqualTo("Sentry issues list: invalid JSON");
        assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(1);
    }

    @Test
    void aProjectsListOfTheWrongShapeIsMalformed() {
        sentry.on(PROJECTS_PATH, json(200, "{\"projects\":[]}"));

        Gap gap = gap(source(FAST).collect(everyService(), deadline), GapReason.MALFORMED_RESPONSE);

        assertThat(gap.detail()).isEqualTo("Sentry projects list: unexpected JSON shape");
    }

    @Test
    void slowerThanTheDeadlineIsATimeoutAtTheDeadline() {
        sentry.on(PROJECTS_PATH, page("digest-org-projects.json", null))
                .on(ISSUES_PATH, new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("[]").build());
        Clock real = Clock.systemUTC();
        SentryDigestSource source = new SentryDigestSource(
                new SentryConnection(sentry.url("/").uri(), ORG, TOKEN, Duration.ofSeconds(30)), real, Retries.standard());

        long started = System.nanoTime();
        DigestReport report = source.collect(new DigestQuery("d", ExampleCatalog.services("checkout"), PERIOD),
                Deadline.after(Duration.ofMillis(800), real));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(gap(report, GapReason.TIMEOUT).detail()).contains("did not answer");
        assertThat(tookMillis).isBetween(600L, 2_500L);
        assertThat(sentry.requestsTo(ISSUES_PATH)).hasSize(1);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static DigestQuery everyService() {
        return new DigestQuery("digest-1", ExampleCatalog.services(), PERIOD);
    }

    private SentryConnection connection(String token, String organization) {
        return new SentryConnection(sentry.url("/").uri(), organization, token, Duration.ofSeconds(2));
    }

    private SentryDigestSource source(Retries retries) {
        return new SentryDigestSource(connection(TOKEN, ORG), CLOCK, retries);
    }

    private static MockResponse page(String fixture, String link) {
        MockResponse.Builder response = new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json").body(fixture(fixture));
        return link == null ? response.build() : response.addHeader("Link", link).build();
    }

    private static ServiceDefinition withProjects(ServiceDefinition service, List<String> projects) {
        return withSentry(service, service.sentry().organization(), projects);
    }

    private static ServiceDefinition withSentry(ServiceDefinition service, String organization, List<String> projects) {
        ServiceDefinition.Sentry s = service.sentry();
        return new ServiceDefinition(service.name(), service.env(), service.aliases(), service.datadog(),
                new ServiceDefinition.Sentry(true, organization, projects, s.environment(), s.query()),
                service.xray(), service.thresholds());
    }

    private static DigestEvidence.NewIssues newIssues(DigestReport report) {
        assertThat(report.gap()).as("gap").isEmpty();
        assertThat(report.source()).isEqualTo(SourceKind.SENTRY);
        return report.evidence(DigestEvidence.NewIssues.class).orElseThrow();
    }

    private static Gap gap(DigestReport report, GapReason reason) {
        Gap gap = report.gap().orElseThrow(() -> new AssertionError("expected a gap, got " + report.evidence()));
        assertThat(gap.source()).isEqualTo(SourceKind.SENTRY);
        assertThat(gap.reason()).as(gap.detail()).isEqualTo(reason);
        assertThat(gap.detail()).doesNotContain(TOKEN).hasSizeLessThanOrEqualTo(260);
        assertThat(report.toString()).doesNotContain(TOKEN);
        return gap;
    }
}
