package dev.investigator.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The one class that starts Socket Mode. Bolt's {@code SocketModeApp} (from {@code bolt-socket-mode}) starts and
 * stops the app; the connection is {@link NoDelaySocketModeClient}, Java-WebSocket without Nagle's delay, and
 * {@link BoltEnvelopeRunner} runs each envelope through Bolt on the client's dispatch pool of {@code concurrency}
 * threads.
 *
 * <p>Slack's {@code disconnect} messages ({@code warning}, {@code refresh_requested}) make the client open a new
 * connection through {@code apps.connections.open}; envelopes Slack could not deliver are delivered again on the
 * new connection. A reconnect replaces only the WebSocket: the client and its dispatch pool stay for the
 * connector's life.
 */
final class SocketModeConnector implements AutoCloseable {

    private static final long DRAIN_MILLIS = 1_000;

    private final String appToken;
    private final App app;
    private final int concurrency;
    private SocketModeApp socketMode;
    private NoDelaySocketModeClient client;
    private ExecutorService dispatch;

    SocketModeConnector(String appToken, App app, int concurrency) {
        this.appToken = Objects.requireNonNull(appToken);
        this.app = Objects.requireNonNull(app);
        this.concurrency = concurrency;
    }

    synchronized void start() throws Exception {
        dispatch = DirectMessageQueue.newDispatchExecutor(concurrency);
        try {
            client = new NoDelaySocketModeClient(app.slack(), appToken, dispatch);
            client.addWebSocketMessageListener(new BoltEnvelopeRunner(app, client));
            socketMode = new SocketModeApp(client, app);
            // starts the app, asks apps.connections.open for a URL and waits for the connection to open
            socketMode.startAsync();
        } catch (Exception | Error e) {
            closeQuietly();
            throw e;
        }
    }

    synchronized boolean connected() {
        return socketMode != null && !socketMode.isClientStopped() && client.verifyConnection();
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
            closeQuietly();
        }
    }

    private void closeQuietly() {
        if (client != null) {
            client.close();
            client = null;
        }
        // Messages already handed off reach Bolt; anything unacknowledged Slack delivers again.
        if (dispatch != null) {
            dispatch.shutdown();
            try {
                if (!dispatch.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
                    dispatch.shutdownNow();
                }
            } catch (InterruptedException e) {
                dispatch.shutdownNow();
                Thread.currentThread().interrupt();
            }
            dispatch = null;
        }
    }
}
