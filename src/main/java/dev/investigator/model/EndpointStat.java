package dev.investigator.model;

import java.util.Objects;

/** One URL's latency over the window, from traces. */
public record EndpointStat(String method, String url, long traces, double avgMillis, double maxMillis, long faults) {
    public EndpointStat {
        method = method == null ? "" : method;
        Objects.requireNonNull(url, "url");
    }
}
