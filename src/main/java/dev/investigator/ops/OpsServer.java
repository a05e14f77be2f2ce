package dev.investigator.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's window into a running bot, on its own port: {@code /healthz} (liveness: the process answers),
 * {@code /readyz} (readiness: Slack connected and not shutting down, 503 otherwise, with the reasons as JSON) and
 * {@code /metrics} (Prometheus text). Read-only: GET and HEAD only.
 *
 * <p>Runs on the JDK's HTTP server with two threads of its own, so a slow scrape never waits for (or delays) an
 * investigation, and a busy investigation pool never makes the probes time out and the pod restart.
 */
public final class OpsServer implements AutoCloseable {

    public static final String HOST_VARIABLE = "OPS_HOST";
    public static final String PORT_VARIABLE = "OPS_PORT";
    /** All interfaces, so the kubelet's or Docker's probe from outside the container reaches it. */
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final String PLAIN_TEXT = "text/plain; charset=utf-8";
    private static final String JSON = "application/json";
    private static final int THREADS = 2;
    /** Host names and IPv4/IPv6 literals; anything else is a typo, caught before a DNS lookup. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]%]{1,253}");
    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final InvestigatorMetrics metrics;
    private final Supplier<Health> health;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OpsServer(HttpServer server, ExecutorService executor, InvestigatorMetrics metrics, Supplier<Health> health) {
        this.server = server;
        this.executor = executor;
        this.metrics = metrics;
        this.health = health;
    }

    /**
     * Binds and starts serving. Port 0 picks a free port (see {@link #port()}).
     *
     * @throws UncheckedIOException if the address cannot be bound (port taken, no such interface)
     */
    public static OpsServer start(InetSocketAddress bind, InvestigatorMetrics metrics, Supplier<Health> health) {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(health, "health");
        HttpServer server;
        try {
            server = HttpServer.create(bind, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve health and metrics on " + bind + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        OpsServer ops = new OpsServer(server, executor, metrics, health);
        server.createContext("/", ops::handle);
        server.setExecutor(executor);
        server.start();
        return ops;
    }

    /**
     * Where to serve, from {@value #HOST_VARIABLE} (default {@value #DEFAULT_HOST}) and {@value #PORT_VARIABLE}
     * (default {@value #DEFAULT_PORT}; {@code 0} turns the server off: empty).
     *
     * @throws IllegalArgumentException naming the variable, if a value is not a host or a port
     */
    public static Optional<InetSocketAddress> address(Map<String, String> env) {
        String rawPort = env.getOrDefault(PORT_VARIABLE, "").trim();
        int port;
        if (rawPort.isEmpty()) {
            port = DEFAULT_PORT;
        } else {
            try {
                port = Integer.parseInt(rawPort);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(PORT_VARIABLE + " must be a port number from 1 to 65535, or 0 to turn the"
                        + " health and metrics server off; got '" + shorten(rawPort) + "'");
            }
        }
        if (port == 0) {
            return Optional.empty();
        }
        String host = env.getOrDefault(HOST_VARIABLE, "").trim();
        if (host.isEmpty()) {
            host = DEFAULT_HOST;
        }
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException(HOST_VARIABLE + " must be an IP address or host name to listen on"
                    + " (0.0.0.0 for every interface); got '" + shorten(host) + "'");
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException(HOST_VARIABLE + " '" + host + "' does not resolve to an address on this machine");
        }
        return Optional.of(address);
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops listening at once and frees the port; a probe in flight may see its connection closed. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try {
            String method = exchange.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, PLAIN_TEXT, "method not allowed\n", false);
                return;
            }
            switch (exchange.getRequestURI().getPath()) {
                case "/healthz" -> send(exchange, 200, PLAIN_TEXT, "ok\n", head);
                case "/readyz" -> readiness(exchange, head);
                case "/metrics" -> metrics(exchange, head);
                default -> send(exchange, 404, PLAIN_TEXT, "not found\n", head);
            }
        } catch (IOException e) {
            log.debug("ops client went away: {}", e.toString());
        } finally {
            exchange.close();
        }
    }

    private void metrics(HttpExchange exchange, boolean head) throws IOException {
        String text;
        try {
            text = metrics.scrape();
        } catch (RuntimeException e) {
            log.warn("metrics scrape failed", e);
            send(exchange, 500, PLAIN_TEXT, "metrics unavailable\n", head);
            return;
        }
        send(exchange, 200, PROMETHEUS_TEXT, text, head);
    }

    private void readiness(HttpExchange exchange, boolean head) throws IOException {
        Health now;
        try {
            now = Objects.requireNonNull(health.get(), "health supplier returned null");
        } catch (RuntimeException e) {
            // No stack trace: probes come every few seconds and would bury everything else.
            log.warn("readiness check failed: {}", e.toString());
            send(exchange, 503, JSON, "{\"ready\":false,\"error\":\"health check failed\"}", head);
            return;
        }
        send(exchange, now.ready() ? 200 : 503, JSON, now.toJson(), head);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body, boolean head)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (head) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "ops-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
