package dev.investigator.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.render.SlackMessage;
import dev.investigator.render.SlackThread;

/** The Block Kit thread as one JSON document, for {@code --format blocks} (paste into Block Kit Builder). */
final class BlocksJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BlocksJson() {
    }

    static String of(SlackThread thread) {
        ObjectNode root = JSON.createObjectNode();
        root.set("parent", message(thread.parent()));
        ArrayNode replies = root.putArray("replies");
        thread.replies().forEach(r -> replies.add(message(r)));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode message(SlackMessage m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", m.text());
        try {
            node.set("blocks", JSON.readTree(m.blocksJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("renderer produced invalid JSON", e);
        }
        return node;
    }
}
