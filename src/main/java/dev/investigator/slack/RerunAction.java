package dev.investigator.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.investigator.investigation.QueryParser;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's "re-run" buttons: ack at once, then investigate the window the button carries and answer in
 * the same thread. The button's value is treated as untrusted input — the service must be in the catalog
 * and the window within the same bounds as a typed command.
 */
final class RerunAction implements BlockActionHandler {

    private static final Logger log = LoggerFactory.getLogger(RerunAction.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceCatalog catalog;
    private final AccessPolicy access;
    private final RecentDeliveries seen;
    private final SlackInvestigations investigations;
    private final SlackGateway gateway;
    private final SlackTexts texts;
    private final Clock clock;
    private final Supplier<String> ids;

    RerunAction(ServiceCatalog catalog, AccessPolicy access, RecentDeliveries seen, SlackInvestigations investigations,
            SlackGateway gateway, SlackTexts texts, Clock clock, Supplier<String> ids) {
        this.catalog = catalog;
        this.access = access;
        this.seen = seen;
        this.investigations = investigations;
        this.gateway = gateway;
        this.texts = texts;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) throws IOException {
        BlockActionPayload p = request.getPayload();
        if (p.getTriggerId() != null && !seen.firstTime("action:" + p.getTriggerId())) {
            return ctx.ack();
        }
        String channel = p.getContainer() != null && p.getContainer().getChannelId() != null
                ? p.getContainer().getChannelId() : p.getChannel().getId();
        String user = p.getUser().getId();
        AccessPolicy.Decision decision = access.check(channel, user);
        if (decision != AccessPolicy.Decision.ALLOWED) {
            gateway.respond(p.getResponseUrl(), decision == AccessPolicy.Decision.CHANNEL_NOT_ALLOWED
                    ? texts.channelNotAllowed(access.allowedChannels()) : texts.userNotAllowed(access.allowedGroups()));
            return ctx.ack();
        }
        Optional<Rerun> rerun = p.getActions().isEmpty() ? Optional.empty() : parse(p.getActions().get(0).getValue());
        if (rerun.isEmpty()) {
            log.warn("ignoring a re-run button with an unusable value");
            return ctx.ack();
        }
        String thread = threadOf(p);
        InvestigationQuery query = new InvestigationQuery(ids.get(), rerun.get().service(), rerun.get().window(), Origin.BUTTON);
        if (!investigations.submit(new SlackInvestigations.Request(query, channel, Optional.ofNullable(thread), user, p.getResponseUrl()))) {
            gateway.respond(p.getResponseUrl(), texts.busy());
        }
        return ctx.ack();
    }

    /** The thread the button's message belongs to, or the message itself when it is the thread's head. */
    private static String threadOf(BlockActionPayload p) {
        BlockActionPayload.Container c = p.getContainer();
        if (c != null && c.getThreadTs() != null) {
            return c.getThreadTs();
        }
        if (p.getMessage() != null && p.getMessage().getThreadTs() != null) {
            return p.getMessage().getThreadTs();
        }
        return c != null ? c.getMessageTs() : null;
    }

    record Rerun(ServiceDefinition service, TimeWindow window) {
    }

    Optional<Rerun> parse(String value) {
        if (value == null || value.length() > 500) {
            return Optional.empty();
        }
        try {
            JsonNode v = JSON.readTree(value);
            Optional<ServiceDefinition> service = catalog.find(v.path("service").asText(""));
            long from = v.path("from").asLong(-1);
            long to = v.path("to").asLong(-1);
            if (service.isEmpty() || from <= 0 || to <= from) {
                return Optional.empty();
            }
            Instant end = Instant.ofEpochSecond(to);
            Instant now = clock.instant();
            TimeWindow window = new TimeWindow(Instant.ofEpochSecond(from), end.isAfter(now) ? now : end);
            if (window.length().compareTo(QueryParser.MIN_WINDOW) < 0) {
                return Optional.empty();
            }
            if (window.length().compareTo(QueryParser.MAX_WINDOW) > 0) {
                window = TimeWindow.ending(window.to(), QueryParser.MAX_WINDOW); // "wider" stops at the longest window
            }
            return Optional.of(new Rerun(service.get(), window));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
