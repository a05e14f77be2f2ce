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

    String dailyFailed() {
        return messages.get("slack.daily.failed");
    }

    String alreadyChecked(String by) {
        return messages.get("slack.daily.alreadyChecked", "<@" + by + ">");
    }

    String handOffRefused(dev.investigator.rotation.HandOffResult.Outcome outcome, java.util.Optional<String> owner) {
        return messages.get("slack.daily.handOff." + outcome.name(), owner.map(o -> "<@" + o + ">").orElse(""));
    }

    String dailyOff() {
        return messages.get("slack.daily.off");
    }

    String digestComing() {
        return messages.get("slack.daily.coming");
    }

    /** The line on top of an automatic investigation: which alert it answers, linked when the alert has a link. */
    String alertNote(dev.investigator.alert.Alert alert) {
        String title = BlockKitLimits.oneLine(alert.title(), 150);
        String shown = alert.link().map(url -> BlockKitLimits.link(url, title)).orElse(BlockKitLimits.escape(title));
        return messages.get("alert.note", vendor(alert.vendor()), shown);
    }

    String alertFollowUp(String service, int alerts, String leadThreadUrl) {
        return leadThreadUrl.isBlank()
                ? messages.get("alert.followUp.noLink", service, alerts)
                : messages.get("alert.followUp", service, alerts, BlockKitLimits.link(leadThreadUrl, messages.get("alert.followUp.link")));
    }

    String alertRecovered(java.time.Duration after, dev.investigator.alert.Alert recovery) {
        return messages.get("alert.recovered", messages.duration(after), vendor(recovery.vendor()),
                BlockKitLimits.escape(BlockKitLimits.oneLine(recovery.title(), 150)));
    }

    String alertRecoveredBanner(java.time.Instant at, java.time.Duration after) {
        return messages.get("alert.recoveredBanner", messages.duration(after));
    }

    String alertUnknownService(List<String> lookedFor, List<String> tagKeys, String channel) {
        String names = lookedFor.isEmpty() ? "-" : lookedFor.stream().limit(12).map(n -> "`" + n + "`").collect(Collectors.joining(", "));
        String tags = tagKeys.stream().limit(6).map(k -> "`" + k + ":`").collect(Collectors.joining(", "));
        return messages.get("alert.unknownService", names, tags, channel);
    }

    String alertCapReached(int cap) {
        return messages.get("alert.capReached", cap);
    }

    private static String vendor(dev.investigator.alert.AlertVendor vendor) {
        return switch (vendor) {
            case DATADOG -> "Datadog";
            case SENTRY -> "Sentry";
            case PAGERDUTY -> "PagerDuty";
            case CLOUDWATCH -> "CloudWatch";
            case GRAFANA -> "Grafana";
        };
    }

    /** Plain text from the renderers or the parser, made safe for mrkdwn. */
    String plain(String text) {
        return BlockKitLimits.escape(text);
    }
}
