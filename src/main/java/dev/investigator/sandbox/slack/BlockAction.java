package dev.investigator.sandbox.slack;

import java.util.Objects;

/**
 * A click on a button in a message. If the message at {@code messageTs} was posted through this fake
 * ({@code chat.postMessage}, possibly changed by {@code chat.update}), the payload carries that message as it
 * now is, and the action's {@code block_id}, label and type come from the element with {@code actionId};
 * otherwise a minimal bot message with one button stands in for it.
 *
 * @param threadTs the parent's ts when the message is a thread reply, else null
 */
public record BlockAction(String actionId, String value, String channelId, String userId, String messageTs,
                          String threadTs) {

    public BlockAction {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(messageTs, "messageTs");
    }
}
