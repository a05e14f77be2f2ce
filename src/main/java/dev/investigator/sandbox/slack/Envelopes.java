package dev.investigator.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes what Slack's Socket Mode server sends, starting each time from Slack's own published payload (see
 * {@link Fixtures}) and filling in this workspace's ids: hello, disconnect, and the three envelope types.
 */
final class Envelopes {

    /** One envelope ready to send. */
    record Envelope(String id, String json) {
    }

    static final String VERIFICATION_TOKEN = "fake-verification-token";
    static final String TEAM_DOMAIN = "investigator-fake";
    /** Bolt reads retry_reason into X-Slack-Retry-Reason; "timeout" is what Slack's own SDK tests use. */
    static final String RETRY_REASON = "timeout";

    private final Json json;
    private final Fixtures fixtures;
    private final Channels channels;
    private final Messages messages;
    private final SlackTs ts;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();

    Envelopes(Json json, Fixtures fixtures, Channels channels, Messages messages, SlackTs ts, Clock clock) {
        this.json = json;
        this.fixtures = fixtures;
        this.channels = channels;
        this.messages = messages;
        this.ts = ts;
        this.clock = clock;
    }

    String hello(int numConnections) {
        ObjectNode hello = fixtures.copy(Fixtures.HELLO);
        hello.put("num_connections", numConnections);
        ((ObjectNode) hello.get("connection_info")).put("app_id", FakeSlack.APP_ID);
        return json.write(hello);
    }

    String disconnect(String reason, int numConnections) {
        Disconnects.requireKnown(reason);
        ObjectNode message = fixtures.copy(Fixtures.disconnect(reason));
        if (message.has("num_connections")) {
            message.put("num_connections", numConnections);
        }
        return json.write(message);
    }

    Envelope slashCommand(SlashCommand c, String responseUrl) {
        channels.rememberName(c.channelId(), c.channelName());
        ObjectNode envelope = fixtures.copy(Fixtures.SLASH_COMMAND);
        String id = newEnvelopeId(envelope);
        ((ObjectNode) envelope.get("payload"))
                .put("token", VERIFICATION_TOKEN)
                .put("team_id", FakeSlack.TEAM_ID)
                .put("team_domain", TEAM_DOMAIN)
                .put("channel_id", c.channelId())
                .put("channel_name", c.channelName())
                .put("user_id", c.userId())
                .put("user_name", c.userName())
                .put("command", c.command())
                .put("text", c.text())
                .put("api_app_id", FakeSlack.APP_ID)
                .put("response_url", responseUrl)
                .put("trigger_id", newTriggerId());
        return new Envelope(id, json.write(envelope));
    }

    Envelope blockAction(BlockAction a, String responseUrl) {
        ObjectNode message = messages.get(a.channelId(), a.messageTs())
                .orElseGet(() -> standInMessage(a));
        if (a.threadTs() != null) {
            message.put("thread_ts", a.threadTs());
        }
        Element element = findElement(message, a.actionId()).orElseThrow(() -> new IllegalArgumentException(
                "the message at " + a.messageTs() + " in " + a.channelId() + " has no element with action_id "
                        + a.actionId()));

        ObjectNode envelope = fixtures.copy(Fixtures.BLOCK_ACTIONS);
        String id = newEnvelopeId(envelope);
        ObjectNode payload = (ObjectNode) envelope.get("payload");
        ((ObjectNode) payload.get("user")).put("id", a.userId()).put("username", userName(a.userId()))
                .put("name", userName(a.userId())).put("team_id", FakeSlack.TEAM_ID);
        payload.put("api_app_id", FakeSlack.APP_ID).put("token", VERIFICATION_TOKEN)
                .put("trigger_id", newTriggerId()).put("response_url", responseUrl);
        ((ObjectNode) payload.get("container")).put("message_ts", a.messageTs()).put("channel_id", a.channelId());
        ((ObjectNode) payload.get("team")).put("id", FakeSlack.TEAM_ID).put("domain", TEAM_DOMAIN);
        ((ObjectNode) payload.get("channel")).put("id", a.channelId()).put("name", channelName(a.channelId()));
        payload.set("message", message);

        ObjectNode action = (ObjectNode) payload.get("actions").get(0);
        action.put("action_id", a.actionId())
                .put("block_id", element.blockId())
                .put("type", element.node().path("type").asText("button"))
                .put("action_ts", ts.next());
        if (element.node().has("text")) {
            action.set("text", element.node().get("text").deepCopy());
        }
        String value = a.value() != null ? a.value() : element.node().path("value").asText(null);
        if (value != null) {
            action.put("value", value);
        } else {
            action.remove("value");
        }
        return new Envelope(id, json.write(envelope));
    }

