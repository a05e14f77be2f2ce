package dev.investigator.source.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.TimeWindow;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class SentryLinksTest {

    static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-20T05:00:00Z"),
            Instant.parse("2026-11-20T05:30:00Z"));

    @Test
    void saasLinkCarriesProjectsEnvironmentRangeAndQuery() {
        String link = new SentryLinks(URI.create("https://sentry.io"))
                .issues("acme", List.of("4508123456789012", "4508123456789013"), "prod", WINDOW, "!transaction:/healthz");

        assertThat(link).isEqualTo("https://sentry.io/organizations/acme/issues/"
                + "?project=4508123456789012&project=4508123456789013&environment=prod"
                + "&start=2026-11-20T05%3A00%3A00Z&end=2026-11-20T05%3A30%3A00Z"
                + "&query=is%3Aunresolved%20%21transaction%3A%2Fhealthz");
        HttpUrl parsed = HttpUrl.get(link);
        assertThat(parsed.queryParameter("query")).isEqualTo("is:unresolved !transaction:/healthz");
        assertThat(parsed.queryParameter("start")).isEqualTo("2026-11-20T05:00:00Z");
    }

    @Test
    void withoutResolvedProjectsOrEnvironmentThoseFiltersAreLeftOut() {
        String link = new SentryLinks(URI.create("https://sentry.io")).issues("acme", List.of(), "", WINDOW, "");

        assertThat(link).isEqualTo("https://sentry.io/organizations/acme/issues/"
                + "?start=2026-11-20T05%3A00%3A00Z&end=2026-11-20T05%3A30%3A00Z&query=is%3Aunresolved");
    }

    @Test
    void selfHostedBaseWithAPathPrefixKeepsIt() {
        String link = new SentryLinks(URI.create("http://127.0.0.1:9002/sentry/"))
                .issues("acme", List.of("2"), "", WINDOW, "");

        assertThat(link).startsWith("http://127.0.0.1:9002/sentry/organizations/acme/issues/?project=2&");
    }

    @Test
    void credentialsInTheBaseUrlNeverReachTheLink() {
        String link = new SentryLinks(URI.create("https://admin:hunter2@sentry.example.com/"))
                .issues("acme", List.of("2"), "", WINDOW, "");

        assertThat(link).startsWith("https://sentry.example.com/organizations/acme/issues/?").doesNotContain("hunter2");
    }

    @Test
    void organizationIsEncodedAsOnePathSegmentAndTimesAreWholeSeconds() {
        TimeWindow fractional = new TimeWindow(Instant.parse("2026-11-20T05:00:00.900Z"),
                Instant.parse("2026-11-20T05:30:00.100Z"));

        String link = new SentryLinks(URI.create("https://sentry.io")).issues("a/b?c", List.of(), "", fractional, "");

        assertThat(link).startsWith("https://sentry.io/organizations/a%2Fb%3Fc/issues/?");
        assertThat(HttpUrl.get(link).queryParameter("start")).isEqualTo("2026-11-20T05:00:00Z");
        assertThat(HttpUrl.get(link).queryParameter("end")).isEqualTo("2026-11-20T05:30:01Z");
    }
}
