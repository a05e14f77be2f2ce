package dev.investigator.model;

import java.util.Objects;

/** A call edge from the investigated service to a downstream one, with its statistics over the window. */
public record ServiceEdge(
        String from, String to, long requests, long faults, long errors, long throttles, double avgMillis) {
    public ServiceEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public double faultRate() {
        return requests == 0 ? 0 : (double) faults / requests;
    }
}
