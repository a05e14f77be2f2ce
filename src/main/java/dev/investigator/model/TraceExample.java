package dev.investigator.model;

import java.time.Instant;
import java.util.Objects;

/** One trace worth opening, with the link to it in the console. */
public record TraceExample(
        String traceId, Instant at, String method, String url, int httpStatus, double durationMillis,
        boolean fault, boolean error, boolean throttle, String rootCauseService, String link) {
    public TraceExample {
        Objects.requireNonNull(traceId, "traceId");
        Objects.requireNonNull(at, "at");
        method = method == null ? "" : method;
        url = url == null ? "" : url;
        rootCauseService = rootCauseService == null ? "" : rootCauseService;
        link = link == null ? "" : link;
    }
}
