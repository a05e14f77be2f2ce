package dev.investigator.sandbox.slack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Slack's own payloads (see {@code src/main/resources/sandbox/slack/README.md}), read once; every use gets a
 * fresh deep copy to fill in, so what the fake sends keeps the real shape field for field.
 */
final class Fixtures {

    static final String HELLO = "socket/hello.json";
    static final String SLASH_COMMAND = "socket/slash_commands_envelope.json";
    static final String BLOCK_ACTIONS = "socket/interactive_block_actions_envelope.json";
    static final String EVENTS_API_MESSAGE = "socket/events_api_message_envelope.json";
    static final String AUTH_TEST = "api/auth_test.json";
    static final String CONVERSATIONS_INFO = "api/conversations_info.json";
    static final String CHAT_POST_MESSAGE = "api/chat_postMessage.json";

    private static final String ROOT = "sandbox/slack/";

    private final Map<String, ObjectNode> byPath = new HashMap<>();

    private Fixtures() {
    }

    static Fixtures load(Json json) {
        Fixtures fixtures = new Fixtures();
        for (String path : new String[] {HELLO, SLASH_COMMAND, BLOCK_ACTIONS, EVENTS_API_MESSAGE, AUTH_TEST,
                CONVERSATIONS_INFO, CHAT_POST_MESSAGE}) {
            fixtures.byPath.put(path, json.resource(ROOT + path));
        }
        for (String reason : Disconnects.REASONS) {
            String path = disconnect(reason);
            fixtures.byPath.put(path, json.resource(ROOT + path));
        }
        return fixtures;
    }

    static String disconnect(String reason) {
        return "socket/disconnect_" + reason + ".json";
    }

    /** A fresh copy of one fixture. */
    ObjectNode copy(String path) {
        ObjectNode node = byPath.get(path);
        if (node == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return node.deepCopy();
    }
}
