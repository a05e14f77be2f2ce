package dev.investigator.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one class that names the Socket Mode module. It uses {@code bolt-socket-mode}
 * ({@code com.slack.api.bolt.socket_mode.SocketModeApp}); to move to {@code bolt-jakarta-socket-mode}, change
 * the dependency and the import above to {@code com.slack.api.bolt.jakarta_socket_mode.SocketModeApp} — the
 * API is the same. The Java-WebSocket backend keeps the dependency tree small (no javax/Tyrus).
 *
 * <p>The SDK client handles Slack's {@code disconnect} messages ({@code warning}, {@code refresh_requested})
 * by opening a new connection through {@code apps.connections.open}; envelopes Slack could not deliver are
 * delivered again on the new connection. A reconnect replaces only the client's WebSocket session: the client,
 * and with it the {@link DirectMessageQueue} installed in {@link #start()}, stays for the connector's life.
 *
 * <p>{@code TCP_NODELAY} stays off on the app's socket (Nagle can hold back the second and later acks of a burst
 * until the peer's delayed ACK): the SDK keeps its Java-WebSocket client private and offers no socket setting.
 */
final class SocketModeConnector implements AutoCloseable {

    private static final long DISPATCH_DRAIN_MILLIS = 1_000;

    private final String appToken;
    private final App app;
    private final int concurrency;
    private SocketModeApp socketMode;
    private ExecutorService dispatch;

    SocketModeConnector(String appToken, App app, int concurrency) {
        this.appToken = Objects.requireNonNull(appToken);
        this.app = Objects.requireNonNull(app);
        this.concurrency = concurrency;
    }

    synchronized void start() throws Exception {
        dispatch = DirectMessageQueue.newDispatchExecutor();
        try {
            socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket, concurrency);
            socketMode.startAsync();
            // SocketModeApp creates the client and connects in one call, so the first messages (hello, envelopes
            // Slack held for us) may already sit in the SDK's polled queue: the new queue takes them over.
            SocketModeClient client = socketMode.getClient();
            if (client == null) {
                throw new IllegalStateException("Socket Mode client not created");
            }
            DirectMessageQueue direct = new DirectMessageQueue(client.getMessageQueue(), dispatch, client::processMessage);
            client.setMessageQueue(direct);
            direct.drainReplaced();
        } catch (Exception | Error e) {
            dispatch.shutdownNow();
            throw e;
        }
    }

    synchronized boolean connected() {
        if (socketMode == null || socketMode.isClientStopped()) {
            return false;
        }
        SocketModeClient client = socketMode.getClient();
        return client != null && client.verifyConnection();
    }

    /** Stops receiving: Slack delivers anything new to another replica or after the restart. */
    @Override
    public synchronized void close() throws Exception {
        try {
            if (socketMode != null) {
                socketMode.stop();
                socketMode = null;
            }
        } finally {
            if (dispatch != null) {
                // Messages already handed off reach Bolt; anything unacknowledged Slack delivers again.
                dispatch.shutdown();
                if (!dispatch.awaitTermination(DISPATCH_DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                    dispatch.shutdownNow();
                }
                dispatch = null;
            }
        }
    }
}
