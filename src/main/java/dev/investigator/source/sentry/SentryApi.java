package dev.investigator.source.sentry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.GapReason;
import dev.investigator.source.SourceFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Sentry's REST API, one small method per endpoint. Each sends exactly one request and returns the parsed DTO or
 * throws a classified {@link SourceFailure}: HTTP status (auth, forbidden, not found, rate-limited with its
 * reset, server error, other client error), network, timeout, or malformed body. Retrying is the caller's job.
 */
final class SentryApi {

    static final int PAGE_LIMIT = 25;
    static final String STATS_PERIOD = "24h";

    /** 25 issues with 24 stats buckets are ~60 KB; anything near this is not an issues page. */
    private static final long MAX_BODY_BYTES = 8L * 1024 * 1024;
    private static final long MAX_ERROR_BODY_BYTES = 4096;
    private static final int MAX_DETAIL_CHARS = 200;
    private static final TypeReference<List<IssueDto>> ISSUE_LIST = new TypeReference<>() {
    };
    private static final TypeReference<List<ProjectDto>> PROJECT_LIST = new TypeReference<>() {
    };

    private final HttpUrl baseUrl;
    private final String authToken;
    private final OkHttpClient client;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Duration requestTimeout;

    SentryApi(HttpUrl baseUrl, String authToken, OkHttpClient client, ObjectMapper mapper, Clock clock,
            Duration requestTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.authToken = Objects.requireNonNull(authToken, "authToken");
        this.client = Objects.requireNonNull(client, "client");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** The API as the source uses it: one OkHttp client with the connection's timeouts, no I/O yet. */
    static SentryApi create(SentryConnection connection, Clock clock) {
        // OkHttp's own silent retry is off: Retries is the one retry layer, so apiCalls and the deadline stay true.
        OkHttpClient client = new OkHttpClient.Builder()
                .connectTimeout(connection.requestTimeout())
                .readTimeout(connection.requestTimeout())
                .writeTimeout(connection.requestTimeout())
                .callTimeout(connection.requestTimeout())
                .retryOnConnectionFailure(false)
                .build();
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return new SentryApi(HttpUrl.get(connection.baseUrl()), connection.authToken(), client, mapper, clock,
                connection.requestTimeout());
    }

    /** {@code GET /api/0/projects/{org}/{slug}/}: the project's numeric id. */
    ProjectDto project(String organization, String slug, Deadline deadline) {
        HttpUrl url = SentryUrls.under(baseUrl, "api", "0", "projects", organization, slug).build();
        Reply reply = get(url, deadline);
        ProjectDto project = parse(reply.body(), "project " + slug, body -> mapper.readValue(body, ProjectDto.class));
        if (project == null || project.id() == null || !project.id().matches("\\d{1,20}")) {
            throw malformed("Sentry project " + slug + ": response has no numeric id");
        }
        return project;
    }

    /**
     * {@code GET /api/0/organizations/{org}/issues/}: one page of issues, sorted as the request says.
     *
     * @param cursor the cursor from the previous page's {@code Link} header, empty for the first page
     */
    IssuePage issues(IssuesRequest request, Optional<String> cursor, Deadline deadline) {
        HttpUrl.Builder url = SentryUrls.under(baseUrl, "api", "0", "organizations", request.organization(), "issues");
        for (String id : request.projectIds()) {
            url.addQueryParameter("project", id);
        }
        if (!request.environment().isBlank()) {
            url.addQueryParameter("environment", request.environment());
        }
        url.addQueryParameter("start", IssueSearch.start(request.window().from()))
                .addQueryParameter("end", IssueSearch.end(request.window().to()))
                .addQueryParameter("query", request.query())
                .addQueryParameter("sort", request.sort())
                .addQueryParameter("limit", Integer.toString(request.limit()))
                .addQueryParameter("groupStatsPeriod", request.groupStatsPeriod());
        cursor.ifPresent(c -> url.addQueryParameter("cursor", c));

        Reply reply = get(url.build(), deadline);
        List<IssueDto> issues = parse(reply.body(), "issues list", body -> mapper.readValue(body, ISSUE_LIST));
        if (issues == null || issues.contains(null)) {
            throw malformed("Sentry issues list: expected a JSON array of issues");
        }
        return new IssuePage(issues, LinkHeader.nextCursor(reply.links()));
    }

    /**
     * {@code GET /api/0/organizations/{org}/projects/}: one page of the projects the token can see, with their
     * numeric ids.
     */
    ProjectPage projects(String organization, Optional<String> cursor, Deadline deadline) {
        HttpUrl.Builder url = SentryUrls.under(baseUrl, "api", "0", "organizations", organization, "projects")
                .addQueryParameter("per_page", Integer.toString(IssuesRequest.MAX_LIMIT));
        cursor.ifPresent(c -> url.addQueryParameter("cursor", c));
        Reply reply = get(url.build(), deadline);
        List<ProjectDto> projects = parse(reply.body(), "projects list", body -> mapper.readValue(body, PROJECT_LIST));
        if (projects == null || projects.contains(null)) {
            throw malformed("Sentry projects list: expected a JSON array of projects");
        }
        for (ProjectDto project : projects) {
            if (project.id() == null || !project.id().matches("\\d{1,20}") || project.slug() == null) {
                throw malformed("Sentry projects list: a project has no numeric id or no slug");
            }
        }
        return new ProjectPage(projects, LinkHeader.nextCursor(reply.links()));
    }

    private record Reply(String body, List<String> links) {
    }

    private Reply get(HttpUrl url, Deadline deadline) {
        Duration remaining = deadline.remaining();
        if (remaining.isZero()) {
            // OkHttp reads a zero timeout as "none", so a passed deadline must stop here.
            throw SourceFailure.of(GapReason.TIMEOUT, "deadline passed before the Sentry request");
        }
        Duration limit = remaining.compareTo(requestTimeout) < 0 ? remaining : requestTimeout;
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + authToken)
                .header("Accept", "application/json")
                .get()
                .build();
        Call call = client.newCall(request);
        call.timeout().timeout(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw failure(response);
            }
            return new Reply(readBody(response), response.headers("Link"));
        } catch (InterruptedIOException e) {
            // OkHttp's call timeout and socket timeouts (SocketTimeoutException) both land here.
            throw SourceFailure.of(GapReason.TIMEOUT, "Sentry did not answer within " + limit.toMillis() + " ms", e);
        } catch (IOException e) {
            throw SourceFailure.of(GapReason.NETWORK, "Sentry connection failed: " + e.getClass().getSimpleName()
                    + safeMessage(e.getMessage()), e);
        }
    }

    private String readBody(Response response) throws IOException {
        BufferedSource source = response.body().source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            throw malformed("Sentry response larger than " + MAX_BODY_BYTES / (1024 * 1024) + " MB");
        }
        return source.readUtf8();
    }

    private SourceFailure failure(Response response) {
        int status = response.code();
        String detail = errorDetail(response);
        String message = detail.isEmpty()
                ? "HTTP " + status + (response.message().isBlank() ? "" : " " + clip(response.message()))
                : "HTTP " + status + ": " + detail;
        return SourceFailure.http(status, retryAfter(response), message);
    }

    /** Sentry's errors are {@code {"detail": "..."}} (sometimes a bare JSON string); anything else is not shown. */
    private String errorDetail(Response response) {
        try {
            String body = response.peekBody(MAX_ERROR_BODY_BYTES).string();
            JsonNode json = mapper.readTree(body);
            if (json == null) {
                return "";
            }
            JsonNode detail = json.isObject() ? json.get("detail") : json;
            if (detail != null && detail.isObject()) {
                detail = detail.get("message");
            }
            return detail != null && detail.isTextual() ? clip(detail.asText()) : "";
        } catch (IOException | RuntimeException e) {
            // An HTML error page from a proxy, a cut-off body: the status alone says enough.
            return "";
        }
    }

    /**
     * How long Sentry asks us to wait: {@code Retry-After} (seconds or an HTTP date), else
     * {@code X-Sentry-Rate-Limit-Reset} (epoch seconds, read against our clock).
     */
    private Optional<Duration> retryAfter(Response response) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null && !retryAfter.isBlank()) {
            try {
                return Optional.of(nonNegative(Duration.ofSeconds(Long.parseLong(retryAfter.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
                } catch (DateTimeParseException notDate) {
                    // fall through to Sentry's own header
                }
            }
        }
        String reset = response.header("X-Sentry-Rate-Limit-Reset");
        if (reset != null && !reset.isBlank()) {
            try {
                long resetMillis = (long) (Double.parseDouble(reset.trim()) * 1000);
                return Optional.of(nonNegative(Duration.between(clock.instant(), Instant.ofEpochMilli(resetMillis))));
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(String body) throws JsonProcessingException;
    }

    private static <T> T parse(String body, String what, Parser<T> parser) {
        try {
            return parser.parse(body);
        } catch (MismatchedInputException e) {
            throw malformed("Sentry " + what + ": unexpected JSON shape", e);
        } catch (JsonProcessingException e) {
            throw malformed("Sentry " + what + ": invalid JSON", e);
        }
    }

    private static SourceFailure malformed(String message) {
        return SourceFailure.of(GapReason.MALFORMED_RESPONSE, message);
    }

    private static SourceFailure malformed(String message, Throwable cause) {
        // The cause stays for the stack trace in logs; Jackson leaves the body out of its messages by default.
        return SourceFailure.of(GapReason.MALFORMED_RESPONSE, message, cause);
    }

    private String safeMessage(String message) {
        String clipped = message == null ? "" : clip(message);
        return clipped.isEmpty() ? "" : " (" + clipped + ")";
    }

    /** One line, at most 200 characters, and never the token even if a server or proxy echoes it. */
    private String clip(String text) {
        String oneLine = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (!authToken.isEmpty()) {
            oneLine = oneLine.replace(authToken, "<redacted>");
        }
        return oneLine.length() <= MAX_DETAIL_CHARS ? oneLine : oneLine.substring(0, MAX_DETAIL_CHARS - 1) + "…";
    }
}
