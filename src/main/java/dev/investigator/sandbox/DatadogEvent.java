package dev.investigator.sandbox;

import java.time.Instant;
import java.util.List;

/** One scripted Datadog event (deploys, monitor alerts, scaling). */
record DatadogEvent(long id, Instant at, String title, String text, List<String> tags, String sourceTypeName,
                    String alertType, String host) {

    DatadogEvent {
        tags = List.copyOf(tags);
    }
}
