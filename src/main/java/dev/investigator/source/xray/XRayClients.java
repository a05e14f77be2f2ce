package dev.investigator.source.xray;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.xray.XRayClient;
import software.amazon.awssdk.services.xray.XRayClientBuilder;

/** Builds the one X-Ray client the process uses. Only {@code Main} (and tests) call this. */
public final class XRayClients {

    private XRayClients() {
    }

    public static XRayClient create(XRayConnection connection) {
        return builder(connection).build();
    }

    /** The configured builder, so a test can swap one piece (the credentials) and keep the rest real. */
    static XRayClientBuilder builder(XRayConnection connection) {
        XRayClientBuilder builder = XRayClient.builder()
                .region(Region.of(connection.region()))
                .credentialsProvider(credentials(connection))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(connection.requestTimeout())
                        .socketTimeout(connection.requestTimeout()))
                // XRaySource retries with Retries, inside the investigation's deadline; SDK retries would
                // multiply attempts and ignore that deadline.
                .overrideConfiguration(o -> o
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(connection.requestTimeout()));
        connection.endpointOverride().ifPresent(builder::endpointOverride);
        return builder;
    }

    private static AwsCredentialsProvider credentials(XRayConnection connection) {
        return connection.staticKeys()
                .<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(k.accessKeyId(), k.secretAccessKey())))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
