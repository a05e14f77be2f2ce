package dev.investigator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.investigator.alert.AlertSettings;
import dev.investigator.alert.AlertSeverity;
import dev.investigator.alert.AlertState;
import dev.investigator.alert.AlertVendor;
import dev.investigator.alert.ChannelSettings;
import dev.investigator.alert.FollowUpStyle;
import dev.investigator.alert.UnknownServiceReply;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AlertSettingsReaderTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static ServiceCatalog catalog() {
        Map<String, ServiceDefinition> m = new LinkedHashMap<>();
        for (String name : List.of("checkout", "search", "payment")) {
            m.put(name, new ServiceDefinition(name, "prod", name.equals("payment") ? List.of("pay") : List.of(),
                    new ServiceDefinition.Datadog(true, List.of(new MetricQuery("requests", "Requests", MetricRole.REQUESTS,
                            MetricUnit.COUNT, "sum:hits{service:" + name + "}", "")), List.of(), "", "", Map.of()),
                    new ServiceDefinition.Sentry(false, "", List.of(), "", ""), new ServiceDefinition.XRay(false, "", "", ""),
                    ServiceDefinition.Thresholds.defaults()));
        }
        return new ServiceCatalog(m);
    }

    private static AlertSettings read(String yaml) throws IOException {
        JsonNode root = YAML.readTree(yaml);
        return AlertSettingsReader.read(root.path("alerts"), catalog(), "investigator.yml");
    }

    @Test
    void theBriefsExampleReads() throws IOException {
        AlertSettings s = read("""
                alerts:
                  defaults: { lookback: 30m, after: 5m, storm_window: 10m, follow_ups: reply, unknown_service: reply,
                              daily_cap: 50, max_age: 15m, min_severity: warning }
                  channels:
                    C0ALERTS01: { aliases: { checkout-api: checkout }, patterns: ['svc=(?<service>[a-z-]+)'] }
                    C0ALERTS02: { enabled: false }
                """);

        ChannelSettings one = s.channel("C0ALERTS01").orElseThrow();
        assertThat(one.enabled()).isTrue();
        assertThat(one.aliases()).containsExactly(Map.entry("checkout-api", "checkout"));
        assertThat(one.patterns()).extracting(Pattern::pattern).containsExactly("svc=(?<service>[a-z-]+)");
        assertThat(one.lookback()).isEqualTo(Duration.ofMinutes(30));
        assertThat(one.after()).isEqualTo(Duration.ofMinutes(5));
        assertThat(one.stormWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(one.followUps()).isEqualTo(FollowUpStyle.REPLY);
        assertThat(one.unknownService()).isEqualTo(UnknownServiceReply.REPLY);
        assertThat(one.dailyCap()).isEqualTo(50);
        assertThat(one.maxAge()).isEqualTo(Duration.ofMinutes(15));
        assertThat(one.minSeverity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(s.channel("C0ALERTS02").orElseThrow().enabled()).isFalse();
        assertThat(s.watches("C0ALERTS03")).isFalse();
    }

    @Test
    void withoutAnAlertsSectionNoChannelIsWatched() throws IOException {
        assertThat(AlertSettingsReader.read(MissingNode.getInstance(), catalog(), "f").channels()).isEmpty();
        assertThat(read("alerts:\n").channels()).isEmpty();
    }

    @Test
    void aBareChannelGetsTheSensibleDefaults() throws IOException {
        ChannelSettings c = read("alerts:\n  channels:\n    C0ALERTS01:\n").channel("C0ALERTS01").orElseThrow();

        assertThat(c).usingRecursiveComparison().ignoringFields("patterns").isEqualTo(ChannelSettings.defaults());
        assertThat(c.vendors()).containsExactlyInAnyOrder(AlertVendor.values());
        assertThat(c.states()).containsExactlyInAnyOrder(AlertState.FIRING, AlertState.WARNING, AlertState.NO_DATA);
        assertThat(c.serviceTags()).containsExactly("service", "app", "service_name", "kube_service");
    }

    @Test
    void aChannelOverridesTheDefaultsAndAddsToTheirAliases() throws IOException {
        AlertSettings s = read("""
                alerts:
                  defaults:
                    daily_cap: 20
                    aliases: { storefront: checkout, 'Ledger Service': pay }
                    vendors: [datadog, grafana]
                  channels:
                    C0ALERTS01:
                      aliases: { storefront: search }
                      vendors: cloudwatch
                      states: [firing]
                      min_severity: critical
                      after: 0m
                      follow_ups: reaction
                      unknown_service: silent
                      service_tags: [kube_service, Service]
                    G0PRIVATE1: {}
                """);

        ChannelSettings c = s.channel("C0ALERTS01").orElseThrow();
        assertThat(c.aliases()).containsExactly(Map.entry("storefront", "search"), Map.entry("ledger service", "payment"));
        assertThat(c.vendors()).containsExactly(AlertVendor.CLOUDWATCH);
        assertThat(c.states()).isEqualTo(EnumSet.of(AlertState.FIRING));
        assertThat(c.minSeverity()).isEqualTo(AlertSeverity.CRITICAL);
        assertThat(c.after()).isZero();
        assertThat(c.followUps()).isEqualTo(FollowUpStyle.REACTION);
        assertThat(c.unknownService()).isEqualTo(UnknownServiceReply.SILENT);
        assertThat(c.serviceTags()).containsExactly("kube_service", "service");
        assertThat(c.dailyCap()).isEqualTo(20);
        ChannelSettings other = s.channel("G0PRIVATE1").orElseThrow();
        assertThat(other.vendors()).containsExactlyInAnyOrder(AlertVendor.DATADOG, AlertVendor.GRAFANA);
        assertThat(other.aliases()).containsEntry("storefront", "checkout");
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("alerts: [C0ALERTS01]", "investigator.yml: alerts: must be a mapping with defaults: and channels:"),
                Arguments.of("alerts:\n  channel: {}", "alerts.channel: unknown key — did you mean 'channels'?"),
                Arguments.of("alerts:\n  defaults: { lookbak: 30m }", "alerts.defaults.lookbak: unknown key — did you mean 'lookback'?"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: { storm: 5m }", "alerts.channels.C0ALERTS01.storm: unknown key"),
                Arguments.of("alerts:\n  channels:\n    '#alerts': {}", "alerts.channels.#alerts: '#alerts' is not a Slack channel id"),
                Arguments.of("alerts:\n  channels:\n    c0alerts01: {}", "alerts.channels.c0alerts01: 'c0alerts01' is not a Slack channel id"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: [checkout]", "alerts.channels.C0ALERTS01: must be empty or a mapping"),
                Arguments.of("alerts:\n  defaults: { lookback: 30 minutes }", "alerts.defaults.lookback: '30 minutes' is not a duration"),
                Arguments.of("alerts:\n  defaults: { lookback: 2d }", "alerts.defaults.lookback: must lie between 1m and 1d"),
                Arguments.of("alerts:\n  defaults: { after: 2h }", "alerts.defaults.after: must lie between 0s and 1h"),
                Arguments.of("alerts:\n  defaults: { storm_window: 0m }", "alerts.defaults.storm_window: must lie between 1m and 1d"),
                Arguments.of("alerts:\n  defaults: { max_age: 30s }", "alerts.defaults.max_age: must lie between 1m and 1d"),
                Arguments.of("alerts:\n  defaults: { min_severity: urgent }",
                        "alerts.defaults.min_severity: 'urgent' is not one of critical, error, warning, info"),
                Arguments.of("alerts:\n  defaults: { min_severity: unknown }", "alerts.defaults.min_severity: must be one of critical, error, warning, info"),
                Arguments.of("alerts:\n  defaults: { states: [firing, recovered] }", "alerts.defaults.states: recovered never starts an investigation"),
                Arguments.of("alerts:\n  defaults: { states: [] }", "alerts.defaults.states: must name at least one"),
                Arguments.of("alerts:\n  defaults: { states: [{firing: true}] }", "alerts.defaults.states: must be a list of plain values"),
                Arguments.of("alerts:\n  defaults: { vendors: [newrelic] }", "alerts.defaults.vendors: 'newrelic' is not one of datadog, sentry"),
                Arguments.of("alerts:\n  defaults: { follow_ups: thread }", "alerts.defaults.follow_ups: 'thread' is not one of reply, reaction"),
                Arguments.of("alerts:\n  defaults: { unknown_service: ignore }", "alerts.defaults.unknown_service: 'ignore' is not one of reply, silent"),
                Arguments.of("alerts:\n  defaults: { daily_cap: 0 }", "alerts.defaults.daily_cap: must be a whole number between 1 and 10000"),
                Arguments.of("alerts:\n  defaults: { daily_cap: 2.5 }", "alerts.defaults.daily_cap: must be a whole number between 1 and 10000"),
                Arguments.of("alerts:\n  defaults: { daily_cap: many }", "alerts.defaults.daily_cap: must be a non-negative number"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: { aliases: { checkout-api: chekout } }",
                        "alerts.channels.C0ALERTS01.aliases.checkout-api: 'chekout' is not a service of the catalog — did you mean 'checkout'?"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: { aliases: { checkout-api: [checkout] } }",
                        "alerts.channels.C0ALERTS01.aliases.checkout-api: must name a service of the catalog"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: { aliases: [checkout] }", "alerts.channels.C0ALERTS01.aliases: must be a mapping"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: { patterns: ['svc=(?<service>[a-z'] }",
                        "alerts.channels.C0ALERTS01.patterns: 'svc=(?<service>[a-z' is not a valid regular expression"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: { patterns: ['svc=([a-z]+)'] }",
                        "alerts.channels.C0ALERTS01.patterns: 'svc=([a-z]+)' needs a named group (?<service>...)"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: { service_tags: ['service name'] }",
                        "alerts.channels.C0ALERTS01.service_tags: 'service name' is not a tag key"),
                Arguments.of("alerts:\n  channels:\n    C0ALERTS01: { service_tags: [] }",
                        "alerts.channels.C0ALERTS01.service_tags: must name at least one tag key"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void everyMistakeNamesItsKey(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining(message);
    }
}
