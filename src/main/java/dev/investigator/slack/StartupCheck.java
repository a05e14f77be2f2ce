package dev.investigator.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Checks both Slack tokens before connecting, so a wrong one stops the process with a message that says
 * which token and what to do — rather than a reconnect loop or a stack trace.
 */
final class StartupCheck {

    /**
     * The bot's identity, for ignoring its own posts.
     *
     * @param workspaceUrl the workspace's address (https://team.slack.com/), for links to threads without a call each
     */
    record BotIdentity(String userId, String botId, String teamId, String workspaceUrl) {
    }

    private final Slack slack;

    StartupCheck(Slack slack) {
        this.slack = Objects.requireNonNull(slack);
    }

    BotIdentity verify(String botToken, String appToken) {
        if (botToken.isBlank()) {
            throw new SlackStartupException("SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-...) from the app's OAuth & Permissions page");
        }
        if (appToken.isBlank()) {
            throw new SlackStartupException("SLACK_APP_TOKEN is not set: create an app-level token with the connections:write scope (xapp-...) on the app's Basic Information page");
        }
        if (!botToken.startsWith("xoxb-")) {
            throw new SlackStartupException("SLACK_BOT_TOKEN must be a bot token (xoxb-...), not " + prefix(botToken));
        }
        if (!appToken.startsWith("xapp-")) {
            throw new SlackStartupException("SLACK_APP_TOKEN must be an app-level token (xapp-...), not " + prefix(appToken));
        }
        AuthTestResponse auth;
        try {
            auth = slack.methods(botToken).authTest(r -> r);
        } catch (IOException | SlackApiException e) {
            throw new SlackStartupException("could not reach Slack to check SLACK_BOT_TOKEN: " + e.getMessage());
        }
        if (!auth.isOk()) {
            throw new SlackStartupException("SLACK_BOT_TOKEN was rejected by Slack (" + auth.getError()
                    + "): reinstall the app to the workspace and copy the new Bot User OAuth Token");
        }
        AppsConnectionsOpenResponse open;
        try {
            open = slack.methods(appToken).appsConnectionsOpen(r -> r);
        } catch (IOException | SlackApiException e) {
            throw new SlackStartupException("could not reach Slack to check SLACK_APP_TOKEN: " + e.getMessage());
        }
        if (!open.isOk()) {
            throw new SlackStartupException("SLACK_APP_TOKEN was rejected by Slack (" + open.getError()
                    + "): it must be an app-level token with connections:write, and Socket Mode must be on");
        }
        return new BotIdentity(auth.getUserId(), auth.getBotId(), auth.getTeamId(), auth.getUrl() == null ? "" : auth.getUrl());
    }

    /** Enough to tell token kinds apart, never enough to leak one. */
    private static String prefix(String token) {
        int dash = token.indexOf('-');
        return dash > 0 && dash <= 5 ? "'" + token.substring(0, dash + 1) + "...'" : "a token of another kind";
    }
}
