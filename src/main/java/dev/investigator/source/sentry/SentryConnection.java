package dev.investigator.source.sentry;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where and how to reach Sentry: the API's base URL (SaaS or self-hosted), the default organization, the auth
 * token and the limit for one HTTP request. A service's own {@code sentry.organization} overrides
 * {@code organization}.
 *
 * <p>An empty token or organization is allowed here: the source then reports NOT_CONFIGURED instead of failing at
 * start-up, so the other sources still run.
 *
 * @param baseUrl        {@code https://sentry.io} when null; any http(s) URL for self-hosted Sentry
 * @param requestTimeout connect/read/write limit for one request; 10 s when null
 */
public record SentryConnection(URI baseUrl, String organization, String authToken, Duration requestTimeout) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://sentry.io");
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public SentryConnection {
        baseUrl = baseUrl == null ? DEFAULT_BASE_URL : baseUrl;
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
            // Fail at start-up with the URL (never a secret) rather than on every investigation.
            throw new IllegalArgumentException("Sentry base URL must be an absolute http(s) URL: " + baseUrl);
        }
        organization = organization == null ? "" : organization.trim();
        authToken = authToken == null ? "" : authToken.trim();
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Sentry request timeout must be positive: " + requestTimeout);
        }
    }

    /** Sentry SaaS ({@code https://sentry.io}) with the default request timeout. */
    public static SentryConnection saas(String organization, String authToken) {
        return new SentryConnection(DEFAULT_BASE_URL, organization, authToken, DEFAULT_REQUEST_TIMEOUT);
    }

    public boolean hasToken() {
        return !authToken.isEmpty();
    }

    /** The token is never printed: config dumps and logs show only whether it is set. */
    @Override
    public String toString() {
        return "SentryConnection[baseUrl=" + baseUrl + ", organization=" + organization
                + ", authToken=" + (hasToken() ? "<redacted>" : "<not set>")
                + ", requestTimeout=" + requestTimeout + "]";
    }
}
