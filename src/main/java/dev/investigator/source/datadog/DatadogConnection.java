package dev.investigator.source.datadog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how to reach Datadog: a site ({@code datadoghq.com}, {@code ap1.datadoghq.com}, ...) or a full URL
 * (a proxy, the sandbox, a test server), the two keys, and how long one HTTP request may take.
 *
 * <p>{@link #toString()} never shows the keys: this record is printed when the configuration is.
 */
public record DatadogConnection(String site, String apiKey, String appKey, Duration requestTimeout) {

    /** The sites the official client knows; its server template rejects any other value. */
    static final List<String> SITES = List.of(
            "datadoghq.com", "us3.datadoghq.com", "us5.datadoghq.com", "ap1.datadoghq.com",
            "ap2.datadoghq.com", "datadoghq.eu", "ddog-gov.com");

    public DatadogConnection {
        site = normalise(site);
        apiKey = apiKey == null ? "" : apiKey.trim();
        appKey = appKey == null ? "" : appKey.trim();
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("Datadog request timeout must be positive, got " + requestTimeout);
        }
    }

    /** Both keys are present (their validity is Datadog's to judge). */
    public boolean hasKeys() {
        return !apiKey.isEmpty() && !appKey.isEmpty();
    }

    /** The web console for this site, where dashboards and events live. For a full URL, that URL itself. */
    public String appBaseUrl() {
        if (isUrl()) {
            return site;
        }
        return switch (site) {
            case "datadoghq.com" -> "https://app.datadoghq.com";
            case "datadoghq.eu" -> "https://app.datadoghq.eu";
            case "ddog-gov.com" -> "https://app.ddog-gov.com";
            default -> "https://" + site; // us3/us5/ap1/ap2 serve the console on the site's own host
        };
    }

    /** True when {@link #site} is a full URL rather than a Datadog site name. */
    boolean isUrl() {
        return site.contains("://");
    }

    /** The official client's server index: 0 is "https://{subdomain}.{site}", 1 is "{protocol}://{name}". */
    int serverIndex() {
        return isUrl() ? 1 : 0;
    }

    /** The variables of the server template chosen by {@link #serverIndex()}. */
    Map<String, String> serverVariables() {
        if (!isUrl()) {
            return Map.of("site", site);
        }
        URI uri = URI.create(site);
        String name = uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return Map.of("protocol", uri.getScheme(), "name", name);
    }

    @Override
    public String toString() {
        return "DatadogConnection[site=" + site
                + ", apiKey=" + (apiKey.isEmpty() ? "<unset>" : "***")
                + ", appKey=" + (appKey.isEmpty() ? "<unset>" : "***")
                + ", requestTimeout=" + requestTimeout + "]";
    }

    private static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("DD_SITE is empty: set a Datadog site such as datadoghq.com or ap1.datadoghq.com,"
                    + " or a full URL such as http://127.0.0.1:9001");
        }
        String value = raw.trim();
        if (value.contains("://")) {
            return normaliseUrl(value);
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (!SITES.contains(lower)) {
            throw new IllegalArgumentException("DD_SITE '" + value + "' is not a Datadog site: use one of " + SITES
                    + ", or a full URL such as https://datadog-proxy.internal:8443");
        }
        return lower;
    }

    private static String normaliseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalidUrl(value, "it is not a valid URL");
        }
        if (uri.getRawUserInfo() != null) {
            // Credentials in the URL would end up in logs and links: refuse, and do not echo them.
            throw new IllegalArgumentException("DD_SITE must not carry credentials in the URL; use DD_API_KEY and DD_APP_KEY");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalidUrl(value, "the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalidUrl(value, "it has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalidUrl(value, "it must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + uri.getRawAuthority() + path;
    }

    private static IllegalArgumentException invalidUrl(String value, String why) {
        // A value with '@' may hold credentials: name the problem without repeating the value.
        String shown = value.contains("@") ? "(value hidden)" : "'" + value + "'";
        return new IllegalArgumentException("DD_SITE " + shown + " is not usable: " + why
                + " (example: http://127.0.0.1:9001)");
    }
}
