package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class XRayConnectionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void regionComesFromAwsRegionThenAwsDefaultRegionThenTheDefault() {
        assertThat(XRayConnection.fromEnvironment(Map.of("AWS_REGION", "us-west-2", "AWS_DEFAULT_REGION", "eu-west-1"),
                "ap-northeast-1", TIMEOUT).region()).isEqualTo("us-west-2");
        assertThat(XRayConnection.fromEnvironment(Map.of("AWS_REGION", " ", "AWS_DEFAULT_REGION", "eu-west-1"),
                "ap-northeast-1", TIMEOUT).region()).isEqualTo("eu-west-1");
        assertThat(XRayConnection.fromEnvironment(Map.of(), "ap-northeast-1", TIMEOUT).region()).isEqualTo("ap-northeast-1");
    }

    @Test
    void theServiceSpecificEndpointWinsOverTheGeneralOne() {
        XRayConnection c = XRayConnection.fromEnvironment(Map.of(
                "AWS_ENDPOINT_URL_XRAY", "http://localhost:4566", "AWS_ENDPOINT_URL", "http://localhost:9999"),
                "ap-northeast-1", TIMEOUT);

        assertThat(c.endpointOverride()).contains(URI.create("http://localhost:4566"));
        assertThat(c.staticKeys()).as("credentials are the default chain's job").isEmpty();
        assertThat(XRayConnection.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "https://xray.internal:8443"),
                "ap-northeast-1", TIMEOUT).endpointOverride()).contains(URI.create("https://xray.internal:8443"));
        assertThat(XRayConnection.fromEnvironment(Map.of(), "ap-northeast-1", TIMEOUT).endpointOverride()).isEmpty();
    }

    @Test
    void aBadEndpointNamesTheVariable() {
        assertThatThrownBy(() -> XRayConnection.fromEnvironment(Map.of("AWS_ENDPOINT_URL_XRAY", "localhost:4566"),
                "ap-northeast-1", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_XRAY");
        assertThatThrownBy(() -> XRayConnection.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "ftp://host/x"),
                "ap-northeast-1", TIMEOUT))
                .hasMessageContaining("AWS_ENDPOINT_URL ");
        assertThatThrownBy(() -> XRayConnection.fromEnvironment(Map.of("AWS_ENDPOINT_URL", "http://bad host"),
                "ap-northeast-1", TIMEOUT))
                .hasMessageContaining("AWS_ENDPOINT_URL ");
    }

    @Test
    void theSecretNeverShowsInToString() {
        XRayConnection.StaticKeys keys = new XRayConnection.StaticKeys("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG");
        XRayConnection c = new XRayConnection("ap-northeast-1", Optional.empty(), Optional.of(keys), TIMEOUT);

        assertThat(keys.toString()).contains("AKIAIOSFODNN7EXAMPLE").doesNotContain("wJalrXUtnFEMI");
        assertThat(c.toString()).doesNotContain("wJalrXUtnFEMI");
    }

    @Test
    void aMissingRegionIsRefused() {
        assertThatThrownBy(() -> XRayConnection.fromEnvironment(Map.of(), "", TIMEOUT))
                .hasMessageContaining("AWS_REGION");
    }
}
