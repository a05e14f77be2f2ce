package dev.investigator.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Datadog events each scenario tells: search's deploy two minutes before the onset, checkout's monitor
 * alert, catalog's scale-out, and older deploys for every scripted service. Times are relative to the onset.
 */
final class EventScript {

    private final Scenarios scenarios;

    EventScript(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    List<DatadogEvent> events(Instant onset) {
        long base = onset.getEpochSecond() / 60 * 100;
        List<DatadogEvent> events = new ArrayList<>();
        for (ServiceProfile p : scenarios.known()) {
            String s = p.name();
            List<String> tags = List.of("service:" + s, "env:" + envOf(s));
            switch (p.incident()) {
                case ERROR_SPIKE -> {
                    events.add(deploy(base + 1, s, "v3.8.1", onset.minus(Duration.ofDays(3).plusHours(5))));
                    events.add(new DatadogEvent(base + 2, onset.plus(Duration.ofMinutes(2)),
                            "[Triggered on {service:" + s + ",env:prod}] " + s + " error rate is above 5%",
                            "%%%\n" + s + " error rate is 6.9% (threshold 5%) over the last 5 minutes.\n%%%",
                            with(tags, "monitor"), "Monitor Alert", "error", null));
                }
                case LATENCY_REGRESSION -> {
                    events.add(deploy(base + 3, s, "v2.13.4", onset.minus(Duration.ofDays(6).plusHours(2))));
                    events.add(deploy(base + 4, s, "v2.14.0", onset.minus(Duration.ofMinutes(2))));
                }
                case TRAFFIC_SURGE -> {
                    events.add(deploy(base + 5, s, "v5.2.0", onset.minus(Duration.ofDays(2).plusHours(7))));
                    events.add(new DatadogEvent(base + 6, onset.plus(Duration.ofMinutes(3)),
                            "ECS service " + s + " scaled out from 6 to 18 tasks",
                            "Target tracking policy " + s + "-cpu-70 raised the desired count from 6 to 18.",
                            with(tags, "source:ecs"), "Amazon ECS", "info", null));
                }
                case HEALTHY -> events.add(deploy(base + 7 + s.length(), s, "v1.22.3",
                        onset.minus(Duration.ofDays(2).plusHours(3))));
            }
        }
        return events;
    }

    /** The sandbox catalog runs inventory in prod-jp (it overrides env); events carry the service's env tag. */
    private static String envOf(String service) {
        return service.equals("inventory") ? "prod-jp" : "prod";
    }

    private static DatadogEvent deploy(long id, String service, String version, Instant at) {
        return new DatadogEvent(id, at, "Deployed " + service + " " + version,
                "%%%\n" + service + " " + version + " deployed to prod by deploy-bot (pipeline #" + (id % 9000 + 1000)
                        + ").\n%%%",
                List.of("service:" + service, "env:" + envOf(service), "version:" + version.substring(1), "deployment"),
                "deploy", "info", service + "-deployer");
    }

    private static List<String> with(List<String> tags, String extra) {
        List<String> all = new ArrayList<>(tags);
        all.add(extra);
        return all;
    }
}
