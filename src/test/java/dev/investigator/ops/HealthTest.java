package dev.investigator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthTest {

    @ParameterizedTest(name = "connected={0} shuttingDown={1} -> ready={2}")
    @CsvSource({
        "true,  false, true",
        "false, false, false",
        "true,  true,  false",
        "false, true,  false",
    })
    void readyOnlyWhenConnectedAndNotShuttingDown(boolean connected, boolean shuttingDown, boolean ready) {
        Health health = new Health(connected, shuttingDown, 4);

        assertThat(health.ready()).isEqualTo(ready);
        assertThat(health.toJson()).isEqualTo("{\"ready\":" + ready + ",\"slack\":\"" + (connected ? "connected" : "disconnected")
                + "\",\"inFlight\":4,\"shuttingDown\":" + shuttingDown + "}");
    }
}
