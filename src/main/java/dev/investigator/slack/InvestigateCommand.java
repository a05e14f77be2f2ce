package dev.investigator.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.investigator.investigation.Command;
import dev.investigator.investigation.QueryParser;
import dev.investigator.investigation.UserFacingException;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.render.BlockKitRenderer;
import dev.investigator.render.UsageText;
import java.time.Duration;
import dev.investigator.render.SlackMessage;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code /investigate <service> [window]}: answers within milliseconds — a private "investigating…" note,
 * or usage and suggestions for bad input — and leaves the investigation itself to the worker pool.
 */
final class InvestigateCommand implements SlashCommandHandler {

    private final Supplier<QueryParser> parser;
    private final ServiceCatalog catalog;
    private final AccessPolicy access;
    private final RecentDeliveries seen;
    private final SlackInvestigations investigations;
    private final BlockKitRenderer renderer;
    private final UsageText usage;
    private final SlackTexts texts;
    private final Supplier<String> ids;
    private final Consumer<Duration> ackLatency;
    private final DailyPrompts daily;
    private final RotationAnswer rotation;
    private final Executor background;

    InvestigateCommand(Supplier<QueryParser> parser, ServiceCatalog catalog, AccessPolicy access, RecentDeliveries seen,
            SlackInvestigations investigations, BlockKitRenderer renderer, UsageText usage, SlackTexts texts,
            Supplier<String> ids, Consumer<Duration> ackLatency, DailyPrompts daily, RotationAnswer rotation, Executor background) {
        this.daily = daily;
        this.rotation = rotation;
        this.background = background;
        this.parser = parser;
        this.catalog = catalog;
        this.access = access;
        this.seen = seen;
        this.investigations = investigations;
        this.renderer = renderer;
        this.usage = usage;
        this.texts = texts;
        this.ids = ids;
        this.ackLatency = ackLatency;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        long started = System.nanoTime();
        try {
            return answer(request.getPayload(), ctx);
        } finally {
            ackLatency.accept(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private Response answer(SlashCommandPayload p, SlashCommandContext ctx) {
        if (p.getTriggerId() != null && !seen.firstTime("command:" + p.getTriggerId())) {
            return ctx.ack(); // Slack redelivered a command we already took
        }
        switch (access.check(p.getChannelId(), p.getUserId())) {
            case CHANNEL_NOT_ALLOWED:
                return ctx.ack(texts.channelNotAllowed(access.allowedChannels()));
            case USER_NOT_ALLOWED:
                return ctx.ack(texts.userNotAllowed(access.allowedGroups()));
            default:
                break;
        }
        Command command;
        try {
            command = parser.get().parse(p.getText());
        } catch (UserFacingException e) {
            return ctx.ack(texts.plain(usage.problem(e)));
        }
        if (command instanceof Command.Rotation asked) {
            SlackMessage answer = rotation.answer(asked.change(), p.getUserId());
            return ctx.ack(r -> r.responseType("ephemeral").text(answer.text()).blocks(Blocks.parse(answer.blocksJson())));
        }
        if (command instanceof Command.Daily) {
            String channel = p.getChannelId();
            String user = p.getUserId();
            String responseUrl = p.getResponseUrl();
            try {
                background.execute(() -> {
                    try {
                        daily.postOnDemand(channel, user);
                    } catch (SlackDeliveryException e) {
                        investigations.tell(responseUrl, e.notInChannel() ? texts.notInChannel() : texts.dailyFailed());
                    } catch (RuntimeException e) {
                        org.slf4j.LoggerFactory.getLogger(InvestigateCommand.class).error("the digest on demand failed", e);
                        investigations.tell(responseUrl, texts.dailyFailed());
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return ctx.ack(texts.busy());
            }
            return ctx.ack(texts.digestComing());
        }
        if (!(command instanceof Command.Investigate investigate)) {
            return ctx.ack(texts.plain(usage.help(catalog.names())));
        }
        InvestigationQuery query = new InvestigationQuery(ids.get(), investigate.service(), investigate.window(), Origin.SLASH_COMMAND);
        boolean queued = investigations.submit(new SlackInvestigations.Request(
                query, p.getChannelId(), Optional.empty(), p.getUserId(), p.getResponseUrl()));
        return ctx.ack(queued ? renderer.renderRunning(query).text() : texts.busy());
    }
}
