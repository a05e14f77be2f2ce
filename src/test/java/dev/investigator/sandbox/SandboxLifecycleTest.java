package dev.investigator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadog.api.client.v1.api.EventsApi;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.XRayClient;

/** Ports, request counters, simulated latency and shutdown. */
class SandboxLifecycleTest {

    @Test
    void eachVendorListensOnItsOwnLoopbackPortAndCountsItsRequests() throws Exception {
        try (Sandbox sandbox = Sandbox.start(SandboxClients.CLOCK, SandboxLatency.none())) {
            List<URI> urls = List.of(sandbox.datadogUrl(), sandbox.sentryUrl(), sandbox.xrayUrl());
            assertThat(urls).allMatch(u -> u.getHost().equals("127.0.0.1") && u.getPort() > 0);
            assertThat(urls.stream().map(URI::getPort).distinct()).hasSize(3);

            EventsApi events = new EventsApi(SandboxClients.datadog(sandbox));
            events.listEvents(0L, 60L);
            events.listEvents(0L, 60L);
            sentryGet(sandbox, "/api/0/projects/sandbox-org/checkout/");
            try (XRayClient xray = SandboxClients.xray(sandbox)) {
                xray.getServiceGraph(b -> b.startTime(SandboxClients.ONSET).endTime(SandboxClients.NOW));
            }

            assertThat(sandbox.requests("datadog")).isEqualTo(2);
            assertThat(sandbox.requests("sentry")).isEqualTo(1);
            assertThat(sandbox.requests("xray")).isEqualTo(1);
            assertThatThrownBy(() -> sandbox.requests("newrelic")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void configuredLatencyDelaysEachVendorsAnswers() throws Exception {
        SandboxLatency latency = new SandboxLatency(Duration.ofMillis(300), Duration.ofMillis(200),
                Duration.ofMillis(250));
        try (Sandbox sandbox = Sandbox.start(SandboxClients.CLOCK, latency);
             XRayClient xray = SandboxClients.xray(sandbox)) {
            EventsApi events = new EventsApi(SandboxClients.datadog(sandbox));
            events.listEvents(0L, 60L); // warm up the clients' connections and class loading
            sentryGet(sandbox, "/api/0/projects/sandbox-org/checkout/");
            xray.getServiceGraph(b -> b.startTime(SandboxClients.ONSET).endTime(SandboxClients.NOW));

            assertThat(timed(() -> events.listEvents(0L, 60L))).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(timed(() -> sentryGet(sandbox, "/api/0/projects/sandbox-org/checkout/")))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200));
            assertThat(timed(() -> xray.getServiceGraph(b -> b.startTime(SandboxClients.ONSET)
                    .endTime(SandboxClients.NOW)))).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        }
    }

    @Test
    void delayedAnswersDoNotHoldWorkerThreads() throws Exception {
        // 32 concurrent requests, 400 ms each, 8 worker threads: sleeping workers would need 4 rounds (1.6 s)
        Duration latency = Duration.ofMillis(400);
        try (Sandbox sandbox = Sandbox.start(SandboxClients.CLOCK,
                new SandboxLatency(Duration.ZERO, latency, Duration.ZERO))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(
                            sandbox.sentryUrl().resolve("/api/0/projects/sandbox-org/search/"))
                    .header("Authorization", "Bearer t").build();
            long started = System.nanoTime();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                assertThat(call.get().statusCode()).isEqualTo(200);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(latency).isLessThan(Duration.ofMillis(1200));
            assertThat(sandbox.requests("sentry")).isEqualTo(32);
        }
    }

    @Test
    void closeReleasesThePorts() throws Exception {
        Sandbox sandbox = Sandbox.start(SandboxClients.CLOCK, SandboxLatency.none());
        URI sentry = sandbox.sentryUrl();
        sandbox.close();
        HttpClient client = HttpClient.newHttpClient();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(sentry.resolve("/api/0/")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
    }

    @Test
    void twoSandboxesWithTheSameClockServeTheSameData() throws Exception {
        String path = "/api/0/organizations/sandbox-org/issues/?project=1001&project=1003&start=2026-11-20T05:00:27Z"
                + "&end=2026-11-20T05:30:27Z&query=is:unresolved&sort=freq&limit=25&groupStatsPeriod=24h";
        String first;
        String second;
        try (Sandbox a = Sandbox.start(SandboxClients.CLOCK, SandboxLatency.none())) {
            first = sentryGet(a, path).replace(a.sentryUrl().toString(), "BASE");
        }
        try (Sandbox b = Sandbox.start(SandboxClients.CLOCK, SandboxLatency.none())) {
            second = sentryGet(b, path).replace(b.sentryUrl().toString(), "BASE");
        }
        assertThat(second).isEqualTo(first).contains("CHECKOUT-1F3", "CATALOG-4K");
    }

    @Test
    void latencyMustNotBeNegative() {
        assertThatThrownBy(() -> new SandboxLatency(Duration.ofMillis(-1), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxLatency.none().datadog()).isZero();
    }

    private static String sentryGet(Sandbox sandbox, String path) throws IOException {
        Request request = new Request.Builder().url(sandbox.sentryUrl() + path).header("Authorization", "Bearer t")
                .build();
        try (Response r = SandboxClients.okHttp().newCall(request).execute()) {
            assertThat(r.code()).isEqualTo(200);
            return r.body().string();
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

    private static Duration timed(Call call) throws Exception {
        long started = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
