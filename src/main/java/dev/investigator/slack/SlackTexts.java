package dev.investigator.slack;

import dev.investigator.render.BlockKitLimits;
import dev.investigator.render.Messages;
import java.util.List;
import java.util.stream.Collectors;

/** The bot's own short replies (not the report), in the team's language, with Slack mentions filled in. */
final class SlackTexts {

    private final Messages messages;

    SlackTexts(Messages messages) {
        this.messages = messages;
    }

    String notInChannel() {
        return messages.get("slack.notInChannel");
    }

    String channelNotAllowed(List<String> allowed) {
        return messages.get("slack.channelNotAllowed", allowed.stream().map(c -> "<#" + c + ">").collect(Collectors.joining(" ")));
    }

    String userNotAllowed(List<String> groups) {
        return messages.get("slack.userNotAllowed", groups.stream().map(g -> "<!subteam^" + g + ">").collect(Collectors.joining(" ")));
    }

    String busy() {
        return messages.get("slack.busy");
    }

    String failed(String service, String why) {
        return messages.get("slack.failed", service, BlockKitLimits.escape(why));
    }

    String interrupted() {
        return messages.get("slack.interrupted");
    }

    /** Plain text from the renderers or the parser, made safe for mrkdwn. */
    String plain(String text) {
        return BlockKitLimits.escape(text);
    }
}
