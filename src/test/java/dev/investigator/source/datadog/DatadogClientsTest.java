package dev.investigator.source.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadog.api.client.ApiClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the real client will send requests, and how it is set up; nothing is sent. */
class DatadogClientsTest {

    @ParameterizedTest
    @CsvSource({
        "datadoghq.com,          https://api.datadoghq.com",
        "ap1.datadoghq.com,      https://api.ap1.datadoghq.com",
        "datadoghq.eu,           https://api.datadoghq.eu",
        "http://127.0.0.1:9001,  http://127.0.0.1:9001",
        "https://proxy.internal/dd, https://proxy.internal/dd",
    })
    void pointsTheClientAtTheSiteOrUrl(String site, String basePath) {
        ApiClient client = DatadogClients.build(new DatadogConnection(site, "k", "a", Duration.ofSeconds(7)), 4);
        try {
            assertThat(client.getBasePath()).isEqualTo(basePath);
        } finally {
            client.getHttpClient().close();
        }
    }

    @Test
    void leavesRetriesToUsAndAppliesTheRequestTimeout() {
        ApiClient client = DatadogClients.build(new DatadogConnection("datadoghq.com", "k", "a", Duration.ofSeconds(7)), 4);
        try {
            assertThat(client.getRetry().isEnableRetry()).isFalse();
            assertThat(client.getConnectTimeout()).isEqualTo(7000);
            assertThat(client.getReadTimeout()).isEqualTo(7000);
        } finally {
            client.getHttpClient().close();
        }
    }
}
