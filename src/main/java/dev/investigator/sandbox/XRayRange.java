package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;

/** The StartTime/EndTime pair of an X-Ray request, validated. */
record XRayRange(Instant start, Instant end) {

    /** The sandbox refuses longer ranges rather than generate days of traces. */
    static final Duration MAX = Duration.ofHours(24);

    static XRayRange of(JsonNode body) {
        Instant start = Json.instantFromSeconds(body.get("StartTime"));
        Instant end = Json.instantFromSeconds(body.get("EndTime"));
        if (start == null || end == null) {
            throw new XRayErrors.Invalid("StartTime and EndTime are required");
        }
        if (!end.isAfter(start)) {
            throw new XRayErrors.Invalid("EndTime must be after StartTime");
        }
        if (Duration.between(start, end).compareTo(MAX) > 0) {
            throw new XRayErrors.Invalid("Time range must not exceed 24 hours");
        }
        return new XRayRange(start, end);
    }
}
