package dev.investigator.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.util.Objects;

/**
 * The one class that names the Socket Mode module. It uses {@code bolt-socket-mode}
 * ({@code com.slack.api.bolt.socket_mode.SocketModeApp}); to move to {@code bolt-jakarta-socket-mode}, change
 * the dependency and the import above to {@code com.slack.api.bolt.jakarta_socket_mode.SocketModeApp} — the
 * API is the same. The Java-WebSocket backend keeps the dependency tree small (no javax/Tyrus).
 *
 * <p>The SDK client handles Slack's {@code disconnect} messages ({@code warning}, {@code refresh_requested})
 * by opening a new connection through {@code apps.connections.open}; envelopes Slack could not deliver are
 * delivered again on the new connection.
 */
final class SocketModeConnector implements AutoCloseable {

    private final String appToken;
    private final App app;
    private final int concurrency;
    private SocketModeApp socketMode;

    SocketModeConnector(String appToken, App app, int concurrency) {
        this.appToken = Objects.requireNonNull(appToken);
        this.app = Objects.requireNonNull(app);
        this.concurrency = concurrency;
    }

    synchronized void start() throws Exception {
        socketMode = new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket, concurrency);
        socketMode.startAsync();
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
        if (socketMode != null) {
            socketMode.stop();
            socketMode = null;
        }
    }
}
