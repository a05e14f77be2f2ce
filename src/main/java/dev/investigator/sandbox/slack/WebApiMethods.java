package dev.investigator.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The Web API methods the fake serves, each answering with the response shape Slack documents, including the
 * errors a bot meets in practice. Authentication and armed faults are {@link WebApi}'s job, not this one's.
 */
final class WebApiMethods {

    static final String APPS_CONNECTIONS_OPEN = "apps.connections.open";
    static final String AUTH_TEST = "auth.test";

    private final Json json;
    private final Fixtures fixtures;
    private final Channels channels;
    private final Messages messages;
    private final SlackTs ts;
    private final Clock clock;
    private final Supplier<String> socketUrls;
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final Map<String, BiFunction<String, Map<String, String>, Reply>> byName;

    WebApiMethods(Json json, Fixtures fixtures, Channels channels, Messages messages, SlackTs ts, Clock clock,
                  Supplier<String> socketUrls) {
        this.json = json;
        this.fixtures = fixtures;
        this.channels = channels;
        this.messages = messages;
        this.ts = ts;
        this.clock = clock;
        this.socketUrls = socketUrls;
        this.byName = Map.of(
                AUTH_TEST, (token, p) -> authTest(token),
                APPS_CONNECTIONS_OPEN, (token, p) -> appsConnectionsOpen(),
                "chat.postMessage", (token, p) -> chatPostMessage(p),
                "chat.update", (token, p) -> chatUpdate(p),
                "chat.postEphemeral", (token, p) -> chatPostEphemeral(p),
                "reactions.add", (token, p) -> reactionsAdd(p),
                "usergroups.users.list", (token, p) -> usergroupsUsersList(p),
                "conversations.info", (token, p) -> conversationsInfo(p));
    }

    Set<String> names() {
        return byName.keySet();
    }

    /** Runs an authenticated call; {@code token} is one the workspace issued. */
    Reply call(String method, String token, Map<String, String> params) {
        return byName.get(method).apply(token, params);
    }

    void userGroup(String groupId, List<String> userIds) {
        userGroups.put(groupId, List.copyOf(userIds));
    }

    private Reply authTest(String token) {
        ObjectNode body = fixtures.copy(Fixtures.AUTH_TEST);
        if (token.equals(FakeSlack.APP_TOKEN)) {
            // An app-level token belongs to the app, not to a user or bot: no user, user_id or bot_id.
            body.remove(List.of("user", "user_id", "bot_id"));
            body.put("app_id", FakeSlack.APP_ID);
        }
        return Reply.ok(json.write(body));
    }

    private Reply appsConnectionsOpen() {
        ObjectNode body = json.object().put("ok", true).put("url", socketUrls.get());
        return Reply.ok(json.write(body));
    }

    private Reply chatPostMessage(Map<String, String> p) {
        String channel = p.get("channel");
        Optional<String> refused = channels.writeError(channel).or(() -> contentError(p));
        if (refused.isPresent()) {
            return Reply.error(refused.get());
        }
        String messageTs = ts.next();
        ObjectNode response = fixtures.copy(Fixtures.CHAT_POST_MESSAGE);
        ObjectNode message = (ObjectNode) response.get("message");
        message.put("ts", messageTs).put("text", "");
        writeContent(message, p);
        if (p.get("thread_ts") != null) {
            message.put("thread_ts", p.get("thread_ts"));
        }
        messages.put(channel, messageTs, message);
        response.put("channel", channel).put("ts", messageTs);
        return Reply.ok(json.write(response));
    }

    private Reply chatUpdate(Map<String, String> p) {
        String channel = p.get("channel");
        Optional<String> refused = channels.writeError(channel).or(() -> contentError(p));
        if (refused.isPresent()) {
            return Reply.error(refused.get());
        }
        String messageTs = p.get("ts");
        Optional<ObjectNode> stored = messageTs == null ? Optional.empty() : messages.get(channel, messageTs);
        if (stored.isEmpty()) {
            return Reply.error("message_not_found");
        }
        ObjectNode message = stored.get();
        if (!FakeSlack.BOT_ID.equals(message.path("bot_id").asText(null))) {
            return Reply.error("cant_update_message");
        }
        writeContent(message, p);
        message.set("edited", json.object().put("user", FakeSlack.BOT_USER_ID).put("ts", ts.next()));
        messages.put(channel, messageTs, message);
        ObjectNode response = json.object().put("ok", true).put("channel", channel).put("ts", messageTs)
                .put("text", message.path("text").asText(""));
        response.set("message", message);
        return Reply.ok(json.write(response));
    }

