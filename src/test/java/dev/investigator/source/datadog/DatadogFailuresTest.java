package dev.investigator.source.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadog.api.client.ApiException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.investigator.model.GapReason;
import dev.investigator.source.SourceFailure;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class DatadogFailuresTest {

    private static final String KEY = "secret-api-key-123456";
    private final DatadogFailures failures = new DatadogFailures(KEY, "", null);

    @Test
    void rateLimitResetBecomesRetryAfterWhateverTheHeaderCase() {
        SourceFailure failure = failures.classify(new ApiException(429, "{\"errors\":[\"Rate limit exceeded\"]}",
                Map.of("x-ratelimit-reset", List.of("7"), "X-RateLimit-Remaining", List.of("0")), "{\"errors\":[\"Rate limit exceeded\"]}"));

        assertThat(failure.reason()).isEqualTo(GapReason.RATE_LIMITED);
        assertThat(failure.httpStatus()).hasValue(429);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(7));
        assertThat(failure.getMessage()).isEqualTo("Rate limit exceeded");
    }

    @Test
    void retryAfterIsUsedWhenThereIsNoReset() {
        assertThat(DatadogFailures.retryAfter(Map.of("Retry-After", List.of("3")))).hasValue(Duration.ofSeconds(3));
        assertThat(DatadogFailures.retryAfter(Map.of("X-RateLimit-Reset", List.of("2"), "Retry-After", List.of("9"))))
                .hasValue(Duration.ofSeconds(2));
        assertThat(DatadogFailures.retryAfter(Map.of("Retry-After", List.of("Wed, 21 Oct 2026 07:28:00 GMT")))).isEmpty();
        assertThat(DatadogFailures.retryAfter(Map.of("X-RateLimit-Reset", List.of("-1")))).isEmpty();
        assertThat(DatadogFailures.retryAfter(null)).isEmpty();
    }

    @Test
    void theDetailIsDatadogsFirstErrorShortenedNeverTheBody() {
        String body = "{\"errors\":[\"" + "bad query ".repeat(60) + "\",\"second\"]}";
        SourceFailure failure = failures.classify(new ApiException(400, body, Map.of(), body));

        assertThat(failure.reason()).isEqualTo(GapReason.CLIENT_ERROR);
        assertThat(failure.getMessage()).startsWith("bad query bad query").hasSize(200).endsWith("…").doesNotContain("second");
    }

    @Test
    void jsonApiErrorObjectsGiveTheirDetail() {
        assertThat(failures.errorMessage("{\"errors\":[{\"status\":\"403\",\"title\":\"Forbidden\",\"detail\":\"missing scope\"}]}"))
                .hasValue("missing scope");
        assertThat(failures.errorMessage("<html>Bad gateway</html>")).isEmpty();
        assertThat(failures.errorMessage("{\"errors\":[]}")).isEmpty();
    }

    @Test
    void withoutDatadogErrorsTheDetailIsTheStatusLine() {
        assertThat(failures.classify(new ApiException(401, "", Map.of(), "")).getMessage()).isEqualTo("HTTP 401 Unauthorized");
        assertThat(failures.classify(new ApiException(503, "x", Map.of(), null)).getMessage()).isEqualTo("HTTP 503 Service Unavailable");
    }

    @Test
    void keysAreScrubbedFromDetails() {
        String body = "{\"errors\":[\"key " + KEY + " is invalid\"]}";
        assertThat(failures.classify(new ApiException(403, body, Map.of(), body)).getMessage()).isEqualTo("key *** is invalid");
    }

    @Test
    void noHttpAnswerIsTimeoutOrNetworkByItsCause() {
        SourceFailure timeout = failures.classify(new ProcessingException(new SocketTimeoutException("Read timed out")));
        assertThat(timeout.reason()).isEqualTo(GapReason.TIMEOUT);
        assertThat(timeout.httpStatus()).isEmpty();

        SourceFailure refused = failures.classify(new ProcessingException(new ConnectException("Connection refused")));
        assertThat(refused.reason()).isEqualTo(GapReason.NETWORK);
        assertThat(refused.getMessage()).isEqualTo("connection to Datadog failed (ConnectException: Connection refused)");

        assertThat(failures.classify(new ApiException(new SocketTimeoutException("connect timed out"))).reason())
                .isEqualTo(GapReason.TIMEOUT);
    }

    @Test
    void unreadableJsonIsMalformed() {
        SourceFailure failure = failures.classify(new ExecutionException(
                new ProcessingException("Error reading entity from input stream.", new JsonEOFException(null, null, "Unexpected end-of-input"))));

        assertThat(failure.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
        assertThat(failure.getMessage()).isEqualTo("unreadable response from Datadog: Unexpected end-of-input");
    }

    @Test
    void anythingElseIsInternal() {
        assertThat(failures.classify(new IllegalStateException("boom")).reason()).isEqualTo(GapReason.INTERNAL);
    }
}
