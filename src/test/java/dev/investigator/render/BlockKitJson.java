package dev.investigator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The JSON side of the tests: parsing a rendered message and printing a thread as one golden document. */
final class BlockKitJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BlockKitJson() {
    }

    static JsonNode blocks(SlackMessage message) {
        try {
            return MAPPER.readTree(message.blocksJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {"parent":{"text":..,"blocks":[..]},"replies":[{..},..]}, pretty, with a trailing newline. */
    static String document(SlackThread thread) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("parent", message(thread.parent()));
        ArrayNode replies = root.putArray("replies");
        thread.replies().forEach(r -> replies.add(message(r)));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode message(SlackMessage message) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("text", message.text());
        node.set("blocks", blocks(message));
        return node;
    }
}
