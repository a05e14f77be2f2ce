package dev.investigator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Evidence;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.source.Retries;
import dev.investigator.source.sentry.SentryConnection;
import dev.investigator.source.sentry.SentrySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Sentry's REST API: the project lookup answers the checkout project, the organization's issues search answers
 * the fixture page (four issues in the window) with Sentry's pagination {@code Link} header.
 */
final class SentryFake extends VendorFake {

    static final String PROJECTS = "/api/0/projects/acme/";
    static final String ISSUES = "/api/0/organizations/acme/issues/";
    /** Issues the source keeps at most: 2 pages of 25, the bound it pages to. */
    static final int MAX_ISSUES = 50;
    /** A huge answer: this many issues on every page, whatever {@code limit} asked for. */
    static final int HUGE_PAGE = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceDefinition service = ExampleCatalog.service("checkout");

    @Override
    SourceKind kind() {
        return SourceKind.SENTRY;
    }

    @Override
    String primaryPath() {
        return ISSUES;
    }

    @Override
    EvidenceSource source(Clock clock, Retries retries) {
        return new SentrySource(new SentryConnection(server.uri(), ExampleCatalog.SENTRY_ORG, Canary.SENTRY_TOKEN,
                REQUEST_TIMEOUT), clock, retries);
    }

    @Override
    int healthyPrimaryRequests() {
        return 1;
    }

    @Override
    int hugePrimaryRequests() {
        return 2;
    }

    @Override
    int secondaryRequestsAtMost() {
        return 1; // the project's numeric id
    }

    @Override
    InvestigationQuery query(Fault fault) {
        return ExampleCatalog.query(service, ExampleCatalog.WINDOW);
    }

    @Override
    MockResponse healthy(RecordedRequest request, String path, int attempt) {
        if (path.startsWith(PROJECTS)) {
            // Every service's project exists; checkout's fixture stands for all of them.
            return json(200, fixture("sentry/project_checkout.json")).build();
        }
        if (path.equals(ISSUES)) {
            return json(200, fixture("sentry/org_issues_page1.json")).addHeader("Link", link(request, false)).build();
        }
        return json(404, "{\"detail\":\"The requested resource does not exist\"}").build();
    }

    @Override
    MockResponse error(int status) {
        return switch (status) {
            case 401 -> json(401, fixture("sentry/error_401.json")).build();
            case 403 -> json(403, fixture("sentry/error_403.json")).build();
            case 404 -> json(404, fixture("sentry/error_404.json")).build();
            case 503 -> htmlError(503, "Service Unavailable");
            default -> json(status, "{\"detail\":\"Internal Error\"}").build();
        };
    }

    @Override
    MockResponse rateLimited(long seconds) {
        long reset = Instant.now().plusSeconds(seconds).getEpochSecond();
        return json(429, fixture("sentry/error_429.json"))
                .addHeader("Retry-After", Long.toString(seconds))
                .addHeader("X-Sentry-Rate-Limit-Limit", "40")
                .addHeader("X-Sentry-Rate-Limit-Remaining", "0")
                .addHeader("X-Sentry-Rate-Limit-Reset", Long.toString(reset))
                .build();
    }

    @Override
    MockResponse truncated(RecordedRequest request) {
        return json(200, cutInHalf(fixture("sentry/org_issues_page1.json"))).build();
    }

    @Override
    MockResponse wrongShape() {
        // The Discover events shape where a list of issues belongs.
        return json(200, "{\"data\":[{\"id\":\"6051234001\",\"title\":\"PaymentGatewayTimeout\",\"count()\":412}],"
                + "\"meta\":{\"fields\":{\"id\":\"string\",\"count()\":\"integer\"}}}").build();
    }

    @Override
    MockResponse empty(RecordedRequest request) {
        return json(200, "[]").addHeader("Link", link(request, false)).build();
    }

    @Override
    MockResponse huge(RecordedRequest request, int attempt) {
        return json(200, issues(attempt, HUGE_PAGE)).addHeader("Link", link(request, true)).build();
    }

    @Override
    void assertHealthy(Evidence evidence) {
        Evidence.Errors errors = (Evidence.Errors) evidence;
        assertThat(errors.issues()).extracting(ErrorIssue::shortId).contains("CHECKOUT-1F3").hasSize(4);
        assertThat(errors.truncated()).isFalse();
    }

    @Override
    void assertEmpty(Evidence evidence) {
        Evidence.Errors errors = (Evidence.Errors) evidence;
        assertThat(errors.issues()).isEmpty();
        assertThat(errors.truncated()).isFalse();
    }

    @Override
    void assertHugeIsCapped(Evidence evidence) {
        Evidence.Errors errors = (Evidence.Errors) evidence;
        assertThat(errors.issues().size()).as("issues kept").isBetween(1, MAX_ISSUES);
        assertThat(errors.truncated()).as("more issues existed than were read").isTrue();
    }

    /** Sentry's Link header: previous without results, next with or without. */
    private String link(RecordedRequest request, boolean more) {
        String cursor = request.getUrl().queryParameter("cursor");
        int offset = cursor == null ? 0 : Integer.parseInt(cursor.split(":")[1]);
        String base = server.uri().resolve(ISSUES).toString();
        String next = "0:" + (offset + 25) + ":0";
        return "<" + base + "?&cursor=0:" + offset + ":1>; rel=\"previous\"; results=\"false\"; cursor=\"0:" + offset + ":1\", "
                + "<" + base + "?&cursor=" + next + ">; rel=\"next\"; results=\"" + more + "\"; cursor=\"" + next + "\"";
    }

    /** {@code count} issues shaped like the fixture's first one, each with its own id, on page {@code page}. */
    private static String issues(int page, int count) {
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(fixture("sentry/org_issues_page1.json")).get(0);
            ArrayNode out = JSON.createArrayNode();
            for (int i = 0; i < count; i++) {
                ObjectNode issue = template.deepCopy();
                long id = 7_000_000_000L + (long) page * count + i;
                issue.put("id", Long.toString(id));
                issue.put("shortId", "CHECKOUT-" + Long.toString(id, 36).toUpperCase(java.util.Locale.ROOT));
                issue.put("count", Integer.toString(count - i));
                issue.put("permalink", "https://acme.sentry.io/issues/" + id + "/");
                out.add(issue);
            }
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void closeSource() {
        // SentrySource holds an OkHttp client whose idle threads end on their own.
    }
}
