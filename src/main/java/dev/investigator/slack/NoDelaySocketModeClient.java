package dev.investigator.slack;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.listener.EnvelopeListener;
import com.slack.api.socket_mode.listener.WebSocketCloseListener;
import com.slack.api.socket_mode.listener.WebSocketErrorListener;
import com.slack.api.socket_mode.listener.WebSocketMessageListener;
import com.slack.api.socket_mode.queue.SocketModeMessageQueue;
import com.slack.api.socket_mode.request.EventsApiEnvelope;
import com.slack.api.socket_mode.request.InteractiveEnvelope;
import com.slack.api.socket_mode.request.SlashCommandsEnvelope;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode client the connector runs Bolt on. It keeps the SDK's {@link SocketModeClient} contract — the
 * interface's own methods still parse each message, open a new connection on Slack's {@code disconnect} and call
 * the listeners — over a Java-WebSocket connection of its own, for two reasons:
 *
 * <ul>
 *   <li>{@code TCP_NODELAY}. The SDK's {@code SocketModeClientJavaWSImpl} keeps its WebSocket private, so Nagle's
 *       algorithm stayed on: in a burst, every ack after the first waited for Slack's delayed TCP ACK (40 ms on
 *       Linux). The bench's 50-command burst had ack p50 99 ms with it and 46 ms without the delay.</li>
 *   <li>No polling. The SDK's clients queue every inbound message for ten tasks that each look every 10 ms; here
 *       each message goes straight to {@link DirectMessageQueue}'s dispatch pool, so no pollers are started.</li>
 * </ul>
 *
 * <p>A reconnect (Slack's {@code disconnect}, or the session monitor finding no pong) opens the new connection
 * and waits for it before closing the old one, so envelopes keep arriving on one or the other.
 */
final class NoDelaySocketModeClient implements SocketModeClient {

    private static final Logger log = LoggerFactory.getLogger(NoDelaySocketModeClient.class);
    /** How long a new connection may take to open before the attempt counts as failed. */
    private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(10);
    /** How long {@link #verifyConnection()} waits for the pong, as the SDK's clients do. */
    private static final Duration PONG_TIMEOUT = Duration.ofSeconds(3);
    /** After a failed reconnect the session monitor waits this long before the next try, as the SDK's clients do. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

    private final Slack slack;
    private final Gson gson;
    private volatile String appToken;
    private volatile URI wssUri;
    private volatile boolean autoReconnectEnabled;
    private volatile boolean autoReconnectOnCloseEnabled;
    private volatile boolean sessionMonitorEnabled = true;
    private volatile SocketModeMessageQueue messageQueue;
    private volatile ScheduledExecutorService messageProcessorExecutor;
    private volatile Optional<ScheduledExecutorService> sessionMonitorExecutor = Optional.empty();
    private volatile Session current;

    private final List<WebSocketMessageListener> webSocketMessageListeners = new CopyOnWriteArrayList<>();
    private final List<EnvelopeListener<EventsApiEnvelope>> eventsApiEnvelopeListeners = new CopyOnWriteArrayList<>();
    private final List<EnvelopeListener<SlashCommandsEnvelope>> slashCommandsEnvelopeListeners = new CopyOnWriteArrayList<>();
    private final List<EnvelopeListener<InteractiveEnvelope>> interactiveEnvelopeListeners = new CopyOnWriteArrayList<>();
    private final List<WebSocketErrorListener> webSocketErrorListeners = new CopyOnWriteArrayList<>();
    private final List<WebSocketCloseListener> webSocketCloseListeners = new CopyOnWriteArrayList<>();

    /**
     * @param dispatch runs {@code processMessage} for each inbound message (see {@link DirectMessageQueue})
     */
    NoDelaySocketModeClient(Slack slack, String appToken, Executor dispatch) {
        this.slack = Objects.requireNonNull(slack);
        this.appToken = Objects.requireNonNull(appToken);
        // snake_case, as the SDK's clients: acks built from SocketModeResponse objects need "envelope_id"
        this.gson = GsonFactory.createSnakeCase(slack.getConfig());
        this.messageQueue = new DirectMessageQueue(dispatch, this::processMessage);
    }

    /** Opens a connection to {@link #getWssUri()} and waits for it; an open one it replaces is closed after. */
    @Override
    public synchronized void connect() throws IOException {
        URI uri = wssUri;
        if (uri == null) {
            throw new IOException("no Socket Mode URL yet: connectToNewEndpoint() asks apps.connections.open for one");
        }
        startSessionMonitorOnce();
        Session next = new Session(uri, this);
        try {
            if (!next.connectBlocking(OPEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                next.close();
                throw new IOException("the Socket Mode connection did not open within " + OPEN_TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            next.close();
            throw new IOException("interrupted while opening the Socket Mode connection", e);
        }
        Session previous = current;
        current = next;
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void connectToNewEndpoint() throws IOException {
        try {
            setWssUri(new URI(slack.issueSocketModeUrl(appToken)));
        } catch (URISyntaxException e) {
            throw new IOException("apps.connections.open returned a URL that is not one", e);
        }
        connect();
    }

    /** Pings and waits up to 3 s for the pong: an open socket alone does not prove Slack still hears it. */
    @Override
    public boolean verifyConnection() {
        Session session = current;
        if (session == null || !session.isOpen()) {
            return false;
        }
        try {
            CompletableFuture<Void> pong = session.nextPong();
            session.sendPing();
            pong.get(PONG_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException | ExecutionException | WebsocketNotConnectedException e) {
            log.info("Socket Mode connection did not answer a ping: {}", e.toString());
            return false;
        }
    }

    @Override
    public long maintainCurrentSession() {
        if (isAutoReconnectEnabled() && !verifyConnection()) {
            try {
                connectToNewEndpoint();
            } catch (IOException e) {
                log.error("Failed to open a new Socket Mode connection: {}", e.getMessage(), e);
                return System.currentTimeMillis() + RETRY_AFTER_FAILURE.toMillis();
            }
        }
        return System.currentTimeMillis();
    }

    @Override
    public void disconnect() {
        setAutoReconnectEnabled(false);
        Session session = current;
        if (session != null) {
            session.close();
        }
    }

    /** Disconnects and stops the session monitor; no message processor pool exists to stop. */
    @Override
    public void close() {
        disconnect();
        sessionMonitorExecutor.ifPresent(ScheduledExecutorService::shutdownNow);
    }

    @Override
    public void sendWebSocketMessage(String message) {
        Session session = current;
        if (session == null) {
            throw new WebsocketNotConnectedException();
        }
        session.send(message);
    }

    /** Whether the open connection's socket sends without Nagle's delay; false when none is open. */
    boolean sendsWithoutDelay() throws SocketException {
        Session session = current;
        Socket socket = session == null ? null : session.getSocket();
        return socket != null && !socket.isClosed() && socket.getTcpNoDelay();
    }

    private synchronized void startSessionMonitorOnce() {
        if (sessionMonitorExecutor.isEmpty()) {
            initializeSessionMonitorExecutor(DEFAULT_SESSION_MONITOR_INTERVAL_MILLISECONDS);
        }
    }

    private void closed(Session session, int code, String reason) {
        log.info("Socket Mode connection closed (code: {}, reason: {})", code, reason);
        // A session this client already replaced closing is expected; only the current one's close is news.
        if (session == current && code >= 1000) {
            runCloseListenersAndAutoReconnectAsNecessary(code, reason);
        }
    }

    /** One WebSocket connection, sending without Nagle's delay. */
    private static final class Session extends WebSocketClient {

        private final NoDelaySocketModeClient owner;
        private final AtomicReference<CompletableFuture<Void>> pong = new AtomicReference<>(new CompletableFuture<>());

        Session(URI uri, NoDelaySocketModeClient owner) {
            super(uri);
            this.owner = owner;
            setTcpNoDelay(true);
        }

        CompletableFuture<Void> nextPong() {
            return pong.get();
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            log.info("Socket Mode connection open");
        }

        @Override
        public void onMessage(String message) {
            owner.enqueueMessage(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            owner.closed(this, code, reason);
        }

        @Override
        public void onError(Exception e) {
            log.error("Socket Mode connection error: {}", e.toString());
            owner.runErrorListeners(e);
        }

        @Override
        public void onWebsocketPong(WebSocket conn, Framedata frame) {
            pong.getAndSet(new CompletableFuture<>()).complete(null);
        }
    }

    // ---- the SDK contract's plain accessors

    @Override
    public Slack getSlack() {
        return slack;
    }

    /** The client is bound to the {@code Slack} it was made with (its config sets the API URL). */
    @Override
    public void setSlack(Slack slack) {
        throw new UnsupportedOperationException("NoDelaySocketModeClient keeps the Slack instance it was created with");
    }

    @Override
    public Gson getGson() {
        return gson;
    }

    @Override
    public String getAppToken() {
        return appToken;
    }

    @Override
    public void setAppToken(String appToken) {
        this.appToken = Objects.requireNonNull(appToken);
    }

    @Override
    public URI getWssUri() {
        return wssUri;
    }

    @Override
    public void setWssUri(URI wssUri) {
        this.wssUri = wssUri;
    }

    @Override
    public boolean isAutoReconnectEnabled() {
        return autoReconnectEnabled;
    }

    @Override
    public void setAutoReconnectEnabled(boolean autoReconnectEnabled) {
        this.autoReconnectEnabled = autoReconnectEnabled;
    }

    @Override
    public boolean isAutoReconnectOnCloseEnabled() {
        return autoReconnectOnCloseEnabled;
    }

    @Override
    public void setAutoReconnectOnCloseEnabled(boolean autoReconnectOnCloseEnabled) {
        this.autoReconnectOnCloseEnabled = autoReconnectOnCloseEnabled;
    }

    @Override
    public boolean isSessionMonitorEnabled() {
        return sessionMonitorEnabled;
    }

    @Override
    public void setSessionMonitorEnabled(boolean sessionMonitorEnabled) {
        this.sessionMonitorEnabled = sessionMonitorEnabled;
    }

    @Override
    public Optional<ScheduledExecutorService> getSessionMonitorExecutor() {
        return sessionMonitorExecutor;
    }

    @Override
    public void setSessionMonitorExecutor(Optional<ScheduledExecutorService> executorService) {
        this.sessionMonitorExecutor = Objects.requireNonNull(executorService);
    }

    @Override
    public SocketModeMessageQueue getMessageQueue() {
        return messageQueue;
    }

    @Override
    public void setMessageQueue(SocketModeMessageQueue messageQueue) {
        this.messageQueue = Objects.requireNonNull(messageQueue);
    }

    /** Null unless set: this client starts no pollers (see {@link DirectMessageQueue}). */
    @Override
    public ScheduledExecutorService getMessageProcessorExecutor() {
        return messageProcessorExecutor;
    }

    @Override
    public void setMessageProcessorExecutor(ScheduledExecutorService executorService) {
        this.messageProcessorExecutor = executorService;
    }

    @Override
    public List<WebSocketMessageListener> getWebSocketMessageListeners() {
        return webSocketMessageListeners;
    }

    @Override
    public List<EnvelopeListener<EventsApiEnvelope>> getEventsApiEnvelopeListeners() {
        return eventsApiEnvelopeListeners;
    }

    @Override
    public List<EnvelopeListener<SlashCommandsEnvelope>> getSlashCommandsEnvelopeListeners() {
        return slashCommandsEnvelopeListeners;
    }

    @Override
    public List<EnvelopeListener<InteractiveEnvelope>> getInteractiveEnvelopeListeners() {
        return interactiveEnvelopeListeners;
    }

    @Override
    public List<WebSocketErrorListener> getWebSocketErrorListeners() {
        return webSocketErrorListeners;
    }

    @Override
    public List<WebSocketCloseListener> getWebSocketCloseListeners() {
        return webSocketCloseListeners;
    }
}
