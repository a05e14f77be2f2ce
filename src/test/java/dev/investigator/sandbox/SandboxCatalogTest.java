package dev.investigator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The sandbox catalog is the standard one, pointed at the sandbox's organization and scripted services. */
class SandboxCatalogTest {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void keepsTheExampleDefaultsAndListsTheScriptedServices() throws IOException {
        JsonNode sandbox;
        try (InputStream in = Sandbox.class.getResourceAsStream(Sandbox.CATALOG_RESOURCE)) {
            sandbox = yaml.readTree(Objects.requireNonNull(in, Sandbox.CATALOG_RESOURCE));
        }
        JsonNode example = yaml.readTree(Path.of("config/investigator.example.yml").toFile());

        assertThat(sandbox.get("defaults")).isEqualTo(example.get("defaults"));
        assertThat(sandbox.get("deadlines")).isEqualTo(example.get("deadlines"));
        assertThat(sandbox.get("sentry").get("organization").asText()).isEqualTo(Sandbox.SENTRY_ORGANIZATION);
        assertThat(sandbox.get("xray").get("region").asText()).isEqualTo(Sandbox.XRAY_REGION);
        List<String> services = new ArrayList<>();
        sandbox.get("services").fieldNames().forEachRemaining(services::add);
        assertThat(services).containsExactly("checkout", "search", "catalog", "payment", "inventory");
        assertThat(new Scenarios(SandboxClients.CLOCK).known()).extracting(ServiceProfile::name)
                .containsExactlyInAnyOrderElementsOf(services);
    }
}
