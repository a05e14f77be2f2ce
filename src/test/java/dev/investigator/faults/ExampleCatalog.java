package dev.investigator.faults;

import dev.investigator.config.AppConfig;
import dev.investigator.config.CatalogLoader;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The repository's example catalog ({@code config/investigator.example.yml}), loaded by the real loader: the
 * services, metric queries, Sentry projects and X-Ray filters every test here investigates are the ones a team
 * would copy, not hand-made stand-ins.
 */
final class ExampleCatalog {

    static final Path FILE = Path.of("config", "investigator.example.yml");
    /** 2026-11-20 14:00-14:30 in Tokyo: the window the vendor fixtures were written for. */
    static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-20T05:00:00Z"), Instant.parse("2026-11-20T05:30:00Z"));
    /** The organization the fixtures' URLs use; the example catalog names the same one. */
    static final String SENTRY_ORG = "acme";
    static final String REGION = "ap-northeast-1";

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final ServiceCatalog CATALOG = load(Map.of()).catalog();

    private ExampleCatalog() {
    }

    /** The example file layered with {@code env}, exactly as {@code Main} loads a user's file. */
    static AppConfig load(Map<String, String> env) {
        return new CatalogLoader().load(Optional.of(FILE), env);
    }

    static ServiceDefinition service(String name) {
        return CATALOG.find(name).orElseThrow();
    }

    static InvestigationQuery query(ServiceDefinition service, TimeWindow window) {
        return new InvestigationQuery("inv-fault-" + IDS.incrementAndGet(), service, window, Origin.SLASH_COMMAND);
    }
}
