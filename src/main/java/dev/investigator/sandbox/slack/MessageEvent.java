package dev.investigator.sandbox.slack;

import java.util.Objects;

/**
 * A message posted in a channel, delivered to the app as an Events API {@code message} event. Start from
 * {@link #fromUser} or {@link #fromBot} and add what the case needs:
 * <pre>{@code
 * MessageEvent.fromBot("C0ALERTS", "B0GRAFANA", "")
 *         .withSubtype("bot_message").withUsername("Grafana")
 *         .withAttachments("[{\"title\":\"[FIRING:1] HighErrorRate\", ...}]")
 * }</pre>
 *
 * @param userId          the author's user id; for an app's post, its bot user (may be null for webhooks)
 * @param botId           the bot id of an app or webhook post ({@code B...}), or null for a person
 * @param subtype         e.g. {@code bot_message} (webhooks and posts with a username override), or null
 * @param username        the display name a {@code bot_message} carries, or null
 * @param ts              the message ts, or null to let the fake assign the next one
 * @param threadTs        the parent's ts for a thread reply, or null
 * @param attachmentsJson legacy attachments as a JSON array text, or null
 * @param blocksJson      Block Kit blocks as a JSON array text, or null
 */
public record MessageEvent(String channelId, String userId, String botId, String subtype, String username,
                           String text, String ts, String threadTs, String attachmentsJson, String blocksJson) {

    public MessageEvent {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(text, "text");
        if (userId == null && botId == null) {
            throw new IllegalArgumentException("a message has a user, a bot_id, or both");
        }
    }

    /** A person's message. */
    public static MessageEvent fromUser(String channelId, String userId, String text) {
        return new MessageEvent(channelId, userId, null, null, null, text, null, null, null, null);
    }

    /** An app's or integration's message, with no subtype (how app posts via chat.postMessage usually arrive). */
    public static MessageEvent fromBot(String channelId, String botId, String text) {
        return new MessageEvent(channelId, null, botId, null, null, text, null, null, null, null);
    }

    public MessageEvent withUser(String newUserId) {
        return new MessageEvent(channelId, newUserId, botId, subtype, username, text, ts, threadTs, attachmentsJson,
                blocksJson);
    }

    public MessageEvent withSubtype(String newSubtype) {
        return new MessageEvent(channelId, userId, botId, newSubtype, username, text, ts, threadTs, attachmentsJson,
                blocksJson);
    }

    public MessageEvent withUsername(String newUsername) {
        return new MessageEvent(channelId, userId, botId, subtype, newUsername, text, ts, threadTs, attachmentsJson,
                blocksJson);
    }

    public MessageEvent withTs(String newTs) {
        return new MessageEvent(channelId, userId, botId, subtype, username, text, newTs, threadTs, attachmentsJson,
                blocksJson);
    }

    public MessageEvent inThread(String parentTs) {
        return new MessageEvent(channelId, userId, botId, subtype, username, text, ts, parentTs, attachmentsJson,
                blocksJson);
    }

    public MessageEvent withAttachments(String json) {
        return new MessageEvent(channelId, userId, botId, subtype, username, text, ts, threadTs, json, blocksJson);
    }

    public MessageEvent withBlocks(String json) {
        return new MessageEvent(channelId, userId, botId, subtype, username, text, ts, threadTs, attachmentsJson,
                json);
    }
}