    private Reply chatPostEphemeral(Map<String, String> p) {
        String user = p.get("user");
        Optional<String> refused = channels.writeError(p.get("channel"))
                .or(() -> user == null || user.isBlank() ? Optional.of("user_not_found") : Optional.empty())
                .or(() -> contentError(p));
        if (refused.isPresent()) {
            return Reply.error(refused.get());
        }
        return Reply.ok(json.write(json.object().put("ok", true).put("message_ts", ts.next())));
    }

    private Reply reactionsAdd(Map<String, String> p) {
        String channel = p.get("channel");
        String messageTs = p.get("timestamp");
        String name = p.get("name");
        if (name == null || name.isBlank()) {
            return Reply.error("invalid_name");
        }
        if (messageTs == null || messageTs.isBlank()) {
            return Reply.error("no_item_specified");
        }
        Optional<String> refused = channels.writeError(channel);
        if (refused.isPresent()) {
            return Reply.error(refused.get());
        }
        if (messages.get(channel, messageTs).isEmpty()) {
            return Reply.error("message_not_found");
        }
        return messages.react(channel, messageTs, name) ? Reply.ok("{\"ok\":true}") : Reply.error("already_reacted");
    }

    private Reply usergroupsUsersList(Map<String, String> p) {
        List<String> users = p.get("usergroup") == null ? null : userGroups.get(p.get("usergroup"));
        if (users == null) {
            return Reply.error("no_such_subteam");
        }
        ObjectNode body = json.object().put("ok", true);
        ArrayNode array = body.putArray("users");
        users.forEach(array::add);
        return Reply.ok(json.write(body));
    }

    private Reply conversationsInfo(Map<String, String> p) {
        Optional<Channels.Channel> found = channels.find(p.get("channel"));
        if (found.isEmpty()) {
            return Reply.error("channel_not_found");
        }
        Channels.Channel c = found.get();
        ObjectNode response = fixtures.copy(Fixtures.CONVERSATIONS_INFO);
        ObjectNode channel = (ObjectNode) response.get("channel");
        channel.put("id", c.id()).put("name", c.name()).put("name_normalized", c.name())
                .put("is_private", c.isPrivate())
                // Private channels made before 2021 have G ids and were "groups"; newer ones are channels.
                .put("is_group", c.isPrivate() && c.id().startsWith("G"))
                .put("is_channel", !c.id().startsWith("G") && !c.id().startsWith("D"))
                .put("is_im", c.id().startsWith("D"))
                .put("is_member", c.botIsMember())
                .put("created", clock.instant().getEpochSecond());
        return Reply.ok(json.write(response));
    }

    /** Slack refuses a message with nothing to show, and blocks or attachments that are not JSON arrays. */
    private Optional<String> contentError(Map<String, String> p) {
        if (isBlank(p.get("text")) && isBlank(p.get("blocks")) && isBlank(p.get("attachments"))) {
            return Optional.of("no_text");
        }
        if (!isBlank(p.get("blocks")) && !isJsonArray(p.get("blocks"))) {
            return Optional.of("invalid_blocks");
        }
        if (!isBlank(p.get("attachments")) && !isJsonArray(p.get("attachments"))) {
            return Optional.of("invalid_attachments");
        }
        return Optional.empty();
    }

    private void writeContent(ObjectNode message, Map<String, String> p) {
        if (p.get("text") != null) {
            message.put("text", p.get("text"));
        }
        if (!isBlank(p.get("blocks"))) {
            JsonNode blocks = json.parseOrNull(p.get("blocks"));
            // Slack gives every block it stores a block_id; the ones the app left out become short random ids.
            for (JsonNode block : blocks) {
                if (block.isObject() && !block.hasNonNull("block_id")) {
                    ((ObjectNode) block).put("block_id", UUID.randomUUID().toString().substring(0, 5));
                }
            }
            message.set("blocks", blocks);
        }
        if (!isBlank(p.get("attachments"))) {
            message.set("attachments", json.parseOrNull(p.get("attachments")));
        }
    }

    private boolean isJsonArray(String text) {
        JsonNode node = json.parseOrNull(text);
        return node != null && node.isArray();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
