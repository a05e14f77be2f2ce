package dev.investigator.source.datadog;

import com.datadog.api.client.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.model.GapReason;
import dev.investigator.source.SourceFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

/**
 * Classifies whatever the Datadog client threw into a {@link SourceFailure} with a short, safe detail.
 *
 * <p>The client's {@link ApiException#getMessage()} is the whole response body, so it is never used: the
 * detail is Datadog's first {@code errors} message (truncated) or the status line. Both keys are scrubbed from
 * every detail in case an echo ever carries them.
 */
final class DatadogFailures {

    static final int MAX_DETAIL = 200;

    private final List<String> secrets;
    private final ObjectMapper mapper = new ObjectMapper();

    DatadogFailures(String... secrets) {
        this.secrets = Stream.of(secrets).filter(s -> s != null && !s.isBlank()).toList();
    }

    SourceFailure classify(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SourceFailure failure) {
            return failure;
        }
        if (t instanceof ApiException api) {
            // Code 0: no HTTP answer at all, the cause says why.
            return api.getCode() > 0 ? http(api) : transport(api.getCause() == null ? api : api.getCause());
        }
        Optional<JsonProcessingException> json = find(t, JsonProcessingException.class);
        if (json.isPresent()) {
            String why = firstLine(json.get().getOriginalMessage());
            return SourceFailure.of(GapReason.MALFORMED_RESPONSE, safe("unreadable response from Datadog: " + why));
        }
        return transport(t);
    }

    private SourceFailure http(ApiException api) {
        int status = api.getCode();
        Optional<Duration> retryAfter = retryAfter(api.getResponseHeaders());
        String detail = errorMessage(api.getResponseBody()).orElse("HTTP " + status + reasonPhrase(status));
        return SourceFailure.http(status, retryAfter, safe(detail));
    }

    private SourceFailure transport(Throwable t) {
        // SocketTimeoutException is an InterruptedIOException; java.net.http's timeout is not.
        if (find(t, InterruptedIOException.class).isPresent() || find(t, HttpTimeoutException.class).isPresent()) {
            return new SourceFailure(GapReason.TIMEOUT, OptionalInt.empty(), Optional.empty(),
                    "Datadog did not answer within the request timeout", t);
        }
        Optional<IOException> io = find(t, IOException.class);
        if (io.isPresent() || isProcessingException(t)) {
            Throwable shown = io.isPresent() ? io.get() : t;
            String message = shown.getMessage() == null ? "" : ": " + firstLine(shown.getMessage());
            return new SourceFailure(GapReason.NETWORK, OptionalInt.empty(), Optional.empty(),
                    safe("connection to Datadog failed (" + shown.getClass().getSimpleName() + message + ")"), t);
        }
        return new SourceFailure(GapReason.INTERNAL, OptionalInt.empty(), Optional.empty(),
                "unexpected " + t.getClass().getSimpleName() + " from the Datadog client", t);
    }

    /** Datadog sends X-RateLimit-Reset (seconds until the window resets); proxies may send Retry-After. */
    static Optional<Duration> retryAfter(Map<String, List<String>> headers) {
        if (headers == null) {
            return Optional.empty();
        }
        for (String name : List.of("x-ratelimit-reset", "retry-after")) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey() != null && header.getKey().toLowerCase(Locale.ROOT).equals(name)
                        && header.getValue() != null && !header.getValue().isEmpty()) {
                    Optional<Duration> seconds = seconds(header.getValue().get(0));
                    if (seconds.isPresent()) {
                        return seconds;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The first entry of Datadog's {@code {"errors": [...]}}, whether a string or a JSON:API error object. */
    Optional<String> errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode errors = mapper.readTree(body).path("errors");
            JsonNode first = errors.isArray() && !errors.isEmpty() ? errors.get(0) : errors;
            String message = first.isTextual() ? first.asText()
                    : first.path("detail").isTextual() ? first.path("detail").asText()
                    : first.path("title").isTextual() ? first.path("title").asText() : "";
            return message.isBlank() ? Optional.empty() : Optional.of(message.strip());
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty(); // an HTML error page from a proxy, say: the status line will do
        }
    }

    String safe(String detail) {
        String scrubbed = detail;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, "***");
        }
        return truncate(scrubbed);
    }

    static String truncate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }

    private static Optional<Duration> seconds(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty(); // an HTTP-date Retry-After: fall back to our own backoff
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> " Bad Request";
            case 401 -> " Unauthorized";
            case 403 -> " Forbidden";
            case 404 -> " Not Found";
            case 408 -> " Request Timeout";
            case 413 -> " Payload Too Large";
            case 429 -> " Too Many Requests";
            case 500 -> " Internal Server Error";
            case 502 -> " Bad Gateway";
            case 503 -> " Service Unavailable";
            case 504 -> " Gateway Timeout";
            default -> "";
        };
    }

    private static boolean isProcessingException(Throwable t) {
        // jakarta.ws.rs.ProcessingException: Jersey's wrapper for transport failures, matched by name so the
        // JAX-RS API stays an implementation detail of the client.
        return t.getClass().getName().endsWith(".ProcessingException");
    }

    private static <T extends Throwable> Optional<T> find(Throwable t, Class<T> type) {
        Throwable current = t;
        for (int depth = 0; current != null && depth < 16; depth++) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
            current = current.getCause();
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        return text.strip().lines().findFirst().orElse("");
    }
}
