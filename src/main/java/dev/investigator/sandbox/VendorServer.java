package dev.investigator.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One vendor's fake API on its own loopback port. It counts requests and delays answers by the configured
 * latency without holding a worker thread: the reply is computed at once, then a scheduler hands the write back
 * to the worker pool when the latency has elapsed (the JDK server lets a handler finish an exchange later).
 */
final class VendorServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VendorServer.class);

    private final String vendor;
    private final VendorApi api;
    private final Duration latency;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong requests = new AtomicLong();
    private HttpServer server;

    VendorServer(String vendor, VendorApi api, Duration latency, Executor workers,
                 ScheduledExecutorService scheduler) {
        this.vendor = vendor;
        this.api = api;
        this.latency = latency;
        this.workers = workers;
        this.scheduler = scheduler;
    }

    /** Binds 127.0.0.1 on a free port and starts serving. */
    void start() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        s.createContext("/", this::serve);
        s.setExecutor(workers);
        s.start();
        server = s;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    long requests() {
        return requests.get();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void serve(HttpExchange exchange) {
        long received = System.nanoTime();
        requests.incrementAndGet();
        HttpReply reply;
        try {
            SandboxRequest request = SandboxRequest.read(exchange);
            reply = api.handle(request);
            log.debug("{} {} {} -> {}", vendor, request.method(), request.path(), reply.status());
        } catch (IOException e) {
            log.debug("{}: client went away while sending its request", vendor);
            exchange.close();
            return;
        } catch (RuntimeException e) {
            log.warn("{} simulation failed on {}", vendor, exchange.getRequestURI().getPath(), e);
            reply = api.internalError();
        }
        long waitNanos = latency.toNanos() - (System.nanoTime() - received);
        if (waitNanos <= 0) {
            write(exchange, reply);
            return;
        }
        HttpReply delayed = reply;
        try {
            scheduler.schedule(() -> workers.execute(() -> write(exchange, delayed)), waitNanos,
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            exchange.close(); // shutting down
        }
    }

    private void write(HttpExchange exchange, HttpReply reply) {
        try (exchange) {
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = reply.body();
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            log.debug("{}: client went away before the reply was written", vendor);
        }
    }
}
