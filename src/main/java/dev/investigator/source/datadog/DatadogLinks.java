package dev.investigator.source.datadog;

import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Links into the Datadog console with the service and the window filled in, so one click from Slack shows
 * exactly what the bot looked at. Pure string work: safe to reuse from renderers.
 */
public final class DatadogLinks {

    private final String appBaseUrl;

    /** @param appBaseUrl the console's base, for example {@code https://app.datadoghq.com} (see {@link DatadogConnection#appBaseUrl()}) */
    public DatadogLinks(String appBaseUrl) {
        Objects.requireNonNull(appBaseUrl, "appBaseUrl");
        this.appBaseUrl = appBaseUrl.endsWith("/") ? appBaseUrl.substring(0, appBaseUrl.length() - 1) : appBaseUrl;
    }

    /**
     * The service's dashboard with its template variables and the window, when the catalog names one; otherwise
     * the service's APM page over the window.
     */
    public String forService(ServiceDefinition service, TimeWindow window) {
        ServiceDefinition.Datadog datadog = service.datadog();
        long from = window.from().toEpochMilli();
        long to = window.to().toEpochMilli();
        if (!datadog.dashboardId().isBlank()) {
            StringBuilder link = new StringBuilder(appBaseUrl).append("/dashboard/").append(encode(datadog.dashboardId())).append('?');
            // Sorted so the same service always gets the same link (the catalog's map has no order).
            for (Map.Entry<String, String> var : new TreeMap<>(datadog.dashboardVars()).entrySet()) {
                link.append("tpl_var_").append(encode(var.getKey())).append('=').append(encode(var.getValue())).append('&');
            }
            return link.append("from_ts=").append(from).append("&to_ts=").append(to).append("&live=false").toString();
        }
        return appBaseUrl + "/apm/entity/service%3A" + encode(service.name())
                + "?env=" + encode(service.env()) + "&start=" + from + "&end=" + to + "&paused=true";
    }

    /** An event's {@code url} as Datadog returns it (often a path such as {@code /event/event?id=1}) made absolute. */
    public String absolute(String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("https://") || trimmed.startsWith("http://")) {
            return trimmed;
        }
        return appBaseUrl + (trimmed.startsWith("/") ? "" : "/") + trimmed;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
