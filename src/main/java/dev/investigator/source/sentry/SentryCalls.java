package dev.investigator.source.sentry;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.GapReason;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One Sentry request through the retry policy, every attempt that reaches the network counted; shared by the
 * investigation's and the daily check's sources.
 */
final class SentryCalls {

    private final Retries retries;

    SentryCalls(Retries retries) {
        this.retries = retries;
    }

    <T> T send(Deadline deadline, AtomicInteger calls, Supplier<T> request) {
        return retries.call(deadline, () -> {
            if (deadline.passed()) {
                throw SourceFailure.of(GapReason.TIMEOUT, "deadline passed before the Sentry request");
            }
            calls.incrementAndGet();
            return request.get();
        });
    }

    /** A 404 on an organization's listing means the organization, not a page, is missing: say which. */
    static SourceFailure organizationNotFound(String organization, SourceFailure f) {
        return new SourceFailure(GapReason.NOT_FOUND, f.httpStatus(), Optional.empty(),
                "Sentry organization '" + organization + "' not found (" + f.getMessage() + ")", f);
    }
}
