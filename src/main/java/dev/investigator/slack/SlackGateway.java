package dev.investigator.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import dev.investigator.render.SlackMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few Web API calls the bot makes, each honouring Slack's rate limits: a 429 waits for its
 * {@code Retry-After} and tries again (bounded), so the calls of one thread stay in order and none is
 * lost. A refusal ({@code ok:false}) becomes a {@link SlackDeliveryException} with Slack's error code.
 */
public final class SlackGateway {

    private static final Logger log = LoggerFactory.getLogger(SlackGateway.class);

    /** Slack's own advice when it sends no Retry-After. */
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final int MAX_RETRIES = 5;

    private final MethodsClient client;
    private final com.slack.api.Slack slack;
    private final BiConsumer<String, String> observer;
    private final ChannelPacer pacer;

    /**
     * @param observer told (method, outcome) for every call: ok, error, ratelimited, exception — for metrics
     * @param pacer    spaces posts into one channel (chat.postMessage only; updates and reactions have their own tiers)
     */
    public SlackGateway(com.slack.api.Slack slack, MethodsClient client, BiConsumer<String, String> observer, ChannelPacer pacer) {
        this.slack = Objects.requireNonNull(slack);
        this.client = Objects.requireNonNull(client);
        this.observer = Objects.requireNonNull(observer);
        this.pacer = Objects.requireNonNull(pacer);
    }

    /** Posts a message (in a thread when {@code threadTs} is given) and returns its ts. */
    public String post(String channel, Optional<String> threadTs, SlackMessage message) {
        try {
            pacer.awaitTurn(channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackDeliveryException("chat.postMessage", "interrupted", e);
        }
        ChatPostMessageResponse r = call("chat.postMessage", () -> client.chatPostMessage(req -> req
                .channel(channel)
                .threadTs(threadTs.orElse(null))
                .text(message.text())
                .blocksAsString(message.blocksJson())
                .unfurlLinks(false)
                .unfurlMedia(false)));
        return r.getTs();
    }

    public void update(String channel, String ts, SlackMessage message) {
        call("chat.update", () -> client.chatUpdate(req -> req
                .channel(channel)
                .ts(ts)
                .text(message.text())
                .blocksAsString(message.blocksJson())));
    }

    /** Adds an emoji reaction; one that is already there counts as done (a redelivered event may ask twice). */
    public void react(String channel, String ts, String emoji) {
        try {
            call("reactions.add", () -> client.reactionsAdd(req -> req.channel(channel).timestamp(ts).name(emoji)));
        } catch (SlackDeliveryException e) {
            if (!"already_reacted".equals(e.error())) {
                throw e;
            }
        }
    }

    public void ephemeral(String channel, String user, String text) {
        call("chat.postEphemeral", () -> client.chatPostEphemeral(req -> req.channel(channel).user(user).text(text)));
    }

    /** Answers through a slash command's or action's response_url (private to the user by default). */
    public void respond(String responseUrl, String text) {
        if (responseUrl == null || responseUrl.isBlank()) {
            return; // nobody to answer privately (an alert started it)
        }
        try {
            Failsafe.with(rateLimitPolicy("response_url")).run(() -> slack.send(responseUrl, payload(text)));
            observer.accept("response_url", "ok");
        } catch (FailsafeException e) {
            observer.accept("response_url", "exception");
            log.warn("could not answer through response_url: {}", e.getCause() == null ? e.toString() : e.getCause().toString());
        }
    }

    public List<String> userGroupMembers(String userGroupId) {
        UsergroupsUsersListResponse r = call("usergroups.users.list", () -> client.usergroupsUsersList(req -> req.usergroup(userGroupId)));
        return r.getUsers() == null ? List.of() : List.copyOf(r.getUsers());
    }

    private static String payload(String text) {
        return com.slack.api.util.json.GsonFactory.createSnakeCase()
                .toJson(Map.of("response_type", "ephemeral", "text", text, "replace_original", false));
    }

    private <T extends SlackApiTextResponse> T call(String method, CheckedSupplier<T> request) {
        T response;
        try {
            response = Failsafe.with(rateLimitPolicy(method)).get(request);
        } catch (FailsafeException e) {
            observer.accept(method, "exception");
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String error = cause instanceof SlackApiException api && api.getResponse().code() == 429 ? "ratelimited"
                    : cause.getClass().getSimpleName();
            throw new SlackDeliveryException(method, error, cause);
        }
        if (!response.isOk()) {
            observer.accept(method, "error");
            throw new SlackDeliveryException(method, response.getError() == null ? "unknown_error" : response.getError(), null);
        }
        observer.accept(method, "ok");
        return response;
    }

    private <T> RetryPolicy<T> rateLimitPolicy(String method) {
        return RetryPolicy.<T>builder()
                .handleIf(e -> e instanceof SlackApiException api && (api.getResponse().code() == 429 || api.getResponse().code() >= 500)
                        || e instanceof IOException)
                .withMaxRetries(MAX_RETRIES)
                .withDelayFn(ctx -> retryAfter(ctx.getLastException()))
                .onRetry(ev -> {
                    observer.accept(method, "ratelimited");
                    log.info("{} retry {} after {}", method, ev.getAttemptCount(), ev.getLastException().toString());
                })
                .build();
    }

    /** Slack's Retry-After in seconds; 1 s when it gives none; never more than 30 s. */
    static Duration retryAfter(Throwable failure) {
        if (failure instanceof SlackApiException api) {
            String header = api.getResponse().header("Retry-After");
            if (header != null) {
                try {
                    Duration d = Duration.ofSeconds(Long.parseLong(header.trim()));
                    return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
                } catch (NumberFormatException ignored) {
                    // fall through to the default
                }
            }
        }
        return DEFAULT_RETRY_AFTER;
    }
}
