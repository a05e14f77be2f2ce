package dev.investigator.source.xray;

import dev.investigator.model.GapReason;
import dev.investigator.source.SourceFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.xray.model.ThrottledException;

/** Turns what the AWS SDK throws into a classified {@link SourceFailure} with a short, safe detail. */
final class XRayFailures {

    static final String NO_CREDENTIALS =
            "no AWS credentials (set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or attach a role)";

    /** Error codes that mean "who you are was not accepted", whatever status AWS sent them with (often 403). */
    private static final Set<String> CREDENTIAL_REJECTED = Set.of(
            "UnrecognizedClientException", "InvalidSignatureException", "SignatureDoesNotMatch",
            "IncompleteSignature", "IncompleteSignatureException", "InvalidClientTokenId",
            "MissingAuthenticationToken", "MissingAuthenticationTokenException",
            "ExpiredToken", "ExpiredTokenException", "RequestExpired");

    private static final Set<String> THROTTLED = Set.of(
            "ThrottledException", "ThrottlingException", "Throttling", "TooManyRequestsException",
            "RequestLimitExceeded");

    // An access key id in a vendor message is not a secret, but it has no business in a chat message either.
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{12,}\\b");
    private static final int MAX_DETAIL = 200;

    private final Clock clock;

    XRayFailures(Clock clock) {
        this.clock = clock;
    }

    SourceFailure classify(SdkException e, String operation) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return SourceFailure.of(GapReason.TIMEOUT, operation + ": no answer from X-Ray before the deadline");
        }
        if (e instanceof AwsServiceException service) {
            return fromService(service, operation);
        }
        if (e instanceof AbortedException) {
            return SourceFailure.of(GapReason.TIMEOUT, operation + ": interrupted");
        }
        if (e instanceof SdkClientException) {
            return fromClient((SdkClientException) e, operation);
        }
        return SourceFailure.of(GapReason.INTERNAL, operation + ": " + e.getClass().getSimpleName());
    }

    private SourceFailure fromService(AwsServiceException e, String operation) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String message = details == null || details.errorMessage() == null ? "" : details.errorMessage();
        int status = e.statusCode();
        if (e instanceof ThrottledException || THROTTLED.contains(code)) {
            status = 429;
        }
        String detail = detail("HTTP " + status + (code.isEmpty() ? "" : " " + code), message);
        Optional<Duration> retryAfter = retryAfter(details);
        if (CREDENTIAL_REJECTED.contains(code)) {
            return new SourceFailure(GapReason.AUTH_REJECTED, OptionalInt.of(status), Optional.empty(), detail, null);
        }
        if ("AccessDeniedException".equals(code) || "AccessDenied".equals(code)) {
            return new SourceFailure(GapReason.FORBIDDEN, OptionalInt.of(status), Optional.empty(), detail, null);
        }
        if (status < 400) {
            // A service exception with a success status: the body was an error we could not place.
            return new SourceFailure(GapReason.MALFORMED_RESPONSE, OptionalInt.of(status), Optional.empty(),
                    operation + ": unexpected error response", null);
        }
        return SourceFailure.http(status, retryAfter, detail);
    }

    private static SourceFailure fromClient(SdkClientException e, String operation) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Unable to load credentials")) {
            return SourceFailure.of(GapReason.NOT_CONFIGURED, NO_CREDENTIALS);
        }
        if (message.startsWith("Unable to unmarshall") || causedByJsonParsing(e)) {
            return SourceFailure.of(GapReason.MALFORMED_RESPONSE, operation + ": X-Ray sent a response that is not the expected JSON");
        }
        if (hasCause(e, IOException.class) || hasCause(e, UncheckedIOException.class)) {
            Throwable io = rootCause(e);
            return SourceFailure.of(GapReason.NETWORK, detail(operation + ": connection failed", io.getClass().getSimpleName()), e);
        }
        return SourceFailure.of(GapReason.INTERNAL, operation + ": " + e.getClass().getSimpleName());
    }

    /** The SDK's shaded Jackson throws JsonParseException (an IOException) for bodies that are cut off or not JSON. */
    private static boolean causedByJsonParsing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.contains(".jackson.") && (name.endsWith("JsonParseException") || name.endsWith("JsonEOFException")
                    || name.endsWith("StreamReadException") || name.endsWith("JsonProcessingException"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private Optional<Duration> retryAfter(AwsErrorDetails details) {
        if (details == null || details.sdkHttpResponse() == null) {
            return Optional.empty();
        }
        return details.sdkHttpResponse().firstMatchingHeader("Retry-After").flatMap(this::parseRetryAfter);
    }

    /** Retry-After is either delta-seconds or an HTTP date. */
    Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    static String detail(String head, String message) {
        if (message == null || message.isBlank()) {
            return head;
        }
        String clean = ACCESS_KEY_ID.matcher(message.replaceAll("\\s+", " ").trim()).replaceAll("<access key id>");
        String text = head + ": " + clean;
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL - 1) + "…";
    }
}
