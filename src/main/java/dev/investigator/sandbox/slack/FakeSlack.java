package dev.investigator.sandbox.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * A local Slack for end-to-end tests and the benchmark: the Web API over HTTP and the Socket Mode server over a
 * WebSocket, both on 127.0.0.1, so the real Bolt app runs in-process against it the way Slack's own Bolt tests do:
 * <pre>{@code
 * try (FakeSlack slack = FakeSlack.start()) {
 *     SlackConfig config = new SlackConfig();
 *     config.setMethodsEndpointUrlPrefix(slack.apiUrl());     // every Web API call, apps.connections.open too
 *     App app = new App(AppConfig.builder().singleTeamBotToken(FakeSlack.BOT_TOKEN)
 *             .slack(Slack.getInstance(config)).build());
 *     SocketModeApp socketMode = new SocketModeApp(FakeSlack.APP_TOKEN, app, SocketModeClient.Backend.JavaWebSocket);
 *     socketMode.startAsync();
 *     String envelope = slack.sendSlashCommand(new SlashCommand("/investigate", "checkout 30m", ...));
 *     slack.awaitAck(envelope, Duration.ofSeconds(3));
 *     slack.awaitCall("chat.postMessage", call -> call.param("channel").equals("C0ALERTS"), Duration.ofSeconds(5));
 * }
 * }</pre>
 * Slack's behaviour it keeps: only {@link #BOT_TOKEN} and {@link #APP_TOKEN} authenticate (anything else is
 * {@code invalid_auth}, HTTP 200); method errors are HTTP 200 {@code {"ok":false,"error":...}}; rate limits are
 * HTTP 429 with {@code Retry-After}; message ts are unique and increasing; a Socket Mode URL is single-use; each
 * connection gets a {@code hello}; nothing sent while no connection is open is lost. Every request and ack is
 * recorded, and the {@code await...} methods block on conditions (never sleep) and fail with what was seen (an
 * {@link AssertionError}, as tests are its main users). It lives in main code, beside the simulated vendor APIs, so
 * {@code investigator bench} can run the real Slack app against it; it knows neither Bolt nor the Slack SDK.
 */
public final class FakeSlack implements AutoCloseable {

    /** The only bot token the fake accepts (16+ characters: Bolt caches auth.test by a token prefix). */
    public static final String BOT_TOKEN = "xoxb-fake-bot-token-0001";
    /** The only app-level token the fake accepts, for {@code apps.connections.open}. */
    public static final String APP_TOKEN = "xapp-fake-app-token-0001";
    /** The bot's user id, as {@code auth.test} reports it ({@code user_id}). */
    public static final String BOT_USER_ID = "U0BOT";
    /** The bot id, as {@code auth.test} reports it and as the bot's own messages carry it. */
    public static final String BOT_ID = "B0BOT";
    public static final String TEAM_ID = "T0FAKE";
    public static final String APP_ID = "A0FAKE";

    private final Channels channels;
    private final Faults faults;
    private final WebApiMethods methods;
    private final Envelopes envelopes;
    private final WebApiServer web;
    private final SocketModeServer socket;
    private final Journal<ApiCall> calls;
    private final Journal<ResponsePost> responses;
    private final Journal<Ack> acks;
    private final Messages messages;
    private final AtomicBoolean closed = new AtomicBoolean();

    private FakeSlack(Channels channels, Faults faults, WebApiMethods methods, Envelopes envelopes,
                      WebApiServer web, SocketModeServer socket, Journal<ApiCall> calls,
                      Journal<ResponsePost> responses, Journal<Ack> acks, Messages messages) {
        this.messages = messages;
        this.channels = channels;
        this.faults = faults;
        this.methods = methods;
        this.envelopes = envelopes;
        this.web = web;
        this.socket = socket;
        this.calls = calls;
        this.responses = responses;
        this.acks = acks;
    }

    /** Starts both servers on free loopback ports, timestamps by the system clock. */
    public static FakeSlack start() {
        return start(Clock.systemUTC());
    }

