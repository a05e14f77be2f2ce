package dev.investigator.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.util.json.GsonFactory;
import dev.investigator.render.DailyActions;
import dev.investigator.render.DailyPromptRenderer;
import dev.investigator.render.DailyPromptView;
import dev.investigator.render.SlackMessage;
import dev.investigator.rotation.CheckDay;
import dev.investigator.rotation.CheckResult;
import dev.investigator.rotation.DailyCheck;
import dev.investigator.rotation.HandOffResult;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prompt's "Checked" and "Hand off" buttons: acked at once, recorded in the rotation's store, then the
 * prompt is restated from the message Slack sent back (so it works after a restart) and, for a hand-off, the
 * new owner is mentioned in the thread. Refusals are told privately to whoever pressed.
 */
final class DailyButtons implements BlockActionHandler {

    private static final Logger log = LoggerFactory.getLogger(DailyButtons.class);

    private final DailyCheck check;
    private final DailyPromptRenderer renderer;
    private final SlackGateway gateway;
    private final SlackTexts texts;
    private final RecentDeliveries seen;

    DailyButtons(DailyCheck check, DailyPromptRenderer renderer, SlackGateway gateway, SlackTexts texts, RecentDeliveries seen) {
        this.check = Objects.requireNonNull(check);
        this.renderer = Objects.requireNonNull(renderer);
        this.gateway = Objects.requireNonNull(gateway);
        this.texts = Objects.requireNonNull(texts);
        this.seen = Objects.requireNonNull(seen);
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload p = request.getPayload();
        if (p.getTriggerId() != null && !seen.firstTime("action:" + p.getTriggerId())) {
            return ctx.ack();
        }
        if (p.getActions() == null || p.getActions().isEmpty() || p.getContainer() == null || p.getMessage() == null) {
            return ctx.ack();
        }
        BlockActionPayload.Action action = p.getActions().get(0);
        Optional<LocalDate> day = DailyActions.day(action.getValue());
        if (day.isEmpty()) {
            log.warn("ignoring a daily button with an unusable value");
            return ctx.ack();
        }
        String channel = p.getContainer().getChannelId();
        String ts = p.getContainer().getMessageTs();
        String user = p.getUser().getId();
        try {
            SlackMessage posted = posted(p);
            if (DailyActions.CHECKED.equals(action.getActionId())) {
                checked(day.get(), user, channel, ts, posted, p.getResponseUrl());
            } else {
                handOff(day.get(), user, channel, ts, posted, p.getResponseUrl());
            }
        } catch (RuntimeException e) {
            log.error("daily button {} of {} failed", action.getActionId(), day.get(), e);
            gateway.respond(p.getResponseUrl(), texts.dailyFailed());
        }
        return ctx.ack();
    }

    private void checked(LocalDate day, String user, String channel, String ts, SlackMessage posted, String responseUrl) {
        CheckResult result = check.checked(day, user);
        if (!result.recorded()) {
            gateway.respond(responseUrl, texts.alreadyChecked(result.check().by()));
            return;
        }
        DailyPromptView view = view(day).checkedBy(result.check().by(), result.check().at());
        gateway.update(channel, ts, renderer.restate(posted, view));
        log.info("daily check of {} marked checked by {}", day, user);
    }

    private void handOff(LocalDate day, String user, String channel, String ts, SlackMessage posted, String responseUrl) {
        HandOffResult result = check.handedOff(day, user);
        if (!result.handedOff()) {
            gateway.respond(responseUrl, texts.handOffRefused(result.outcome(), result.owner()));
            return;
        }
        var handOff = result.handOff().orElseThrow();
        DailyPromptView view = DailyPromptView.open(day, handOff.from()).handedOff(handOff.to(), handOff.at());
        gateway.update(channel, ts, renderer.restate(posted, view));
        gateway.post(channel, Optional.of(ts), renderer.handOffNotice(view));
        log.info("daily check of {} handed off from {} to {}", day, handOff.from(), handOff.to());
    }

    /** The day as the store knows it now: its holder, and the last hand-off if any (the prompt keeps showing it). */
    private DailyPromptView view(LocalDate day) {
        Optional<CheckDay> known = check.day(day);
        String owner = known.map(CheckDay::owner).filter(o -> !o.isEmpty()).or(() -> check.owner(day)).orElse("");
        Optional<DailyPromptView.HandOff> last = known.filter(d -> !d.handOffs().isEmpty())
                .map(d -> d.handOffs().get(d.handOffs().size() - 1))
                .map(h -> new DailyPromptView.HandOff(h.from(), h.to(), h.at()));
        return new DailyPromptView(day, owner, Optional.empty(), last, false);
    }

    /** The prompt as Slack holds it, in the shape the renderer restates. */
    private static SlackMessage posted(BlockActionPayload p) {
        String blocks = GsonFactory.createSnakeCase().toJson(p.getMessage().getBlocks());
        String text = p.getMessage().getText() == null ? "" : p.getMessage().getText();
        return new SlackMessage(text, blocks);
    }
}
