package dev.investigator.source.datadog;

import com.datadog.api.client.v1.model.MonitorOverallStates;
import com.datadog.api.client.v1.model.MonitorSearchResult;
import dev.investigator.digest.ActiveMonitor;
import dev.investigator.model.ServiceDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the monitors Datadog says are alerting to catalog services by their {@code service:} tag. A monitor that
 * also carries {@code env:} tags counts only for a service of one of those environments, so a staging alert
 * does not flag production. Only Alert and Warn count, whatever the search returned.
 */
final class MonitorTranslator {

    static final String SEARCH_QUERY = "status:(alert OR warn)";

    private static final Comparator<ActiveMonitor> WORST_FIRST = Comparator
            .comparing((ActiveMonitor m) -> m.state().equals(MonitorOverallStates.ALERT.getValue()) ? 0 : 1)
            .thenComparing(ActiveMonitor::name)
            .thenComparing(ActiveMonitor::id);

    private final DatadogLinks links;

    MonitorTranslator(DatadogLinks links) {
        this.links = links;
    }

    Map<String, List<ActiveMonitor>> byService(List<ServiceDefinition> services, List<MonitorSearchResult> monitors) {
        Map<String, List<ActiveMonitor>> out = new LinkedHashMap<>();
        Set<Long> seen = new HashSet<>();
        for (MonitorSearchResult monitor : monitors) {
            // Pages may overlap when a monitor changes state while they are read: each counts once.
            if (monitor == null || monitor.getId() == null || !alerting(monitor.getStatus()) || !seen.add(monitor.getId())) {
                continue;
            }
            List<String> tags = monitor.getTags() == null ? List.of() : monitor.getTags().stream()
                    .filter(t -> t != null).map(t -> t.trim().toLowerCase(Locale.ROOT)).toList();
            List<String> envs = values(tags, "env:");
            List<String> named = values(tags, "service:");
            for (ServiceDefinition service : services) {
                if (named.contains(service.name().toLowerCase(Locale.ROOT))
                        && (envs.isEmpty() || envs.contains(service.env().toLowerCase(Locale.ROOT)))) {
                    out.computeIfAbsent(service.name(), s -> new ArrayList<>()).add(active(monitor));
                }
            }
        }
        out.replaceAll((service, list) -> list.stream().sorted(WORST_FIRST).toList());
        return out;
    }

    private ActiveMonitor active(MonitorSearchResult monitor) {
        String id = Long.toString(monitor.getId());
        return new ActiveMonitor(id, monitor.getName(), monitor.getStatus().getValue(), since(monitor),
                links.absolute("/monitors/" + id));
    }

    private static boolean alerting(MonitorOverallStates status) {
        return MonitorOverallStates.ALERT.equals(status) || MonitorOverallStates.WARN.equals(status);
    }

    /**
     * When the monitor last changed state: {@code overall_state_modified} (epoch seconds; the search result has no
     * typed field for it), else when it last triggered.
     */
    private static Optional<Instant> since(MonitorSearchResult monitor) {
        Object modified = monitor.getAdditionalProperties() == null ? null
                : monitor.getAdditionalProperties().get("overall_state_modified");
        if (modified instanceof Number seconds && seconds.longValue() > 0) {
            return Optional.of(Instant.ofEpochSecond(seconds.longValue()));
        }
        Long triggered = monitor.getLastTriggeredTs();
        return triggered == null || triggered <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(triggered));
    }

    private static List<String> values(List<String> tags, String prefix) {
        return tags.stream().filter(t -> t.startsWith(prefix)).map(t -> t.substring(prefix.length())).toList();
    }
}
