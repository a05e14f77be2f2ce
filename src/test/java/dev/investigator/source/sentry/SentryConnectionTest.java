package dev.investigator.source.sentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SentryConnectionTest {

    @Test
    void toStringNeverShowsTheToken() {
        SentryConnection connection = new SentryConnection(URI.create("https://sentry.io"), "acme", FakeSentry.TOKEN,
                Duration.ofSeconds(5));

        assertThat(connection.toString()).doesNotContain(FakeSentry.TOKEN).contains("<redacted>", "acme", "sentry.io");
    }

    @Test
    void defaultsToSentryIoAndTenSecondsAndShowsAMissingToken() {
        SentryConnection connection = new SentryConnection(null, null, null, null);

        assertThat(connection.baseUrl()).isEqualTo(URI.create("https://sentry.io"));
        assertThat(connection.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(connection.organization()).isEmpty();
        assertThat(connection.hasToken()).isFalse();
        assertThat(connection.toString()).contains("authToken=<not set>");
    }

    @Test
    void rejectsANonHttpBaseUrl() {
        assertThatThrownBy(() -> new SentryConnection(URI.create("ftp://sentry.example"), "acme", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SentryConnection(URI.create("sentry.io"), "acme", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
