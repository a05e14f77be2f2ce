package dev.investigator.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real HTTP requests against the real server on a free local port. */
class OpsServerTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final InvestigatorMetrics metrics = new InvestigatorMetrics(
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), new MockClock()));
    private final AtomicReference<Health> health = new AtomicReference<>(new Health(true, false, 0));
    private OpsServer server;

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    private OpsServer start() {
        server = OpsServer.start(LOCAL, metrics, health::get);
        return server;
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzAnswersOkWhileTheProcessRunsEvenWhenNotReady() throws Exception {
        health.set(new Health(false, true, 5));
        start();

        HttpResponse<String> response = send("GET", "/healthz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok\n");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    }

    @Test
    void readyzIs200WithJsonWhenSlackIsConnectedAndNotShuttingDown() throws Exception {
        health.set(new Health(true, false, 2));
        start();

        HttpResponse<String> response = send("GET", "/readyz");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"ready\":true,\"slack\":\"connected\",\"inFlight\":2,\"shuttingDown\":false}");
    }

    @Test
    void readyzIs503WithTheReasonsWhenSlackIsDisconnected() throws Exception {
        health.set(new Health(false, false, 3));
        start();

        HttpResponse<String> response = send("GET", "/readyz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"ready\":false,\"slack\":\"disconnected\",\"inFlight\":3,\"shuttingDown\":false}");
    }

    @Test
    void readyzIs503WhileShuttingDownAndFollowsHealthOnEveryProbe() throws Exception {
        start();
        assertThat(send("GET", "/readyz").statusCode()).isEqualTo(200);

        health.set(new Health(true, true, 1));
        HttpResponse<String> draining = send("GET", "/readyz");

        assertThat(draining.statusCode()).isEqualTo(503);
        assertThat(draining.body()).isEqualTo("{\"ready\":false,\"slack\":\"connected\",\"inFlight\":1,\"shuttingDown\":true}");
    }

    @Test
    void readyzIgnoresAQueryString() throws Exception {
        start();

        assertThat(send("GET", "/readyz?verbose=1").statusCode()).isEqualTo(200);
    }

    @Test
    void aHealthSupplierThatThrowsMakesReadyz503NotACrash() throws Exception {
        server = OpsServer.start(LOCAL, metrics, () -> {
            throw new IllegalStateException("socket mode client not built yet");
        });

        HttpResponse<String> response = send("GET", "/readyz");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"ready\":false,\"error\":\"health check failed\"}");
        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsServesThePrometheusTextOfTheLiveRegistry() throws Exception {
        start();
        metrics.commandReceived("slash");

        HttpResponse<String> response = send("GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
        PrometheusText text = PrometheusText.parse(response.body());
        assertThat(text.get("investigator_commands_total", "kind", "slash")).isEqualTo(1.0);

        metrics.commandReceived("slash");
        assertThat(PrometheusText.parse(send("GET", "/metrics").body())
                .get("investigator_commands_total", "kind", "slash")).isEqualTo(2.0);
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        start();

        assertThat(send("GET", "/").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/healthz/extra").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/admin").statusCode()).isEqualTo(404);
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        start();

        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH"}) {
            HttpResponse<String> response = send(method, "/healthz");
            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(method).hasValue("GET, HEAD");
        }
        assertThat(send("POST", "/metrics").statusCode()).isEqualTo(405);
    }

    @Test
    void headAnswersWithTheStatusAndNoBody() throws Exception {
        health.set(new Health(false, false, 0));
        start();

        HttpResponse<String> healthz = send("HEAD", "/healthz");
        HttpResponse<String> readyz = send("HEAD", "/readyz");

        assertThat(healthz.statusCode()).isEqualTo(200);
        assertThat(healthz.body()).isEmpty();
        assertThat(readyz.statusCode()).isEqualTo(503);
        assertThat(readyz.body()).isEmpty();
    }

    @Test
    void closeFreesThePortAndMayBeCalledTwice() throws Exception {
        start();
        int port = server.port();
        assertThat(send("GET", "/healthz").statusCode()).isEqualTo(200);

        server.close();
        server.close();

        assertThatThrownBy(() -> send("GET", "/healthz")).isInstanceOf(ConnectException.class);
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        server = null;
    }

    @Test
    void aTakenPortFailsToStartWithTheAddressInTheMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress busy = new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort());

            assertThatThrownBy(() -> OpsServer.start(busy, metrics, health::get))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()));
        }
    }
}
