package dev.investigator.source.datadog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatadogConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParameterizedTest
    @CsvSource({
        "datadoghq.com,         https://app.datadoghq.com",
        "DatadogHQ.com ,        https://app.datadoghq.com",
        "datadoghq.eu,          https://app.datadoghq.eu",
        "us3.datadoghq.com,     https://us3.datadoghq.com",
        "us5.datadoghq.com,     https://us5.datadoghq.com",
        "ap1.datadoghq.com,     https://ap1.datadoghq.com",
        "ap2.datadoghq.com,     https://ap2.datadoghq.com",
        "ddog-gov.com,          https://app.ddog-gov.com",
        "http://127.0.0.1:9001, http://127.0.0.1:9001",
        "http://127.0.0.1:9001/, http://127.0.0.1:9001",
        "HTTPS://dd-proxy.internal:8443/datadog/, https://dd-proxy.internal:8443/datadog",
    })
    void knowsTheConsoleOfEverySite(String site, String appBaseUrl) {
        assertThat(connection(site).appBaseUrl()).isEqualTo(appBaseUrl);
    }

    @Test
    void aSiteUsesTheSiteTemplate() {
        DatadogConnection site = connection("ap1.datadoghq.com");
        assertThat(site.isUrl()).isFalse();
        assertThat(site.serverIndex()).isZero();
        assertThat(site.serverVariables()).isEqualTo(Map.of("site", "ap1.datadoghq.com"));
    }

    @Test
    void aUrlUsesTheProtocolAndNameTemplate() {
        DatadogConnection url = connection("http://127.0.0.1:9001");
        assertThat(url.isUrl()).isTrue();
        assertThat(url.serverIndex()).isEqualTo(1);
        assertThat(url.serverVariables()).isEqualTo(Map.of("protocol", "http", "name", "127.0.0.1:9001"));
        assertThat(connection("https://proxy.internal/dd").serverVariables())
                .isEqualTo(Map.of("protocol", "https", "name", "proxy.internal/dd"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "datadoghq.co", "app.datadoghq.com", "ftp://example.com", "http://", "http://host:9001/?x=1",
        "http://host:9001/#top", "not a url://x"})
    void refusesWhatIsNeitherASiteNorAUrlAndSaysDdSite(String site) {
        assertThatThrownBy(() -> connection(site))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DD_SITE");
    }

    @Test
    void refusesCredentialsInTheUrlWithoutRepeatingThem() {
        assertThatThrownBy(() -> connection("https://user:s3cret@proxy.internal"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DD_SITE")
                .message().doesNotContain("s3cret");
    }

    @Test
    void nullSiteIsRefused() {
        assertThatThrownBy(() -> new DatadogConnection(null, "a", "b", TIMEOUT)).hasMessageContaining("DD_SITE");
    }

    @Test
    void toStringNeverShowsTheKeys() {
        DatadogConnection connection = new DatadogConnection("datadoghq.com", "api-key-0123456789", "app-key-9876543210", TIMEOUT);
        assertThat(connection.toString())
                .doesNotContain("api-key-0123456789", "app-key-9876543210")
                .contains("datadoghq.com", "apiKey=***", "appKey=***");
        assertThat(new DatadogConnection("datadoghq.com", null, "", TIMEOUT).toString()).contains("apiKey=<unset>", "appKey=<unset>");
    }

    @Test
    void keysArePresentOnlyWhenBothAreSet() {
        assertThat(new DatadogConnection("datadoghq.com", "a", "b", TIMEOUT).hasKeys()).isTrue();
        assertThat(new DatadogConnection("datadoghq.com", "a", "  ", TIMEOUT).hasKeys()).isFalse();
        assertThat(new DatadogConnection("datadoghq.com", null, "b", TIMEOUT).hasKeys()).isFalse();
    }

    @Test
    void requestTimeoutMustBePositive() {
        assertThatThrownBy(() -> new DatadogConnection("datadoghq.com", "a", "b", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DatadogConnection connection(String site) {
        return new DatadogConnection(site, "k", "a", TIMEOUT);
    }
}