    /** Starts both servers; {@code clock} dates recorded calls and makes message ts (still strictly increasing). */
    public static FakeSlack start(Clock clock) {
        Json json = new Json();
        Fixtures fixtures = Fixtures.load(json);
        Channels channels = new Channels();
        Messages messages = new Messages();
        SlackTs ts = new SlackTs(clock);
        Envelopes envelopes = new Envelopes(json, fixtures, channels, messages, ts, clock);
        Journal<Ack> acks = new Journal<>();
        SocketModeServer socket = SocketModeServer.start(envelopes, acks, json);
        Faults faults = new Faults();
        WebApiMethods methods = new WebApiMethods(json, fixtures, channels, messages, ts, clock, socket::issueUrl);
        Journal<ApiCall> calls = new Journal<>();
        Journal<ResponsePost> responses = new Journal<>();
        try {
            WebApiServer web = WebApiServer.start(new WebApi(methods, faults), calls, responses, json, clock);
            return new FakeSlack(channels, faults, methods, envelopes, web, socket, calls, responses, acks, messages);
        } catch (IOException e) {
            socket.shutdown();
            throw new UncheckedIOException("cannot start the fake Slack Web API", e);
        }
    }

    /**
     * Stops both servers and frees their ports; open Socket Mode connections are closed (1001 going away).
     * Stop the app first, or its client will keep trying to reconnect. Closing twice is harmless.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            web.close();
            socket.shutdown();
        }
    }

    // ---- addresses ----

    /** For {@code SlackConfig.setMethodsEndpointUrlPrefix}: {@code http://127.0.0.1:<port>/api/}. */
    public String apiUrl() {
        return web.apiUrl();
    }

    /** Where response_urls point: {@code http://127.0.0.1:<port>/response/}; each payload gets its own id. */
    public String responseUrlBase() {
        return web.responseUrlBase();
    }

    // ---- the workspace ----

    /** Declares a channel public or private (the bot is a member unless {@link #botNotIn} says otherwise). */
    public FakeSlack channel(String channelId, boolean isPrivate) {
        channels.define(channelId, isPrivate);
        return this;
    }

    /**
     * The bot is not in this channel: posting is {@code not_in_channel} (public) or {@code channel_not_found}
     * (private, as the bot cannot see it); {@code conversations.info} says {@code is_member: false}.
     */
    public FakeSlack botNotIn(String channelId) {
        channels.botNotIn(channelId);
        return this;
    }

    /** No such channel: every method about it answers {@code channel_not_found}. */
    public FakeSlack unknownChannel(String channelId) {
        channels.markUnknown(channelId);
        return this;
    }

    /** A user group ({@code S...}) and its members, for {@code usergroups.users.list}. */
    public FakeSlack userGroup(String groupId, String... userIds) {
        methods.userGroup(groupId, Arrays.asList(userIds));
        return this;
    }

    // ---- faults ----

    /**
     * The next {@code times} calls of {@code method} get HTTP 429, {@code Retry-After: <retryAfterSeconds>} and
     * {@code {"ok":false,"error":"ratelimited"}}; the call after that is served normally.
     */
    public FakeSlack rateLimit(String method, int times, int retryAfterSeconds) {
        faults.rateLimit(method, times, retryAfterSeconds);
        return this;
    }

    /** The next call of {@code method} gets {@code {"ok":false,"error":<error>}}; repeated calls queue up. */
    public FakeSlack failNext(String method, String error) {
        faults.failNext(method, error);
        return this;
    }

    // ---- what the app called ----

    /** Every Web API request received, in arrival order, failed and rate-limited ones included. */
    public List<ApiCall> calls() {
        return calls.all();
    }

    public List<ApiCall> calls(String method) {
        return calls.matching(c -> c.method().equals(method));
    }

    /** The first call of {@code method} that matches, waiting up to {@code timeout}; else an AssertionError. */
    public ApiCall awaitCall(String method, Predicate<ApiCall> match, Duration timeout) {
        Objects.requireNonNull(match, "match");
        return calls.awaitFirst(c -> c.method().equals(method) && match.test(c), timeout,
                "a matching " + method + " call");
    }

    /** The first {@code count} calls of {@code method}, waiting up to {@code timeout}; else an AssertionError. */
    public List<ApiCall> awaitCalls(String method, int count, Duration timeout) {
        return calls.awaitCount(c -> c.method().equals(method), count, timeout, method + " calls");
    }

    /** Every POST to a response_url, in arrival order. */
    /**
     * The messages the channel holds as they are now (posted by the app, delivered as events), first posted first:
     * each has its {@code ts}, {@code thread_ts} for replies, {@code text} and {@code blocks}.
     */
    public List<com.fasterxml.jackson.databind.JsonNode> messages(String channelId) {
        return List.copyOf(messages.in(channelId));
    }

