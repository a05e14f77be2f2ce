package dev.investigator.source.xray;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.GapReason;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One X-Ray operation through the retry policy: each attempt is counted, given what is left of the deadline as
 * its API call timeout, and its failure classified. Shared by the investigation's and the daily check's sources.
 */
final class XRayCalls {

    private final Retries retries;
    private final XRayFailures failures;

    XRayCalls(Retries retries, XRayFailures failures) {
        this.retries = retries;
        this.failures = failures;
    }

    /** @param request the SDK call, given the time left for it */
    <T> T call(String operation, Deadline deadline, AtomicInteger calls, Function<Duration, T> request) {
        return retries.call(deadline, () -> {
            Duration left = deadline.remaining();
            if (left.isZero()) {
                throw SourceFailure.of(GapReason.TIMEOUT, operation + ": the deadline passed before the request");
            }
            calls.incrementAndGet();
            try {
                return request.apply(left);
            } catch (SdkException e) {
                SourceFailure failure = failures.classify(e, operation);
                if (failure.reason() == GapReason.NOT_CONFIGURED) {
                    // Credentials are resolved before signing: nothing went over the wire.
                    calls.decrementAndGet();
                }
                throw failure;
            }
        });
    }
}
