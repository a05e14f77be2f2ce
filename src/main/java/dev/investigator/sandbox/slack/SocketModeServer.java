package dev.investigator.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket Mode side of the fake, on 127.0.0.1. Like Slack's: a connection needs a fresh single-use ticket
 * from {@code apps.connections.open}; each new connection gets a {@code hello}; an envelope goes to one open
 * connection (the newest), and one sent while none is open waits and goes to the next that opens, so nothing
 * sent during a reconnect is lost. After a {@code disconnect} message a connection gets no new envelopes: the
 * client is expected to open a new one (Slack then closes the old; here the client does).
 */
final class SocketModeServer extends WebSocketServer {

    private static final Logger log = LoggerFactory.getLogger(SocketModeServer.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private record Pending(String envelopeId, String json) {
    }

    private final Envelopes envelopes;
    private final Journal<Ack> acks;
    private final Journal<SocketConnection> opened = new Journal<>();
    private final Json json;
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicReference<Exception> startFailure = new AtomicReference<>();
    private final AtomicInteger connectionNumbers = new AtomicInteger();

    // A private lock, not `this`: the WebSocketServer base class is not ours to lock. Calls that may close a
    // socket (and so re-enter onClose from inside Java-WebSocket's own lock) run outside it.
    private final Object lock = new Object();
    // Guarded by lock: which sockets are open, which of them still take envelopes, and what waits for one.
    private final List<WebSocket> open = new ArrayList<>();
    private final List<WebSocket> deliverable = new ArrayList<>();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Map<String, String> sentJson = new HashMap<>();
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();

    private SocketModeServer(Envelopes envelopes, Journal<Ack> acks, Json json) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.envelopes = envelopes;
        this.acks = acks;
        this.json = json;
    }

    static SocketModeServer start(Envelopes envelopes, Journal<Ack> acks, Json json) {
        SocketModeServer server = new SocketModeServer(envelopes, acks, json);
        server.setReuseAddr(true);
        // Slack's Socket Mode front end (Envoy) sends without Nagle's delay; without this the fake would hold a
        // burst of envelopes back until the client's delayed TCP ACK, and charge that to the app's ack latency.
        server.setTcpNoDelay(true);
        server.setDaemon(true);
        server.start();
        try {
            if (!server.started.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("Socket Mode server did not start within " + START_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Socket Mode server", e);
        }
        if (server.startFailure.get() != null) {
            throw new IllegalStateException("Socket Mode server failed to start", server.startFailure.get());
        }
        return server;
    }

    /** What {@code apps.connections.open} returns: this server's URL with a new single-use ticket. */
    String issueUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=" + ticket + "&app_id=" + FakeSlack.APP_ID;
    }

    /** Connections opened since start, closed ones included. */
    int connections() {
        return opened.size();
    }

    int openConnections() {
        synchronized (lock) {
            return open.size();
        }
    }

    void awaitConnections(int n, Duration timeout) {
        opened.awaitCount(c -> true, n, timeout, n + " Socket Mode connection(s)");
    }

    /** Every connection opened since start, in order, with when its hello went out. */
    List<SocketConnection> connectionLog() {
        return opened.all();
    }

    /** Sends the envelope to the newest connection that takes envelopes, or keeps it for the next one. */
    void send(String envelopeId, String envelopeJson) {
        synchronized (lock) {
            sentJson.put(envelopeId, envelopeJson);
            while (!deliverable.isEmpty()) {
                WebSocket target = deliverable.get(deliverable.size() - 1);
                if (write(target, envelopeId, envelopeJson)) {
                    return;
                }
                deliverable.remove(target);
            }
            pending.add(new Pending(envelopeId, envelopeJson));
        }
    }

    /** Sends envelopes back to back under one lock, so nothing the fake does comes between them. */
    void sendAll(List<Envelopes.Envelope> batch) {
        synchronized (lock) {
            for (Envelopes.Envelope envelope : batch) {
                send(envelope.id(), envelope.json());
            }
        }
    }

    /** The JSON last sent (or queued) under that envelope id. */
    String sentJson(String envelopeId) {
        synchronized (lock) {
            String sent = sentJson.get(envelopeId);
            if (sent == null) {
                throw new IllegalArgumentException("no envelope " + envelopeId + " was sent");
            }
            return sent;
        }
    }

    /** Tells every open connection to go away; none of them gets another envelope. */
    void disconnect(String reason) {
        List<WebSocket> told;
        String message;
        synchronized (lock) {
            message = envelopes.disconnect(reason, open.size());
            told = List.copyOf(open);
            deliverable.clear();
        }
        for (WebSocket socket : told) {
            try {
                socket.send(message);
            } catch (WebsocketNotConnectedException e) {
                log.debug("connection closed before the disconnect message");
            }
        }
    }

    /** Closes every connection at the TCP level, without a close frame, like a network failure. */
    void drop() {
        List<WebSocket> dropped;
        synchronized (lock) {
            dropped = List.copyOf(open);
            deliverable.clear();
        }
        for (WebSocket socket : dropped) {
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by FakeSlack");
        }
    }

    void shutdown() {
        try {
            stop((int) Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder response = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        String ticket = ticketOf(request.getResourceDescriptor());
        if (ticket == null || !tickets.remove(ticket)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION,
                    "unknown or used ticket; call apps.connections.open for a new URL");
        }
        return response;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        long helloNanos;
        synchronized (lock) {
            open.add(conn);
            deliverable.add(conn);
            helloNanos = System.nanoTime();
            conn.send(envelopes.hello(open.size()));
            while (!pending.isEmpty()) {
                Pending next = pending.peek();
                if (!write(conn, next.envelopeId(), next.json())) {
                    break;
                }
                pending.poll();
            }
        }
        // Counted last: once awaitConnections(n) returns, queued envelopes are already on their way.
        opened.add(new SocketConnection(connectionNumbers.incrementAndGet(), helloNanos));
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        synchronized (lock) {
            open.remove(conn);
            deliverable.remove(conn);
        }
        log.debug("Socket Mode connection closed: {} {}", code, reason);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        long arrived = System.nanoTime();
        JsonNode node = json.parseOrNull(message);
        if (node == null || !node.hasNonNull("envelope_id")) {
            log.debug("ignoring a Socket Mode message that is not an ack");
            return;
        }
        String envelopeId = node.get("envelope_id").asText();
        JsonNode payload = node.get("payload");
        acks.add(new Ack(envelopeId, payload == null || payload.isNull() ? null : json.write(payload),
                sentNanos.getOrDefault(envelopeId, -1L), arrived));
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            startFailure.compareAndSet(null, ex);
            started.countDown();
        } else {
            log.debug("Socket Mode connection error", ex);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    private boolean write(WebSocket target, String envelopeId, String envelopeJson) {
        try {
            sentNanos.put(envelopeId, System.nanoTime());
            target.send(envelopeJson);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    private static String ticketOf(String resourceDescriptor) {
        String query = URI.create(resourceDescriptor).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("ticket=")) {
                return pair.substring("ticket=".length());
            }
        }
        return null;
    }
}
