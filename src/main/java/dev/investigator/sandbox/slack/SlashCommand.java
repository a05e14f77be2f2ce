package dev.investigator.sandbox.slack;

import java.util.Objects;

/**
 * What a user typed: {@code /investigate checkout 30m} in {@code #alerts} becomes
 * {@code new SlashCommand("/investigate", "checkout 30m", "C0ALERTS", "alerts", "U0ALICE", "alice")}.
 */
public record SlashCommand(String command, String text, String channelId, String channelName, String userId,
                           String userName) {

    public SlashCommand {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(channelName, "channelName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
    }
}
