package dev.investigator.source.datadog;

import com.datadog.api.client.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.glassfish.jersey.apache.connector.ApacheClientProperties;
import org.glassfish.jersey.apache.connector.ApacheConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;

/**
 * Builds the official client for one connection. Never {@code ApiClient.getDefaultApiClient()}: that is a
 * global singleton which also reads {@code DD_SITE} itself and fails on a full URL.
 *
 * <p>The client's default transport (HttpURLConnection) silently sends a request a second time when the
 * connection drops before the answer, which would make our request count and retry budget lie. The Apache
 * connector (shipped with the client) runs with its own retries switched off instead, so every HTTP request is
 * one we decided to send, and counted.
 */
final class DatadogClients {

    private DatadogClients() {
    }

    static ApiClient build(DatadogConnection connection, int maxConnections) {
        ApiClient client = new ApiClient();
        int timeoutMillis = millis(connection.requestTimeout());

        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(maxConnections);
        pool.setDefaultMaxPerRoute(maxConnections);
        HttpRequestRetryHandler noRetries = (exception, executionCount, context) -> false;

        ClientConfig config = client.getDefaultClientConfig();
        config.connectorProvider(new ApacheConnectorProvider());
        config.property(ApacheClientProperties.CONNECTION_MANAGER, pool);
        config.property(ApacheClientProperties.RETRY_HANDLER, noRetries);
        // Waiting for a pooled connection counts against the request timeout too.
        config.property(ApacheClientProperties.REQUEST_CONFIG, RequestConfig.custom()
                .setConnectionRequestTimeout(timeoutMillis).build());
        config.property(ApacheClientProperties.DISABLE_COOKIES, true);
        // Proxy settings from the JVM's http(s).proxyHost, as the default transport would honour them.
        config.property(ApacheClientProperties.USE_SYSTEM_PROPERTIES, true);
        // A Content-Length body rather than chunks: the query is small and every proxy accepts it.
        config.property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.BUFFERED);
        client.setClientConfig(config);

        client.setConnectTimeout(timeoutMillis);
        client.setReadTimeout(timeoutMillis);
        // Variables first: setServerIndex resolves the template with whatever variables are set at that moment.
        client.setServerVariables(new HashMap<>(connection.serverVariables()));
        client.setServerIndex(connection.serverIndex());
        // Retries are ours (bounded by the investigation's deadline); the client's own would sleep past it.
        client.enableRetry(false);
        client.configureApiKeys(Map.of("apiKeyAuth", connection.apiKey(), "appKeyAuth", connection.appKey()));
        return client;
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }
}
