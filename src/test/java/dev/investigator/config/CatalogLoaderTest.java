package dev.investigator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.ServiceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CatalogLoaderTest {

    @TempDir
    Path dir;

    private final CatalogLoader loader = new CatalogLoader();

    private AppConfig load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    private AppConfig load(String yaml, Map<String, String> env) throws IOException {
        Path file = dir.resolve("investigator.yml");
        Files.writeString(file, yaml);
        return loader.load(Optional.of(file), env);
    }

    @Test
    void theExampleConfigInTheRepositoryLoads() {
        AppConfig config = loader.load(Optional.of(Path.of("config/investigator.example.yml")), Map.of());
        assertThat(config.catalog().names()).containsExactly("checkout", "search", "catalog", "payment", "inventory");
        assertThat(config.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(config.catalog().find("pay")).map(ServiceDefinition::name).hasValue("payment");
    }

    @Test
    void aServiceThatOnlyNamesItselfInheritsTheWholeTemplate() throws IOException {
        AppConfig config = load("services:\n  checkout:\n");
        ServiceDefinition s = config.catalog().find("checkout").orElseThrow();
        assertThat(s.env()).isEqualTo("prod");
        assertThat(s.datadog().metrics()).extracting(MetricQuery::id)
                .containsExactly("requests", "errors", "error_rate", "latency_p95", "latency_p99", "cpu", "db_connections");
        assertThat(s.datadog().metrics().get(0).query())
                .isEqualTo("sum:trace.http.request.hits{service:checkout,env:prod}.as_count()");
        assertThat(s.datadog().metrics().get(2).formula()).isEqualTo("100 * errors / requests");
        assertThat(s.datadog().baselines()).containsExactly(Duration.ofDays(1), Duration.ofDays(7));
        assertThat(s.datadog().dashboardVars()).containsEntry("service", "checkout").containsEntry("env", "prod");
        assertThat(s.sentry().projects()).containsExactly("checkout");
        assertThat(s.sentry().environment()).isEqualTo("prod");
        assertThat(s.xray().filterExpression()).isEqualTo("service(\"checkout\")");
        assertThat(s.thresholds()).isEqualTo(ServiceDefinition.Thresholds.defaults());
    }

    @Test
    void overridesReplaceOnlyWhatTheyNameAndVariablesResolvePerService() throws IOException {
        AppConfig config = load("""
                defaults:
                  vars: {team: platform}
                  datadog:
                    metrics:
                      cpu: ~
                      queue:
                        role: resource
                        unit: count
                        query: "avg:sqs.depth{team:${team},service:${service}}"
                services:
                  search:
                  inventory:
                    env: prod-jp
                    vars: {team: logistics}
                    sentry: {projects: [inventory-api, inventory-worker]}
                    thresholds: {latency_warn_ratio: 2}
                """);
        ServiceDefinition inv = config.catalog().find("inventory").orElseThrow();
        assertThat(inv.env()).isEqualTo("prod-jp");
        assertThat(inv.datadog().metrics()).extracting(MetricQuery::id).doesNotContain("cpu").contains("queue");
        assertThat(inv.datadog().metrics()).filteredOn(m -> m.id().equals("queue")).first()
                .extracting(MetricQuery::query).isEqualTo("avg:sqs.depth{team:logistics,service:inventory}");
        assertThat(inv.datadog().metrics().get(0).query()).contains("env:prod-jp");
        assertThat(inv.sentry().projects()).containsExactly("inventory-api", "inventory-worker");
        assertThat(inv.thresholds().latencyWarnRatio()).isEqualTo(2);
        assertThat(inv.thresholds().errorRateCritPct()).isEqualTo(5);
        ServiceDefinition search = config.catalog().find("search").orElseThrow();
        assertThat(search.datadog().metrics()).filteredOn(m -> m.id().equals("queue")).first()
                .extracting(MetricQuery::query).isEqualTo("avg:sqs.depth{team:platform,service:search}");
        assertThat(search.datadog().metrics()).filteredOn(m -> m.role() == MetricRole.RESOURCE).hasSize(2);
    }

    @Test
    void aListOfNamesIsEnough() throws IOException {
        assertThat(load("services: [checkout, search]\n").catalog().names()).containsExactly("checkout", "search");
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        AppConfig config = load("services: [checkout]\n", Map.of(
                "DD_SITE", "http://127.0.0.1:9001", "SENTRY_URL", "http://127.0.0.1:9002", "SENTRY_ORG", "from-env",
                "AWS_REGION", "us-west-2", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));
        assertThat(config.datadogSite()).isEqualTo("http://127.0.0.1:9001");
        assertThat(config.sentryUrl()).hasToString("http://127.0.0.1:9002");
        assertThat(config.sentryOrganization()).isEqualTo("from-env");
        assertThat(config.catalog().find("checkout").orElseThrow().sentry().organization()).isEqualTo("from-env");
        assertThat(config.xrayRegion()).isEqualTo("us-west-2");
        assertThat(config.xrayEndpoint()).hasValueSatisfying(u -> assertThat(u).hasToString("http://127.0.0.1:4566"));
        assertThat(load("services: [checkout]\n", Map.of("AWS_ENDPOINT_URL", "http://a:1", "AWS_ENDPOINT_URL_XRAY", "http://b:2"))
                .xrayEndpoint()).hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("b"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("services:\n  checkout:\n    sentyr: {}\n", "services.checkout.sentyr: unknown key — did you mean 'sentry'?"),
                Arguments.of("locale: fr\nservices: [a]\n", "locale: must be en or ja"),
                Arguments.of("zone: Mars/Olympus\nservices: [a]\n", "zone: unknown time zone"),
                Arguments.of("services: {}\n", "services: no services"),
                Arguments.of("services:\n  Checkout Service:\n", "services.Checkout Service: service names are lower-case"),
                Arguments.of("defaults:\n  xray:\n    filter: 'service(\"${servce}\")'\nservices: [a]\n",
                        "services.a.xray.filter: unknown variable ${servce}"),
                Arguments.of("defaults:\n  datadog:\n    metrics:\n      bad_rate: {role: error_rate, unit: percent, formula: \"100 * oops / requests\"}\nservices: [a]\n",
                        "services.a.datadog.metrics.bad_rate.formula: 'oops' is not a query metric"),
                Arguments.of("defaults:\n  datadog:\n    metrics:\n      x: {role: speed, unit: count, query: q}\nservices: [a]\n",
                        "services.a.datadog.metrics.x.role: 'speed' is not one of"),
                Arguments.of("defaults:\n  datadog:\n    metrics:\n      x: {role: resource, unit: count}\nservices: [a]\n",
                        "services.a.datadog.metrics.x: needs exactly one of query or formula"),
                Arguments.of("defaults:\n  datadog:\n    baselines: [yesterday]\nservices: [a]\n", "services.a.datadog.baselines: 'yesterday' is not a duration"),
                Arguments.of("defaults:\n  thresholds: {error_rate_warn_pct: 9}\nservices: [a]\n", "error_rate_warn_pct: is above error_rate_crit_pct"),
                Arguments.of("deadlines: {investigation: 5s, source: 10s}\nservices: [a]\n", "deadlines.source: is longer than"),
                Arguments.of("services:\n  a: {aliases: [b]}\n  b:\n", "'b' already names service a"),
                Arguments.of("services: [a]\nsentry: {url: 'ftp://x'}\n", "is not an http(s) URL"),
                Arguments.of("services:\n  - a\n  -: [\n", "not valid YAML (line"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void errorsNameTheFileAndTheKey(String yaml, String message) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("investigator.yml").toString())
                .hasMessageContaining(message);
    }

    @Test
    void aMissingFileSaysWhereItLookedAndWhatToCopy() {
        assertThatThrownBy(() -> loader.load(Optional.of(dir.resolve("nope.yml")), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yml: no such file")
                .hasMessageContaining("investigator.example.yml");
    }

    @Test
    void aServiceCanBeSwitchedOff() throws IOException {
        assertThat(load("services:\n  a:\n  b: {enabled: false}\n").catalog().names()).containsExactly("a");
    }

    @Test
    void secretsNeverPrintTheirValues() {
        Secrets s = Secrets.fromEnvironment(Map.of("DD_API_KEY", "canary-dd-key-123456", "SENTRY_AUTH_TOKEN", "canary-sentry-987654"));
        assertThat(s.toString()).doesNotContain("canary").contains("DD_API_KEY=set", "DD_APP_KEY=unset");
    }
}
