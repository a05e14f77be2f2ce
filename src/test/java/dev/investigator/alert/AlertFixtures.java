package dev.investigator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads the Slack message events under fixtures/alerts and builds the small catalog the alert tests share. */
final class AlertFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A little after the fixtures' posts (10:09Z): every firing fixture is fresh at this instant. */
    static final Instant NOW = Instant.parse("2026-04-14T10:10:00Z");
    static final String CHANNEL = "C0ALERTS01";

    private AlertFixtures() {
    }

    static JsonNode event(String name) {
        try (InputStream in = AlertFixtures.class.getResourceAsStream("/fixtures/alerts/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with some top-level fields replaced (ts, channel, …). */
    static JsonNode event(String name, Map<String, String> overrides) {
        ObjectNode e = (ObjectNode) event(name);
        overrides.forEach(e::put);
        return e;
    }

    static AlertPost post(String name) {
        return AlertPost.fromEvent(event(name)).orElseThrow();
    }

    /** A post from an inline event; {@code ts} and {@code channel} are filled in when absent. */
    static AlertPost inline(String eventJson) {
        try {
            ObjectNode e = (ObjectNode) JSON.readTree(eventJson);
            if (!e.has("type")) {
                e.put("type", "message");
            }
            if (!e.has("ts")) {
                e.put("ts", "1776161390.000100");
            }
            if (!e.has("channel")) {
                e.put("channel", CHANNEL);
            }
            return AlertPost.fromEvent(e).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ServiceDefinition service(String name, String... aliases) {
        return new ServiceDefinition(name, "prod", List.of(aliases),
                new ServiceDefinition.Datadog(true, List.of(
                        new MetricQuery("requests", "Requests", MetricRole.REQUESTS, MetricUnit.COUNT, "sum:hits{service:" + name + "}", "")),
                        List.of(Duration.ofDays(1)), "service:" + name, "", Map.of()),
                new ServiceDefinition.Sentry(true, "acme", List.of(name), "prod", ""),
                new ServiceDefinition.XRay(true, "service(\"" + name + "\")", "", name),
                ServiceDefinition.Thresholds.defaults());
    }

    /** checkout (alias checkout-web), search, payment (alias pay), inventory. */
    static ServiceCatalog catalog() {
        Map<String, ServiceDefinition> m = new LinkedHashMap<>();
        for (ServiceDefinition s : List.of(service("checkout", "checkout-web"), service("search"), service("payment", "pay"),
                service("inventory"))) {
            m.put(s.name(), s);
        }
        return new ServiceCatalog(m);
    }
}
