package dev.investigator.sandbox;

import com.datadog.api.client.ApiClient;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.OkHttpClient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;

/** The real vendor clients, pointed at a running sandbox the way the application points them. */
final class SandboxClients {

    /** 05:30:27 UTC: the onset is 05:18:00. */
    static final Instant NOW = Instant.parse("2026-11-20T05:30:27Z");
    static final Instant ONSET = Instant.parse("2026-11-20T05:18:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private SandboxClients() {
    }

    static ApiClient datadog(Sandbox sandbox) {
        return datadog(sandbox, Map.of("apiKeyAuth", "sandbox-api-key", "appKeyAuth", "sandbox-app-key"));
    }

    /** A Datadog client using server index 1 ({protocol}://{name}) with the given keys. */
    static ApiClient datadog(Sandbox sandbox, Map<String, String> keys) {
        URI url = sandbox.datadogUrl();
        ApiClient client = new ApiClient();
        client.setServerIndex(1);
        client.setServerVariables(Map.of("protocol", url.getScheme(), "name", url.getAuthority()));
        client.configureApiKeys(keys);
        return client;
    }

    static OkHttpClient okHttp() {
        return new OkHttpClient();
    }

    static XRayClient xray(Sandbox sandbox) {
        return xray(sandbox, StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDSANDBOXEXAMPLE", "sandbox-secret-key")));
    }

    static XRayClient xray(Sandbox sandbox, AwsCredentialsProvider credentials) {
        return XRayClient.builder()
                .endpointOverride(sandbox.xrayUrl())
                .region(Region.of(Sandbox.XRAY_REGION))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
