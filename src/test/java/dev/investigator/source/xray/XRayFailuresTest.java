package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.GapReason;
import dev.investigator.source.SourceFailure;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The few classification rules the fake server cannot reach; the rest is covered end to end in XRaySourceTest. */
class XRayFailuresTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T05:31:00Z"), ZoneOffset.UTC);
    private final XRayFailures failures = new XRayFailures(clock);

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertThat(failures.parseRetryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(failures.parseRetryAfter("Tue, 10 Mar 2026 05:31:20 GMT")).contains(Duration.ofSeconds(20));
        assertThat(failures.parseRetryAfter("Tue, 10 Mar 2026 05:30:00 GMT")).contains(Duration.ZERO);
        assertThat(failures.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void detailsAreShortSingleLineAndHideAccessKeyIds() {
        String detail = XRayFailures.detail("HTTP 403 InvalidSignatureException",
                "Signature expired for\n AKIAIOSFODNN7EXAMPLE " + "x".repeat(400));

        assertThat(detail).startsWith("HTTP 403 InvalidSignatureException: Signature expired for <access key id> x")
                .doesNotContain("AKIAIOSFODNN7EXAMPLE").doesNotContain("\n").hasSize(200);
    }

    @Test
    void aConnectionRefusedIsANetworkFailureThatMayBeRetried() {
        SourceFailure f = failures.classify(SdkClientException.builder().message("Unable to execute HTTP request: refused")
                .cause(new ConnectException("Connection refused")).build(), "GetServiceGraph");

        assertThat(f.reason()).isEqualTo(GapReason.NETWORK);
        assertThat(f.retryable()).isTrue();
        assertThat(f.getMessage()).isEqualTo("GetServiceGraph: connection failed: ConnectException");
    }

    @Test
    void anAttemptTimeoutIsATimeout() {
        SourceFailure f = failures.classify(ApiCallAttemptTimeoutException.create(1000), "BatchGetTraces");

        assertThat(f.reason()).isEqualTo(GapReason.TIMEOUT);
    }
}
