package dev.investigator.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the sources need to know about one service, with every template variable already resolved.
 * Built by the catalog from its defaults template plus the service's overrides.
 */
public record ServiceDefinition(
        String name,
        String env,
        List<String> aliases,
        Datadog datadog,
        Sentry sentry,
        XRay xray,
        Thresholds thresholds) {

    public ServiceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(env, "env");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(datadog, "datadog");
        Objects.requireNonNull(sentry, "sentry");
        Objects.requireNonNull(xray, "xray");
        Objects.requireNonNull(thresholds, "thresholds");
    }

    /**
     * @param baselines      how far back each baseline window lies (for example 1 day and 7 days)
     * @param eventTags      Datadog event tags that mark deploys and changes of this service (empty: none asked)
     * @param dashboardId    the dashboard to link to (empty: link to the metrics explorer)
     * @param dashboardVars  template variables filled in on the dashboard link
     */
    public record Datadog(
            boolean enabled,
            List<MetricQuery> metrics,
            List<Duration> baselines,
            String eventTags,
            String dashboardId,
            Map<String, String> dashboardVars) {
        public Datadog {
            metrics = List.copyOf(metrics);
            baselines = List.copyOf(baselines);
            eventTags = eventTags == null ? "" : eventTags;
            dashboardId = dashboardId == null ? "" : dashboardId;
            dashboardVars = Map.copyOf(dashboardVars);
        }
    }

    /**
     * @param projects    project slugs (the source resolves them to numeric ids)
     * @param environment Sentry environment, empty for all
     * @param query       extra Sentry search terms, already validated by the catalog
     */
    public record Sentry(boolean enabled, String organization, List<String> projects, String environment, String query) {
        public Sentry {
            organization = organization == null ? "" : organization;
            projects = List.copyOf(projects);
            environment = environment == null ? "" : environment;
            query = query == null ? "" : query;
        }
    }

    /**
     * @param filterExpression X-Ray filter expression selecting this service's traces
     * @param group            X-Ray group for the service graph, empty for the default group
     * @param node             the service's name as it appears in the X-Ray service graph
     */
    public record XRay(boolean enabled, String filterExpression, String group, String node) {
        public XRay {
            filterExpression = filterExpression == null ? "" : filterExpression;
            group = group == null ? "" : group;
            node = node == null ? "" : node;
        }
    }

    /**
     * When the verdict turns degraded (warn) or incident (crit).
     *
     * @param latencyWarnRatio  p95 vs baseline ratio that is degraded
     * @param trafficSurgeRatio requests vs baseline ratio that is a surge (possible attack)
     * @param trafficDropRatio  requests vs baseline ratio below which traffic is a drop (possible outage)
     * @param minRequests       below this many requests in the window, rates are too noisy to judge
     */
    public record Thresholds(
            double errorRateWarnPct,
            double errorRateCritPct,
            double latencyWarnRatio,
            double latencyCritRatio,
            double trafficSurgeRatio,
            double trafficDropRatio,
            double faultRateWarn,
            double faultRateCrit,
            long minRequests) {

        public static Thresholds defaults() {
            return new Thresholds(1.0, 5.0, 1.5, 3.0, 2.0, 0.5, 0.01, 0.05, 50);
        }
    }
}
