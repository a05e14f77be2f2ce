package dev.investigator.source;

import dev.investigator.config.CatalogLoader;
import dev.investigator.digest.DigestQuery;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services of config/investigator.example.yml as the real catalog loader resolves them (checkout, search,
 * catalog, payment with project payment-api, inventory in env prod-jp), for the digest sources' tests.
 */
public final class ExampleCatalog {

    private static final List<ServiceDefinition> SERVICES = List.copyOf(new CatalogLoader()
            .load(Optional.of(Path.of("config/investigator.example.yml")), Map.of())
            .catalog().services().values());

    private ExampleCatalog() {
    }

    /** All five, in catalog order. */
    public static List<ServiceDefinition> services() {
        return SERVICES;
    }

    /** The named ones, in the order given. */
    public static List<ServiceDefinition> services(String... names) {
        return java.util.Arrays.stream(names).map(ExampleCatalog::service).toList();
    }

    public static ServiceDefinition service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in the example catalog"));
    }

    public static DigestQuery digest(TimeWindow period, List<ServiceDefinition> services) {
        return new DigestQuery("digest-1", services, period);
    }
}
