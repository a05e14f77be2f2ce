package dev.investigator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OpsAddressTest {

    @Test
    void defaultsToEveryInterfaceOnPort8080SoContainerProbesReachIt() {
        InetSocketAddress address = OpsServer.address(Map.of()).orElseThrow();

        assertThat(address.getAddress().isAnyLocalAddress()).isTrue();
        assertThat(address.getHostString()).isEqualTo("0.0.0.0");
        assertThat(address.getPort()).isEqualTo(8080);
    }

    @Test
    void blankValuesMeanTheDefaults() {
        InetSocketAddress address = OpsServer.address(Map.of("OPS_HOST", " ", "OPS_PORT", "")).orElseThrow();

        assertThat(address.getHostString()).isEqualTo("0.0.0.0");
        assertThat(address.getPort()).isEqualTo(8080);
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, ' 9090 ', 127.0.0.1, 9090",
        "::1,       9100,     0:0:0:0:0:0:0:1, 9100",
        "localhost, 65535,    localhost, 65535",
    })
    void readsHostAndPort(String host, String port, String expectedHost, int expectedPort) {
        InetSocketAddress address = OpsServer.address(Map.of("OPS_HOST", host, "OPS_PORT", port)).orElseThrow();

        assertThat(address.getHostString()).isEqualTo(expectedHost);
        assertThat(address.getPort()).isEqualTo(expectedPort);
        assertThat(address.isUnresolved()).isFalse();
    }

    @Test
    void portZeroTurnsTheServerOff() {
        assertThat(OpsServer.address(Map.of("OPS_PORT", "0"))).isEmpty();
        assertThat(OpsServer.address(Map.of("OPS_PORT", "0", "OPS_HOST", "127.0.0.1"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "65536", "8080x", "80.5", "99999999999"})
    void aBadPortIsRejectedNamingTheVariableAndTheValue(String port) {
        assertThatThrownBy(() -> OpsServer.address(Map.of("OPS_PORT", port)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OPS_PORT must be a port number from 1 to 65535, or 0")
                .hasMessageContaining("'" + port + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad host!", "http://0.0.0.0", "host/8080", "a b"})
    void aBadHostIsRejectedNamingTheVariableWithoutALookup(String host) {
        assertThatThrownBy(() -> OpsServer.address(Map.of("OPS_HOST", host)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OPS_HOST must be an IP address or host name")
                .hasMessageContaining("'" + host + "'");
    }

    @Test
    void aLongBadValueIsShortenedInTheMessage() {
        String port = "9".repeat(500);

        assertThatThrownBy(() -> OpsServer.address(Map.of("OPS_PORT", port)))
                .hasMessageContaining("9".repeat(40) + "…'")
                .hasMessageNotContaining("9".repeat(41));
    }
}
