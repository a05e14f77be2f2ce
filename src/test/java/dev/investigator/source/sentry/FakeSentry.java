package dev.investigator.source.sentry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A local Sentry: a {@link MockWebServer} whose dispatcher answers by path (and pagination cursor) with scripted
 * responses. The last response scripted for a route repeats, so "always 503" is one line. Every request is kept
 * so tests can count what the real client sent.
 */
final class FakeSentry implements AutoCloseable {

    static final String ORG = "acme";
    static final String TOKEN = "sntrys_eyJpYXQiOjE3MzIwMDAwMDB9_FAKEtokenForTests0123456789";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, Deque<MockResponse>> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new ArrayList<>();

    FakeSentry() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (requests) {
                    requests.add(request);
                }
                Deque<MockResponse> queue = routes.get(key(request.getUrl().encodedPath(),
                        request.getUrl().queryParameter("cursor")));
                if (queue == null) {
                    return json(404, "{\"detail\":\"fake Sentry: no route for " + request.getUrl().encodedPath() + "\"}");
                }
                synchronized (queue) {
                    return queue.size() > 1 ? queue.poll() : queue.peek();
                }
            }
        });
    }

    FakeSentry start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    HttpUrl url(String path) {
        return server.url(path);
    }

    /** Scripts {@code path} (first page, no cursor). */
    FakeSentry on(String path, MockResponse... responses) {
        return onCursor(path, null, responses);
    }

    /** Scripts {@code path} when asked with {@code cursor}. */
    FakeSentry onCursor(String path, String cursor, MockResponse... responses) {
        routes.put(key(path, cursor), new ArrayDeque<>(List.of(responses)));
        return this;
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    List<RecordedRequest> requestsTo(String path) {
        return requests().stream().filter(r -> r.getUrl().encodedPath().equals(path)).toList();
    }

    /** The {@code Link} header Sentry sends, in the format of docs.sentry.io "Paginating Results". */
    String link(String path, String previousCursor, String nextCursor, boolean nextHasResults) {
        String base = server.url(path).toString();
        return "<" + base + "?&cursor=" + previousCursor + ">; rel=\"previous\"; results=\"false\"; cursor=\""
                + previousCursor + "\", <" + base + "?&cursor=" + nextCursor + ">; rel=\"next\"; results=\""
                + nextHasResults + "\"; cursor=\"" + nextCursor + "\"";
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse fixture(int code, String name) {
        return json(code, fixture(name));
    }

    static String fixture(String name) {
        try (InputStream in = FakeSentry.class.getResourceAsStream("/fixtures/sentry/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String path, String cursor) {
        return cursor == null ? path : path + "#cursor=" + cursor;
    }

    @Override
    public void close() {
        server.close();
    }
}
