package dev.investigator.sandbox.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The messages the fake workspace holds: those the app posted, those the fake delivered as events, and those
 * a block action was clicked in. They let {@code chat.update} and {@code reactions.add} answer like Slack
 * ({@code message_not_found}, {@code cant_update_message}, {@code already_reacted}) and let a block action
 * carry the message as the app last wrote it.
 */
final class Messages {

    private final Map<String, ObjectNode> byKey = new LinkedHashMap<>();
    private final Set<String> reactions = new HashSet<>();

    synchronized void put(String channel, String ts, ObjectNode message) {
        byKey.put(key(channel, ts), message.deepCopy());
    }

    /** A copy of the message, or empty if the workspace has none at that ts. */
    synchronized Optional<ObjectNode> get(String channel, String ts) {
        ObjectNode message = byKey.get(key(channel, ts));
        return message == null ? Optional.empty() : Optional.of(message.deepCopy());
    }

    /** Copies of the channel's messages, first written first (an update keeps its place). */
    synchronized List<ObjectNode> in(String channel) {
        return byKey.entrySet().stream().filter(e -> e.getKey().startsWith(channel + " "))
                .map(e -> e.getValue().deepCopy()).toList();
    }

    /** False when that reaction is already on that message. */
    synchronized boolean react(String channel, String ts, String name) {
        return reactions.add(key(channel, ts) + " " + name);
    }

    private static String key(String channel, String ts) {
        return channel + " " + ts;
    }
}
