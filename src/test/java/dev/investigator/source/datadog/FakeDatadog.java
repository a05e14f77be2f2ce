package dev.investigator.source.datadog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for the Datadog API: responses are scripted per path (the metrics and events calls run
 * concurrently, so one shared queue would hand them out in a racy order) and every request is kept.
 */
final class FakeDatadog implements AutoCloseable {

    static final String TIMESERIES = "/api/v2/query/timeseries";
    static final String EVENTS = "/api/v1/events";

    private final MockWebServer server = new MockWebServer();
    private final Map<String, BlockingQueue<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final Map<String, List<RecordedRequest>> received = new ConcurrentHashMap<>();

    FakeDatadog() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(request);
                MockResponse next = queue(path).poll();
                return next != null ? next
                        : new MockResponse.Builder().code(418).body("{\"errors\":[\"nothing scripted for " + path + "\"]}").build();
            }
        });
        server.start();
    }

    /** The fake's base URL as a DD_SITE value: {@code http://127.0.0.1:<port>}. */
    String url() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    FakeDatadog enqueue(String path, MockResponse response) {
        queue(path).add(response);
        return this;
    }

    FakeDatadog enqueue(String path, int code, String body) {
        return enqueue(path, json(code, body).build());
    }

    List<RecordedRequest> requests(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    int requestCount() {
        return server.getRequestCount();
    }

    static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
    }

    static String fixture(String name) {
        try (InputStream in = FakeDatadog.class.getResourceAsStream("/fixtures/datadog/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BlockingQueue<MockResponse> queue(String path) {
        return scripted.computeIfAbsent(path, p -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        server.close();
    }
}
