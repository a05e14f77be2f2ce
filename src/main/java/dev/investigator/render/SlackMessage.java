package dev.investigator.render;

import java.util.Objects;

/**
 * One Slack message, ready for {@code chat.postMessage}.
 *
 * @param text       the notification fallback: plain text (no mrkdwn markers; {@code & < >} escaped as Slack
 *                   requires), at most 3,000 characters
 * @param blocksJson a JSON array of Block Kit blocks, within every Block Kit limit
 */
public record SlackMessage(String text, String blocksJson) {
    public SlackMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(blocksJson, "blocksJson");
    }

    /** One mrkdwn section and the same text as its notification: the bot's short replies and notes. */
    public static SlackMessage section(String mrkdwn) {
        String blocks = "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(mrkdwn) + "}}]";
        return new SlackMessage(mrkdwn, blocks);
    }
}
