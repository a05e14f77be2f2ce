package dev.investigator.slack;

import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.render.BlockKitRenderer;
import dev.investigator.render.SlackMessage;
import dev.investigator.render.SlackThread;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Puts one investigation into Slack as one thread: a placeholder that says it is running, then the same
 * message updated with the verdict, then one reply per source under it — in order, in the channel the
 * request came from (so nothing from a private channel is ever posted anywhere else).
 */
final class ReportPublisher {

    /** Where a report lives: its head message, and the thread its replies go to. */
    record Delivery(String channel, String headTs, String threadTs) {
    }

    /** The verdict as shown in the head, and the replies still to post under it. */
    record Shown(SlackMessage head, List<SlackMessage> replies) {
    }

    private final SlackGateway gateway;
    private final BlockKitRenderer renderer;
    private final SlackTexts texts;

    ReportPublisher(SlackGateway gateway, BlockKitRenderer renderer, SlackTexts texts) {
        this.gateway = Objects.requireNonNull(gateway);
        this.renderer = Objects.requireNonNull(renderer);
        this.texts = Objects.requireNonNull(texts);
    }

    /**
     * Posts the "investigating…" head: a new message in the channel, or, for a re-run, a reply in the
     * existing thread so the whole story stays in one place.
     *
     * @throws SlackDeliveryException when Slack refuses (for example the bot is not in the channel)
     */
    Delivery begin(String channel, Optional<String> existingThread, InvestigationQuery query, String note) {
        String ts = gateway.post(channel, existingThread, BlockKitRenderer.withNote(renderer.renderRunning(query), note));
        return new Delivery(channel, ts, existingThread.orElse(ts));
    }

    /** Updates the head with the verdict (not paced: it shows at once) and returns it with the replies to post. */
    Shown showVerdict(Delivery d, Investigation investigation, String note) {
        SlackThread thread = renderer.render(investigation);
        SlackMessage head = BlockKitRenderer.withNote(thread.parent(), note);
        gateway.update(d.channel(), d.headTs(), head);
        return new Shown(head, thread.replies());
    }

    /** Posts the replies under the head, in order, each when the channel's pace allows. */
    void postReplies(Delivery d, List<SlackMessage> replies) {
        for (SlackMessage reply : replies) {
            gateway.post(d.channel(), Optional.of(d.threadTs()), reply);
        }
    }

    void failed(Delivery d, String service, String why) {
        gateway.update(d.channel(), d.headTs(), SlackMessage.section(texts.failed(service, why)));
    }

    void interrupted(Delivery d) {
        gateway.update(d.channel(), d.headTs(), SlackMessage.section(texts.interrupted()));
    }

}
