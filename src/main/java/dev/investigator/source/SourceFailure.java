package dev.investigator.source;

import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.SourceKind;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A vendor call that failed, already classified. Adapters translate their SDK's exceptions into this, so the
 * retry policy and the report need to know nothing about any SDK.
 *
 * <p>The message must be safe to show: a status line or the vendor's short error text, never a secret or a
 * whole response body.
 */
public final class SourceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final GapReason reason;
    private final OptionalInt httpStatus;
    private final Optional<Duration> retryAfter;

    public SourceFailure(GapReason reason, OptionalInt httpStatus, Optional<Duration> retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    public static SourceFailure of(GapReason reason, String message) {
        return new SourceFailure(reason, OptionalInt.empty(), Optional.empty(), message, null);
    }

    public static SourceFailure of(GapReason reason, String message, Throwable cause) {
        return new SourceFailure(reason, OptionalInt.empty(), Optional.empty(), message, cause);
    }

    /** Classifies an HTTP status the way every adapter should. */
    public static SourceFailure http(int status, Optional<Duration> retryAfter, String message) {
        return new SourceFailure(reasonFor(status), OptionalInt.of(status), retryAfter, message, null);
    }

    public static GapReason reasonFor(int status) {
        if (status == 401) {
            return GapReason.AUTH_REJECTED;
        }
        if (status == 403) {
            return GapReason.FORBIDDEN;
        }
        if (status == 404) {
            return GapReason.NOT_FOUND;
        }
        if (status == 408 || status == 504) {
            return GapReason.TIMEOUT;
        }
        if (status == 429) {
            return GapReason.RATE_LIMITED;
        }
        if (status >= 500) {
            return GapReason.SERVER_ERROR;
        }
        return GapReason.CLIENT_ERROR;
    }

    public GapReason reason() {
        return reason;
    }

    public OptionalInt httpStatus() {
        return httpStatus;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Rate limits, server errors, timeouts of one request and dropped connections may pass; nothing else will. */
    public boolean retryable() {
        return switch (reason) {
            case RATE_LIMITED, SERVER_ERROR, NETWORK, TIMEOUT -> true;
            default -> false;
        };
    }

    public Gap toGap(SourceKind source) {
        return new Gap(source, reason, httpStatus, getMessage());
    }
}
