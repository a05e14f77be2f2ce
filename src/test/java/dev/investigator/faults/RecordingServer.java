package dev.investigator.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A local vendor API: a {@link MockWebServer} that answers each request through a {@link Responder} (which sees
 * how many times that path has been asked) and keeps every request with its arrival time, so a test can count
 * what the real client sent, and when.
 */
final class RecordingServer implements AutoCloseable {

    /** One request as it reached the fake. */
    record Hit(String method, String path, HttpUrl url, Headers headers, String body, long nanoTime) {

        /** Everything a vendor could read from the request except its headers: method, URL and body. */
        String requestText() {
            return method + " " + url + "\n" + body;
        }
    }

    @FunctionalInterface
    interface Responder {
        /** @param attempt 1 for the first request to {@code path}, 2 for the second, ... */
        MockResponse respond(RecordedRequest request, String path, int attempt);
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    RecordingServer(Responder responder) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                long arrived = System.nanoTime();
                String path = request.getUrl().encodedPath();
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                hits.add(new Hit(request.getMethod(), path, request.getUrl(), request.getHeaders(), body, arrived));
                int attempt = attempts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                try {
                    return responder.respond(request, path, attempt);
                } catch (RuntimeException e) {
                    // A bug in a fake must show as a failing test, not as a hung client.
                    return new MockResponse.Builder().code(599).body("fake failed: " + e).build();
                }
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://host:port}, no trailing slash. */
    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    URI uri() {
        return server.url("/").uri();
    }

    List<Hit> hits() {
        return List.copyOf(hits);
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    int count(String path) {
        return hits(path).size();
    }

    /** Forgets the requests seen so far (attempt numbers start again at 1). */
    void reset() {
        hits.clear();
        attempts.clear();
    }

    @Override
    public void close() {
        server.close();
    }
}
