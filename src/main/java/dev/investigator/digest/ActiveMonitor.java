package dev.investigator.digest;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Datadog monitor of the service that is in alert or warn now (resource alerts: disk, memory, queues...).
 *
 * @param state "Alert", "Warn" or "No Data", as the vendor names it
 * @param since when it last changed state, if known
 */
public record ActiveMonitor(String id, String name, String state, Optional<Instant> since, String link) {
    public ActiveMonitor {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        state = state == null ? "" : state;
        Objects.requireNonNull(since, "since");
        link = link == null ? "" : link;
    }
}
