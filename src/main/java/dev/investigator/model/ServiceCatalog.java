package dev.investigator.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The services that may be investigated, by name and alias, in catalog order. */
public record ServiceCatalog(Map<String, ServiceDefinition> services) {

    public ServiceCatalog {
        services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** Finds a service by exact name or alias, case-insensitively. */
    public Optional<ServiceDefinition> find(String nameOrAlias) {
        String key = nameOrAlias.toLowerCase(Locale.ROOT);
        ServiceDefinition byName = services.get(key);
        if (byName != null) {
            return Optional.of(byName);
        }
        return services.values().stream().filter(s -> s.aliases().contains(key)).findFirst();
    }

    public List<String> names() {
        return List.copyOf(services.keySet());
    }

    /** Every name and alias, for "did you mean" suggestions. */
    public List<String> namesAndAliases() {
        return services.values().stream()
                .flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.name()), s.aliases().stream()))
                .toList();
    }
}
