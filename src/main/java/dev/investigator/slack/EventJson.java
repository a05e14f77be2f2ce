package dev.investigator.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;

/**
 * A Bolt event back in Slack's own JSON shape, which is what the alert core reads: it knows Slack's payloads,
 * not Bolt's classes.
 */
final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    static JsonNode of(Gson slackGson, Object event) {
        try {
            return JSON.readTree(slackGson.toJson(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Bolt produced an event that is not JSON", e);
        }
    }
}
