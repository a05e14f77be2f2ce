package dev.investigator.source.sentry;

import okhttp3.HttpUrl;

/** Builds Sentry URLs below a base that may carry its own path (self-hosted Sentry behind a prefix). */
final class SentryUrls {

    private SentryUrls() {
    }

    /**
     * {@code base} + the given path segments + Sentry's trailing slash. Each segment is percent-encoded by OkHttp,
     * so an organization or project slug can never add path segments or a query of its own.
     */
    static HttpUrl.Builder under(HttpUrl base, String... segments) {
        // No user info: credentials in SENTRY_URL must not end up in a link posted to Slack.
        HttpUrl.Builder builder = base.newBuilder().username("").password("").query(null).fragment(null)
                .encodedPath("/");
        for (String encoded : base.encodedPathSegments()) {
            if (!encoded.isEmpty()) {
                builder.addEncodedPathSegment(encoded);
            }
        }
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        // Sentry's routes end with '/'; without it Sentry answers with a redirect.
        return builder.addPathSegment("");
    }
}