    Envelope messageEvent(MessageEvent m) {
        String messageTs = m.ts() != null ? m.ts() : ts.next();
        ObjectNode event = json.object().put("type", "message");
        if (m.subtype() != null) {
            event.put("subtype", m.subtype());
        }
        event.put("text", m.text());
        if (m.userId() != null) {
            event.put("user", m.userId());
        }
        if (m.botId() != null) {
            event.put("bot_id", m.botId());
        } else {
            // Only messages people type carry a client_msg_id.
            event.put("client_msg_id", UUID.randomUUID().toString());
        }
        if (m.username() != null) {
            event.put("username", m.username());
        }
        if (m.attachmentsJson() != null) {
            event.set("attachments", json.parse(m.attachmentsJson(), "attachmentsJson"));
        }
        if (m.blocksJson() != null) {
            event.set("blocks", json.parse(m.blocksJson(), "blocksJson"));
        }
        event.put("ts", messageTs);
        if (m.threadTs() != null) {
            event.put("thread_ts", m.threadTs());
        }
        event.put("team", FakeSlack.TEAM_ID).put("channel", m.channelId()).put("event_ts", messageTs)
                .put("channel_type", channelType(m.channelId()));
        messages.put(m.channelId(), messageTs, event);
        return eventsApi(event);
    }

    Envelope event(String eventJson) {
        JsonNode event = json.parse(eventJson, "eventJson");
        if (!event.isObject() || !event.has("type")) {
            throw new IllegalArgumentException("an event is a JSON object with a type");
        }
        return eventsApi((ObjectNode) event);
    }

    /** The same envelope again, as Slack resends one it got no timely ack for. */
    String redelivery(String envelopeJson) {
        ObjectNode envelope = (ObjectNode) json.parse(envelopeJson, "envelope");
        envelope.put("retry_attempt", envelope.path("retry_attempt").asInt(0) + 1);
        envelope.put("retry_reason", RETRY_REASON);
        return json.write(envelope);
    }

    private Envelope eventsApi(ObjectNode event) {
        ObjectNode envelope = fixtures.copy(Fixtures.EVENTS_API_MESSAGE);
        String id = newEnvelopeId(envelope);
        ObjectNode payload = (ObjectNode) envelope.get("payload");
        long now = clock.instant().getEpochSecond();
        String channel = event.path("channel").asText("");
        payload.put("token", VERIFICATION_TOKEN).put("team_id", FakeSlack.TEAM_ID)
                .put("api_app_id", FakeSlack.APP_ID)
                .put("event_id", "Ev" + String.format(Locale.ROOT, "%010d", sequence.incrementAndGet()))
                .put("event_time", now)
                .put("event_context", "1-" + event.get("type").asText() + "-" + FakeSlack.TEAM_ID + "-" + channel);
        payload.set("event", event);
        ObjectNode authorization = (ObjectNode) payload.get("authorizations").get(0);
        authorization.put("team_id", FakeSlack.TEAM_ID).put("user_id", FakeSlack.BOT_USER_ID);
        return new Envelope(id, json.write(envelope));
    }

    /** The message a click came from when the app did not post it through the fake: one button, by the bot. */
    private ObjectNode standInMessage(BlockAction a) {
        ObjectNode message = (ObjectNode) fixtures.copy(Fixtures.BLOCK_ACTIONS).get("payload").get("message");
        message.put("bot_id", FakeSlack.BOT_ID).put("user", FakeSlack.BOT_USER_ID).put("team", FakeSlack.TEAM_ID)
                .put("ts", a.messageTs());
        ObjectNode button = (ObjectNode) message.get("blocks").get(0).get("elements").get(0);
        button.put("action_id", a.actionId());
        if (a.value() != null) {
            button.put("value", a.value());
        }
        messages.put(a.channelId(), a.messageTs(), message);
        return message;
    }

    /** An interactive element and the id of the block that holds it. */
    private record Element(String blockId, JsonNode node) {
    }

    /** The element with that action_id, in an actions block or as a section's accessory. */
    private static Optional<Element> findElement(ObjectNode message, String actionId) {
        for (JsonNode block : message.path("blocks")) {
            String blockId = block.path("block_id").asText("b");
            JsonNode accessory = block.path("accessory");
            if (actionId.equals(accessory.path("action_id").asText(null))) {
                return Optional.of(new Element(blockId, accessory));
            }
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText(null))) {
                    return Optional.of(new Element(blockId, element));
                }
            }
        }
        return Optional.empty();
    }

    private String channelName(String channelId) {
        return channels.find(channelId).map(Channels.Channel::name)
                .orElse("channel-" + channelId.toLowerCase(Locale.ROOT));
    }

    private String channelType(String channelId) {
        return channels.find(channelId).map(Channels.Channel::type).orElse("channel");
    }

    private static String userName(String userId) {
        return "user-" + userId.toLowerCase(Locale.ROOT);
    }

    private static String newEnvelopeId(ObjectNode envelope) {
        String id = UUID.randomUUID().toString();
        envelope.put("envelope_id", id);
        return id;
    }

    /** Shaped like Slack's: "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3", unique per payload. */
    private String newTriggerId() {
        return (10_000_000_000L + sequence.incrementAndGet()) + ".4242424242."
                + UUID.randomUUID().toString().replace("-", "");
    }
}
