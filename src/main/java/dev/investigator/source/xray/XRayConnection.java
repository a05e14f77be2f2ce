package dev.investigator.source.xray;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach X-Ray: region, an optional endpoint override (a local fake, LocalStack, the sandbox) and optional
 * static keys. Without static keys the SDK's default credential chain is used (environment, profile, SSO,
 * container and instance roles), which is what production wants.
 *
 * @param requestTimeout connect and read timeout of one HTTP request; the investigation's deadline caps it further
 */
public record XRayConnection(
        String region, Optional<URI> endpointOverride, Optional<StaticKeys> staticKeys, Duration requestTimeout) {

    public XRayConnection {
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("X-Ray region is empty (set AWS_REGION)");
        }
        Objects.requireNonNull(endpointOverride, "endpointOverride");
        Objects.requireNonNull(staticKeys, "staticKeys");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("X-Ray request timeout must be positive");
        }
    }

    /**
     * Reads the region and endpoint the way the AWS SDKs and CLI do: {@code AWS_REGION}, then
     * {@code AWS_DEFAULT_REGION}, then {@code defaultRegion}; the endpoint from {@code AWS_ENDPOINT_URL_XRAY}, then
     * {@code AWS_ENDPOINT_URL}. Credentials are left to the default chain, which reads the environment itself
     * (including session tokens, which static keys would lose).
     *
     * @throws IllegalArgumentException when an endpoint variable is not an absolute http(s) URL, naming the variable
     */
    public static XRayConnection fromEnvironment(Map<String, String> env, String defaultRegion, Duration timeout) {
        String region = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION").map(Map.Entry::getValue).orElse(defaultRegion);
        Optional<URI> endpoint = firstSet(env, "AWS_ENDPOINT_URL_XRAY", "AWS_ENDPOINT_URL")
                .map(e -> endpointFrom(e.getKey(), e.getValue()));
        return new XRayConnection(region, endpoint, Optional.empty(), timeout);
    }

    private static Optional<Map.Entry<String, String>> firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(Map.entry(name, value.trim()));
            }
        }
        return Optional.empty();
    }

    private static URI endpointFrom(String variable, String value) {
        // The value is not echoed: a URL may carry user info, and the variable name is what the user needs.
        String problem = variable + " must be an absolute http(s) URL such as http://localhost:4566";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(problem);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException(problem);
        }
        return uri;
    }

    /** Static keys for the sandbox and tests. {@link #toString()} never shows the secret. */
    public record StaticKeys(String accessKeyId, String secretAccessKey) {

        public StaticKeys {
            if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("static AWS keys need both an access key id and a secret");
            }
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
        }
    }
}
