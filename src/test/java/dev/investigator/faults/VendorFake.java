package dev.investigator.faults;

import dev.investigator.investigation.EvidenceSource;
import dev.investigator.model.Evidence;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.SourceKind;
import dev.investigator.source.Retries;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * One vendor's API faked on a local server in the vendor's own wire format, with its REAL client pointed at it.
 * A {@link Fault} hits the vendor's main endpoint ({@link #primaryPath()}); every other endpoint keeps answering
 * normally. Subclasses say how that vendor answers (its error bodies, its rate-limit headers, what "empty" and
 * "huge" look like) and what the source should make of it.
 */
abstract class VendorFake implements AutoCloseable {

    /** Long enough that any deadline in these tests passes first. */
    static final long SLOW_SECONDS = 20;
    /**
     * One HTTP request's limit, as long as any deadline here: the deadline is what binds, as in production where
     * both come from the configured source deadline.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    final RecordingServer server = new RecordingServer(this::respond);
    private volatile Fault fault = Fault.NONE;
    private volatile RecordingServer.Responder primaryOverride;
    private volatile Duration latency = Duration.ZERO;

    abstract SourceKind kind();

    /** The endpoint a fault hits. */
    abstract String primaryPath();

    /** The real source, with the real vendor client, pointed at this fake; closed with the fake. */
    abstract EvidenceSource source(Clock clock, Retries retries);

    /** Main-endpoint requests of one healthy collection. */
    abstract int healthyPrimaryRequests();

    /** Main-endpoint requests when the answer is {@link Fault#HUGE}: the paging bound. */
    abstract int hugePrimaryRequests();

    /** Requests to the other endpoints one collection may make at most. */
    abstract int secondaryRequestsAtMost();

    /**
     * Queries the source sends to the main endpoint at once for one collection, each retried on its own (X-Ray asks
     * a window in time slices): every fault of the main endpoint costs this many times the requests of one query.
     */
    int primaryQueries() {
        return 1;
    }

    /** Which of the {@link #primaryQueries()} a main-endpoint request belongs to. */
    String queryOf(RecordingServer.Hit hit) {
        return "";
    }

    /**
     * Whether the vendor's HTTP client notices a body shorter than its Content-Length (a connection dropped
     * mid-answer) as a transport failure, rather than handing the parser a body that just ends.
     */
    boolean detectsShortBody() {
        return true;
    }

    /** The query of a cell: the service from the example catalog, and a window that suits the fault. */
    abstract InvestigationQuery query(Fault fault);

    abstract MockResponse healthy(RecordedRequest request, String path, int attempt);

    /** The vendor's own error answer for {@code status}, body and headers as it sends them. */
    abstract MockResponse error(int status);

    /** The vendor's 429, asking to wait {@code seconds} in whatever header it uses. */
    abstract MockResponse rateLimited(long seconds);

    abstract MockResponse truncated(RecordedRequest request);

    abstract MockResponse wrongShape();

    abstract MockResponse empty(RecordedRequest request);

    abstract MockResponse huge(RecordedRequest request, int attempt);

    /** What a healthy collection found, checked against what the fake served. */
    abstract void assertHealthy(Evidence evidence);

    abstract void assertEmpty(Evidence evidence);

    /** The evidence of a huge answer is capped: bounded lists, bounded points, marked truncated where it can be. */
    abstract void assertHugeIsCapped(Evidence evidence);

    VendorFake failWith(Fault fault) {
        this.fault = fault;
        return this;
    }

    Fault fault() {
        return fault;
    }

    /** Every answer, on every endpoint, starts only after {@code latency}: a healthy but busy vendor. */
    VendorFake withLatency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** The main endpoint answers through {@code responder} instead of a {@link Fault}; null to stop. */
    VendorFake answerPrimaryWith(RecordingServer.Responder responder) {
        this.primaryOverride = responder;
        return this;
    }

    int primaryHits() {
        return server.count(primaryPath());
    }

    private MockResponse respond(RecordedRequest request, String path, int attempt) {
        MockResponse response = answer(request, path, attempt);
        Duration delay = latency;
        return delay.isZero() ? response
                : new MockResponse.Builder(response).headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
    }

    private MockResponse answer(RecordedRequest request, String path, int attempt) {
        if (!path.equals(primaryPath())) {
            return healthy(request, path, attempt);
        }
        RecordingServer.Responder override = primaryOverride;
        if (override != null) {
            return override.respond(request, path, attempt);
        }
        return switch (fault) {
            case NONE -> healthy(request, path, attempt);
            case SLOW -> new MockResponse.Builder(healthy(request, path, attempt)).headersDelay(SLOW_SECONDS, TimeUnit.SECONDS).build();
            case UNAUTHORIZED_401 -> error(401);
            case FORBIDDEN_403 -> error(403);
            case NOT_FOUND_404 -> error(404);
            case RATE_LIMITED_ONCE_429 -> attempt == 1 ? rateLimited(fault.retryAfterSeconds()) : healthy(request, path, attempt - 1);
            case RATE_LIMITED_429, RATE_LIMITED_PAST_DEADLINE_429 -> rateLimited(fault.retryAfterSeconds());
            case SERVER_ERROR_500 -> error(500);
            case UNAVAILABLE_503 -> error(503);
            case DROPPED_CONNECTION -> new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
            case DROPPED_MID_BODY -> new MockResponse.Builder(healthy(request, path, attempt))
                    .throttleBody(512, 1, TimeUnit.MILLISECONDS)
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
            case TRUNCATED_JSON -> truncated(request);
            case WRONG_SHAPE -> wrongShape();
            case EMPTY -> empty(request);
            case HUGE -> huge(request, attempt);
        };
    }

    static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
    }

    /** A proxy's or load balancer's error page: what a 503 often really is. */
    static MockResponse htmlError(int code, String reason) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html")
                .body("<html><head><title>" + code + " " + reason + "</title></head><body><center><h1>" + code + " "
                        + reason + "</h1></center><hr><center>nginx</center></body></html>")
                .build();
    }

    /** The first half of {@code body}: JSON that stops mid-document. */
    static String cutInHalf(String body) {
        return body.substring(0, body.length() / 2);
    }

    static String fixture(String path) {
        try (InputStream in = VendorFake.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closeSource();
        server.close();
    }

    abstract void closeSource();
}
