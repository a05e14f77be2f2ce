package dev.investigator.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.investigator.alert.Alert;
import dev.investigator.alert.AlertDecision;
import dev.investigator.alert.AlertTriage;
import dev.investigator.alert.FollowUpStyle;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.render.BlockKitRenderer;
import dev.investigator.render.SlackMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers alert posts in watched channels: the triage decides (investigate, follow a storm, note a recovery,
 * say the service is unknown, or nothing) and this class does the Slack side — the investigation in the alert's
 * own thread, one paced line per storm follower, the recovery note in the investigation's thread.
 */
final class AlertResponder {

    private static final Logger log = LoggerFactory.getLogger(AlertResponder.class);
    private static final int LEADS_REMEMBERED = 1_000;
    private static final String FOLLOW_UP_REACTION = "link";
    private static final com.google.gson.Gson SLACK_JSON = com.slack.api.util.json.GsonFactory.createSnakeCase();

    /** A post in a channel: the alert's thread, and the key the triage knows a storm's lead by. */
    record PostRef(String channel, String ts) {
    }

    /** Where a lead's summary landed and what it says, so a recovery can update it. */
    private record Summary(ReportPublisher.Delivery delivery, SlackMessage head) {
    }

    private final AtomicReference<AlertTriage<PostRef>> triage = new AtomicReference<>();
    private final java.util.function.Function<AlertTriage.OwnBot, AlertTriage<PostRef>> triageFactory;
    private final SlackInvestigations investigations;
    private final SlackGateway gateway;
    private final SlackTexts texts;
    private final Executor replies;
    private final Supplier<String> ids;
    private final Consumer<String> decisions;
    private volatile String workspaceUrl = "";
    private final Map<PostRef, Summary> summaries = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PostRef, Summary> eldest) {
            return size() > LEADS_REMEMBERED;
        }
    };

    /**
     * @param triageFactory builds the triage once the bot knows who it is (its own posts must never trigger it)
     * @param replies       runs the Slack work of each post, off the Bolt handler thread
     * @param decisions     told the kind of every decision, for metrics
     */
    AlertResponder(java.util.function.Function<AlertTriage.OwnBot, AlertTriage<PostRef>> triageFactory,
            SlackInvestigations investigations, SlackGateway gateway, SlackTexts texts, Executor replies, Supplier<String> ids,
            Consumer<String> decisions) {
        this.triageFactory = Objects.requireNonNull(triageFactory);
        this.investigations = Objects.requireNonNull(investigations);
        this.gateway = Objects.requireNonNull(gateway);
        this.texts = Objects.requireNonNull(texts);
        this.replies = Objects.requireNonNull(replies);
        this.ids = Objects.requireNonNull(ids);
        this.decisions = Objects.requireNonNull(decisions);
    }

    /** Called once the tokens are checked: from now on posts are read, and the bot's own are known. */
    void begin(StartupCheck.BotIdentity bot) {
        workspaceUrl = bot.workspaceUrl() == null ? "" : bot.workspaceUrl();
        triage.set(triageFactory.apply(new AlertTriage.OwnBot(bot.userId(), bot.botId())));
    }

    /** Whether a channel's messages are worth reading at all (cheap; called on the Bolt thread). */
    boolean watches(String channel) {
        AlertTriage<PostRef> t = triage.get();
        return t != null && channel != null && t.watches(channel);
    }

    /**
     * A message event as Bolt delivers it (any of its message classes): read only in watched channels, back in
     * Slack's JSON shape (what the alert core reads); returns at once, the work runs on the replies executor.
     */
    void onEvent(String channel, Object boltEvent) {
        if (watches(channel)) {
            onMessage(EventJson.of(SLACK_JSON, boltEvent));
        }
    }

    /** A message event in Slack's JSON shape; returns at once, the work runs on the replies executor. */
    void onMessage(JsonNode event) {
        try {
            replies.execute(() -> handle(event));
        } catch (RejectedExecutionException e) {
            log.warn("too many alert posts queued; dropping one from {}", event.path("channel").asText());
        }
    }

    private void handle(JsonNode event) {
        AlertTriage<PostRef> t = triage.get();
        if (t == null) {
            return;
        }
        PostRef ref = new PostRef(event.path("channel").asText(""), event.path("ts").asText(""));
        List<AlertDecision<PostRef>> decided = t.decide(event, ref);
        for (AlertDecision<PostRef> decision : decided) {
            decisions.accept(decision.getClass().getSimpleName());
            try {
                act(ref, decision);
            } catch (SlackDeliveryException e) {
                log.warn("could not answer the alert {} in {}: {}", ref.ts(), ref.channel(), e.error());
            } catch (RuntimeException e) {
                log.error("answering the alert {} in {} failed", ref.ts(), ref.channel(), e);
            }
        }
    }

    private void act(PostRef post, AlertDecision<PostRef> decision) {
        if (decision instanceof AlertDecision.Investigate<PostRef> inv) {
            investigate(post, inv);
        } else if (decision instanceof AlertDecision.FollowUp<PostRef> follow) {
            if (follow.style() == FollowUpStyle.REACTION) {
                gateway.react(post.channel(), post.ts(), FOLLOW_UP_REACTION);
            } else {
                gateway.post(post.channel(), Optional.of(post.ts()), SlackMessage.section(texts.alertFollowUp(follow.service().name(),
                        follow.alerts(), threadLink(follow.leadRef()))));
            }
        } else if (decision instanceof AlertDecision.Recovered<PostRef> recovered) {
            recovered(recovered);
        } else if (decision instanceof AlertDecision.UnknownService<PostRef> unknown) {
            gateway.post(post.channel(), Optional.of(post.ts()),
                    SlackMessage.section(texts.alertUnknownService(unknown.lookedFor(), unknown.tagKeys(), post.channel())));
        } else if (decision instanceof AlertDecision.CapReached<PostRef> cap) {
            gateway.post(post.channel(), Optional.of(post.ts()), SlackMessage.section(texts.alertCapReached(cap.cap())));
        } else if (decision instanceof AlertDecision.Ignore<PostRef> ignore) {
            log.debug("ignoring a post in {}: {}", post.channel(), ignore.reason());
        } else if (decision instanceof AlertDecision.RecoveredUnmatched<PostRef> unmatched) {
            log.info("{} recovered, but it was not investigated here: {}", unmatched.alert().vendor(), unmatched.alert().title());
        }
    }

    private void investigate(PostRef post, AlertDecision.Investigate<PostRef> inv) {
        InvestigationQuery query = new InvestigationQuery(ids.get(), inv.service(), inv.window(), Origin.ALERT);
        String note = texts.alertNote(inv.alert());
        boolean queued = investigations.submit(new SlackInvestigations.Request(query, post.channel(), Optional.of(post.ts()),
                "", "", note, (delivery, head) -> remember(post, delivery, head)));
        if (!queued) {
            log.warn("the investigation of {} for the alert {} could not be queued: too many running", inv.service().name(), post.ts());
        }
        log.info("alert in {} ({} {}): investigating {} over {}", post.channel(), inv.alert().vendor(), inv.alert().state(),
                inv.service().name(), inv.window());
    }

    private void recovered(AlertDecision.Recovered<PostRef> recovered) {
        PostRef lead = recovered.match().leadRef();
        Alert alert = recovered.alert();
        gateway.post(lead.channel(), Optional.of(lead.ts()), SlackMessage.section(texts.alertRecovered(recovered.match().duration(), alert)));
        Summary summary;
        synchronized (summaries) {
            summary = summaries.get(lead);
        }
        if (summary != null) {
            SlackMessage updated = BlockKitRenderer.withNote(summary.head(), texts.alertRecoveredBanner(alert.firedAt(),
                    recovered.match().duration()));
            gateway.update(summary.delivery().channel(), summary.delivery().headTs(), updated);
            synchronized (summaries) {
                summaries.put(lead, new Summary(summary.delivery(), updated));
            }
        }
    }

    private void remember(PostRef lead, ReportPublisher.Delivery delivery, SlackMessage head) {
        synchronized (summaries) {
            summaries.put(lead, new Summary(delivery, head));
        }
    }

    /** A link to a post's thread, built from the workspace address (no API call per follower). */
    private String threadLink(PostRef lead) {
        if (workspaceUrl.isBlank()) {
            return "";
        }
        String base = workspaceUrl.endsWith("/") ? workspaceUrl : workspaceUrl + "/";
        return base + "archives/" + lead.channel() + "/p" + lead.ts().replace(".", "");
    }

}