    public List<ResponsePost> responses() {
        return responses.all();
    }

    /** The first response_url post that matches, waiting up to {@code timeout}; else an AssertionError. */
    public ResponsePost awaitResponse(Predicate<ResponsePost> match, Duration timeout) {
        return responses.awaitFirst(match, timeout, "a matching response_url post");
    }

    // ---- Socket Mode ----

    /** Socket Mode connections opened since start, closed ones included (a reconnect makes it 2). */
    public int connections() {
        return socket.connections();
    }

    /**
     * Every Socket Mode connection opened since start, closed ones included, in order, each with the
     * {@link System#nanoTime()} at which the fake sent its {@code hello} (the moment the app is connected).
     */
    public List<SocketConnection> connectionLog() {
        return socket.connectionLog();
    }

    /** Socket Mode connections open right now. */
    public int openConnections() {
        return socket.openConnections();
    }

    /** Waits until {@link #connections()} reaches {@code n}; by then, queued envelopes have been sent. */
    public void awaitConnections(int n, Duration timeout) {
        socket.awaitConnections(n, timeout);
    }

    /** Sends a {@code slash_commands} envelope; returns its envelope_id. */
    public String sendSlashCommand(SlashCommand command) {
        return send(envelopes.slashCommand(command, web.newResponseUrl()));
    }

    /**
     * Sends several {@code slash_commands} envelopes as one burst, the way Slack delivers a busy moment: every
     * envelope is built first, then all are written back to back. Returns their envelope_ids, in order.
     */
    public List<String> sendSlashCommands(List<SlashCommand> commands) {
        List<Envelopes.Envelope> built = commands.stream()
                .map(c -> envelopes.slashCommand(c, web.newResponseUrl())).toList();
        socket.sendAll(built);
        return built.stream().map(Envelopes.Envelope::id).toList();
    }

    /** Sends an {@code interactive} {@code block_actions} envelope for a button click; returns its envelope_id. */
    public String sendBlockAction(BlockAction action) {
        return send(envelopes.blockAction(action, web.newResponseUrl()));
    }

    /** Sends an {@code events_api} envelope with a {@code message} event; returns its envelope_id. */
    public String sendMessageEvent(MessageEvent message) {
        return send(envelopes.messageEvent(message));
    }

    /**
     * Sends any Events API event (e.g. a {@code message_changed} or {@code app_mention} JSON object) wrapped in
     * a real {@code events_api} envelope; returns its envelope_id.
     */
    public String sendEvent(String eventJson) {
        return send(envelopes.event(eventJson));
    }

    /**
     * Sends an envelope again with the same envelope_id, {@code retry_attempt} one higher and {@code retry_reason}
     * {@code "timeout"}, as Slack does when an ack came late (Slack retries Events API envelopes).
     */
    public String redeliver(String envelopeId) {
        socket.send(envelopeId, envelopes.redelivery(socket.sentJson(envelopeId)));
        return envelopeId;
    }

    /**
     * Sends {@code {"type":"disconnect","reason":...}} to every open connection: {@code warning},
     * {@code refresh_requested}, {@code link_disabled} or {@code too_many_websockets}. Those connections get no
     * more envelopes; what is sent next waits for the client's new connection.
     */
    public void sendDisconnect(String reason) {
        Disconnects.requireKnown(reason);
        socket.disconnect(reason);
    }

    /** Closes every Socket Mode connection abruptly (no close frame), like a network failure. */
    public void dropConnections() {
        socket.drop();
    }

    /** The first ack for that envelope, waiting up to {@code timeout}; else an AssertionError. */
    public Ack awaitAck(String envelopeId, Duration timeout) {
        return acks.awaitFirst(a -> a.envelopeId().equals(envelopeId), timeout, "the ack of " + envelopeId);
    }

    /** The first {@code count} acks for that envelope (one per delivery), waiting up to {@code timeout}. */
    public List<Ack> awaitAcks(String envelopeId, int count, Duration timeout) {
        return acks.awaitCount(a -> a.envelopeId().equals(envelopeId), count, timeout, "acks of " + envelopeId);
    }

    /** Every ack received, in arrival order (a redelivered envelope acked twice appears twice). */
    public List<Ack> acks() {
        return acks.all();
    }

    private String send(Envelopes.Envelope envelope) {
        socket.send(envelope.id(), envelope.json());
        return envelope.id();
    }
}
