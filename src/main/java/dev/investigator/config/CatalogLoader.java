package dev.investigator.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.investigator.model.MetricQuery;
import dev.investigator.model.MetricRole;
import dev.investigator.model.MetricUnit;
import dev.investigator.alert.AlertSettings;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.rotation.RotationSettings;
import dev.investigator.model.ServiceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads the catalog in layers — the embedded standard template, then the user's file, then the environment —
 * and resolves every service against the {@code defaults} template. Every error names the file and the key.
 */
public final class CatalogLoader {

    public static final String EMBEDDED_DEFAULTS = "/investigator-defaults.yml";

    static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    static final Pattern METRIC_ID = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern FORMULA = Pattern.compile("[A-Za-z0-9_ .+\\-*/()]+");
    private static final Pattern SENTRY_SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("[CG][A-Z0-9]{6,20}");
    private static final Pattern SLACK_USERGROUP = Pattern.compile("S[A-Z0-9]{6,20}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");

    private static final Set<String> TOP_KEYS = Set.of(
            "locale", "zone", "default_window", "deadlines", "datadog", "sentry", "xray", "slack", "alerts", "rotation",
            "defaults", "services");
    private static final Set<String> SERVICE_KEYS = Set.of(
            "env", "vars", "aliases", "datadog", "sentry", "xray", "thresholds", "enabled");
    private static final Set<String> DATADOG_KEYS = Set.of(
            "enabled", "metrics", "baselines", "event_tags", "dashboard");
    private static final Set<String> METRIC_KEYS = Set.of("role", "unit", "label", "query", "formula");
    private static final Set<String> SENTRY_KEYS = Set.of("enabled", "organization", "projects", "environment", "query");
    private static final Set<String> XRAY_KEYS = Set.of("enabled", "filter", "group", "node");
    private static final Set<String> THRESHOLD_KEYS = Set.of(
            "error_rate_warn_pct", "error_rate_crit_pct", "latency_warn_ratio", "latency_crit_ratio",
            "traffic_surge_ratio", "traffic_drop_ratio", "fault_rate_warn", "fault_rate_crit", "min_requests");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    /** Loads the embedded defaults layered with {@code file} (if any) and the environment. */
    public AppConfig load(Optional<Path> file, Map<String, String> env) {
        ObjectNode root = embeddedDefaults();
        String origin = "embedded defaults";
        if (file.isPresent()) {
            Path path = file.get();
            origin = path.toString();
            JsonNode user = read(path);
            checkKeys(user, TOP_KEYS, "", origin);
            root = YamlTree.merge(root, user);
        }
        return build(root, env, origin);
    }

    /** Loads a catalog shipped on the classpath (the sandbox's), layered the same way. */
    public AppConfig loadResource(String resource, Map<String, String> env) {
        ObjectNode root = embeddedDefaults();
        try (InputStream in = CatalogLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("missing resource " + resource);
            }
            JsonNode user = yaml.readTree(in);
            checkKeys(user, TOP_KEYS, "", resource);
            return build(YamlTree.merge(root, user), env, resource);
        } catch (IOException e) {
            throw new ConfigException(resource + ": " + e.getMessage(), e);
        }
    }

    private ObjectNode embeddedDefaults() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(EMBEDDED_DEFAULTS)) {
            if (in == null) {
                throw new ConfigException("missing embedded " + EMBEDDED_DEFAULTS + " (broken build?)");
            }
            return (ObjectNode) yaml.readTree(in);
        } catch (IOException e) {
            throw new ConfigException("embedded defaults: " + e.getMessage(), e);
        }
    }

    private JsonNode read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path + ": no such file (INVESTIGATOR_CONFIG points here); "
                    + "copy config/investigator.example.yml to start");
        }
        try {
            JsonNode node = yaml.readTree(path.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw ConfigException.at(path.toString(), "", "the top level must be a mapping (locale:, defaults:, services:)");
            }
            return node;
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(path + ": not valid YAML" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot read: " + e.getMessage(), e);
        }
    }

    private AppConfig build(ObjectNode root, Map<String, String> env, String file) {
        String locale = text(root, "locale", "", file).toLowerCase(Locale.ROOT);
        if (!locale.equals("en") && !locale.equals("ja")) {
            throw ConfigException.at(file, "locale", "must be en or ja, not '" + locale + "'");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text(root, "zone", "", file));
        } catch (DateTimeException e) {
            throw ConfigException.at(file, "zone", "unknown time zone '" + text(root, "zone", "", file) + "' (e.g. Asia/Tokyo)");
        }
        Duration defaultWindow = duration(root, "default_window", "", file);
        JsonNode deadlines = object(root, "deadlines", "", file);
        checkKeys(deadlines, Set.of("investigation", "source"), "deadlines", file);
        Duration overall = duration(deadlines, "investigation", "deadlines", file);
        Duration perSource = duration(deadlines, "source", "deadlines", file);
        if (perSource.compareTo(overall) > 0) {
            throw ConfigException.at(file, "deadlines.source", "is longer than deadlines.investigation");
        }

        JsonNode dd = object(root, "datadog", "", file);
        checkKeys(dd, Set.of("site"), "datadog", file);
        String site = firstNonBlank(env.get("DD_SITE"), text(dd, "site", "datadog", file));

        JsonNode sentry = object(root, "sentry", "", file);
        checkKeys(sentry, Set.of("url", "organization"), "sentry", file);
        URI sentryUrl = url(firstNonBlank(env.get("SENTRY_URL"), text(sentry, "url", "sentry", file)),
                env.containsKey("SENTRY_URL") ? "SENTRY_URL" : file + ": sentry.url");
        String sentryOrg = firstNonBlank(env.get("SENTRY_ORG"), optionalText(sentry, "organization"));

        JsonNode xray = object(root, "xray", "", file);
        checkKeys(xray, Set.of("region", "endpoint"), "xray", file);
        String region = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), text(xray, "region", "xray", file));
        if (!REGION.matcher(region).matches()) {
            throw new ConfigException("AWS region '" + region + "' does not look like a region (e.g. ap-northeast-1)");
        }
        Optional<URI> xrayEndpoint = Optional.empty();
        String endpointVar = env.containsKey("AWS_ENDPOINT_URL_XRAY") ? "AWS_ENDPOINT_URL_XRAY"
                : env.containsKey("AWS_ENDPOINT_URL") ? "AWS_ENDPOINT_URL" : "";
        String endpoint = firstNonBlank(env.get("AWS_ENDPOINT_URL_XRAY"), env.get("AWS_ENDPOINT_URL"), optionalText(xray, "endpoint"));
        if (!endpoint.isEmpty()) {
            xrayEndpoint = Optional.of(url(endpoint, endpointVar.isEmpty() ? file + ": xray.endpoint" : endpointVar));
        }

        SlackSettings slack = slack(object(root, "slack", "", file), env, file);

        ObjectNode defaults = (ObjectNode) object(root, "defaults", "", file);
        checkKeys(defaults, SERVICE_KEYS, "defaults", file);
        JsonNode services = root.get("services");
        if (services == null || services.isNull() || services.isEmpty()) {
            throw ConfigException.at(file, "services", "no services; add one line per service, e.g. 'checkout:'");
        }
        Map<String, ServiceDefinition> resolved = new LinkedHashMap<>();
        Map<String, String> aliasOwner = new HashMap<>();
        if (services.isArray()) {
            for (JsonNode n : services) {
                addService(resolved, aliasOwner, n.asText(), JsonNodeFactory.instance.objectNode(), defaults, sentryOrg, file);
            }
        } else if (services.isObject()) {
            for (Map.Entry<String, JsonNode> e : iterable(services)) {
                JsonNode override = e.getValue() == null || e.getValue().isNull() ? JsonNodeFactory.instance.objectNode() : e.getValue();
                if (!override.isObject()) {
                    throw ConfigException.at(file, "services." + e.getKey(), "must be empty or a mapping of overrides");
                }
                addService(resolved, aliasOwner, e.getKey(), override, defaults, sentryOrg, file);
            }
        } else {
            throw ConfigException.at(file, "services", "must be a mapping (name: overrides) or a list of names");
        }
        Optional<RotationSettings> rotation = RotationSettingsReader.read(root.get("rotation"), env, file);
        ServiceCatalog catalog = new ServiceCatalog(resolved);
        AlertSettings alerts = AlertSettingsReader.read(root.get("alerts"), catalog, file);
        return new AppConfig(file, locale, zone, defaultWindow, overall, perSource, site, sentryUrl, sentryOrg,
                region, xrayEndpoint, slack, catalog, rotation, alerts);
    }

    private void addService(Map<String, ServiceDefinition> out, Map<String, String> aliasOwner, String name,
            JsonNode override, ObjectNode defaults, String sentryOrg, String file) {
        String path = "services." + name;
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw ConfigException.at(file, path, "service names are lower-case letters, digits, '-', '_' or '.'");
        }
        checkKeys(override, SERVICE_KEYS, path, file);
        if (override.has("enabled") && !override.get("enabled").asBoolean(true)) {
            return;
        }
        ObjectNode merged = YamlTree.merge(defaults, override);
        String env = text(merged, "env", path, file);
        Map<String, String> vars = new HashMap<>();
        JsonNode varNode = merged.get("vars");
        if (varNode != null && !varNode.isNull()) {
            if (!varNode.isObject()) {
                throw ConfigException.at(file, path + ".vars", "must be a mapping of name: value");
            }
            for (Map.Entry<String, JsonNode> v : iterable(varNode)) {
                if (!IDENTIFIER.matcher(v.getKey()).matches() || !v.getValue().isValueNode()) {
                    throw ConfigException.at(file, path + ".vars." + v.getKey(), "variables are name: plain value");
                }
                vars.put(v.getKey(), v.getValue().asText());
            }
        }
        vars.put("service", name);
        vars.put("env", YamlTree.substitute(env, Map.of("service", name), path + ".env", file));
        JsonNode s = YamlTree.resolve(merged, vars, path, file);

        List<String> aliases = new ArrayList<>();
        JsonNode aliasNode = s.get("aliases");
        if (aliasNode != null && !aliasNode.isNull()) {
            for (JsonNode a : aliasNode.isArray() ? aliasNode : List.of(aliasNode)) {
                String alias = a.asText().toLowerCase(Locale.ROOT);
                if (!SERVICE_NAME.matcher(alias).matches()) {
                    throw ConfigException.at(file, path + ".aliases", "'" + alias + "' is not a valid name");
                }
                aliases.add(alias);
            }
        }
        for (String key : concat(name, aliases)) {
            String owner = aliasOwner.putIfAbsent(key, name);
            if (owner != null && !owner.equals(name)) {
                throw ConfigException.at(file, path + ".aliases", "'" + key + "' already names service " + owner);
            }
        }
        out.put(name, new ServiceDefinition(name, vars.get("env"), aliases,
                datadog(object(s, "datadog", path, file), path + ".datadog", file),
                sentry(object(s, "sentry", path, file), path + ".sentry", sentryOrg, file),
                xray(object(s, "xray", path, file), path + ".xray", file),
                thresholds(object(s, "thresholds", path, file), path + ".thresholds", file)));
    }

    private static SlackSettings slack(JsonNode n, Map<String, String> env, String file) {
        checkKeys(n, Set.of("api_url", "allowed_channels", "allowed_usergroups", "workers"), "slack", file);
        String apiUrl = firstNonBlank(env.get("SLACK_API_URL"), optionalText(n, "api_url"), SlackSettings.DEFAULT_API_URL);
        url(apiUrl, env.containsKey("SLACK_API_URL") ? "SLACK_API_URL" : file + ": slack.api_url");
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
        List<String> channels = ids(n, "allowed_channels", SLACK_CHANNEL, file);
        List<String> groups = ids(n, "allowed_usergroups", SLACK_USERGROUP, file);
        int workers = (int) number(n, "workers", 8, "slack", file);
        if (workers < 1 || workers > 64) {
            throw ConfigException.at(file, "slack.workers", "must be between 1 and 64");
        }
        return new SlackSettings(apiUrl, channels, groups, workers);
    }

    static List<String> ids(JsonNode parent, String key, Pattern shape, String file) {
        JsonNode n = parent.get(key);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        for (JsonNode v : n.isArray() ? n : List.of(n)) {
            String id = v.asText().trim();
            if (!shape.matcher(id).matches()) {
                throw ConfigException.at(file, "slack." + key, "'" + id + "' is not a Slack id (channels look like C0123ABCD, user groups like S0123ABCD)");
            }
            out.add(id);
        }
        return out;
    }

    private ServiceDefinition.Datadog datadog(JsonNode n, String path, String file) {
        checkKeys(n, DATADOG_KEYS, path, file);
        JsonNode metricsNode = object(n, "metrics", path, file);
        List<MetricQuery> metrics = new ArrayList<>();
        Set<String> queryIds = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> e : iterable(metricsNode)) {
            String id = e.getKey();
            String mpath = path + ".metrics." + id;
            if (!METRIC_ID.matcher(id).matches()) {
                throw ConfigException.at(file, mpath, "metric ids are lower-case [a-z][a-z0-9_]* (they name Datadog queries)");
            }
            JsonNode m = e.getValue();
            if (!m.isObject()) {
                throw ConfigException.at(file, mpath, "must be a mapping with role, unit, and query or formula");
            }
            checkKeys(m, METRIC_KEYS, mpath, file);
            MetricRole role = enumValue(MetricRole.class, text(m, "role", mpath, file), mpath + ".role", file);
            MetricUnit unit = unit(text(m, "unit", mpath, file), mpath + ".unit", file);
            String query = optionalText(m, "query");
            String formula = optionalText(m, "formula");
            if (query.isEmpty() == formula.isEmpty()) {
                throw ConfigException.at(file, mpath, "needs exactly one of query or formula");
            }
            if (!formula.isEmpty()) {
                if (!FORMULA.matcher(formula).matches()) {
                    throw ConfigException.at(file, mpath + ".formula", "may use only metric ids, numbers, + - * / and parentheses");
                }
                Matcher ids = IDENTIFIER.matcher(formula);
                while (ids.find()) {
                    if (!queryIds.contains(ids.group())) {
                        throw ConfigException.at(file, mpath + ".formula", "'" + ids.group()
                                + "' is not a query metric defined above it; known: " + String.join(", ", queryIds));
                    }
                }
            } else {
                queryIds.add(id);
            }
            metrics.add(new MetricQuery(id, optionalText(m, "label"), role, unit, query, formula));
        }
        List<Duration> baselines = new ArrayList<>();
        JsonNode b = n.get("baselines");
        if (b != null && !b.isNull()) {
            if (!b.isArray()) {
                throw ConfigException.at(file, path + ".baselines", "must be a list such as [1d, 7d]");
            }
            for (JsonNode d : b) {
                Duration offset = Durations.parse(d.asText())
                        .orElseThrow(() -> ConfigException.at(file, path + ".baselines", "'" + d.asText() + "' is not a duration like 1d"));
                if (offset.compareTo(Duration.ofMinutes(1)) < 0 || offset.compareTo(Duration.ofDays(30)) > 0) {
                    throw ConfigException.at(file, path + ".baselines", "offsets lie between 1m and 30d");
                }
                baselines.add(offset);
            }
        }
        String dashboardId = "";
        Map<String, String> dashboardVars = new LinkedHashMap<>();
        JsonNode dash = n.get("dashboard");
        if (dash != null && !dash.isNull()) {
            checkKeys(dash, Set.of("id", "template_variables"), path + ".dashboard", file);
            dashboardId = optionalText(dash, "id");
            JsonNode tv = dash.get("template_variables");
            if (tv != null && tv.isObject()) {
                tv.fields().forEachRemaining(e -> dashboardVars.put(e.getKey(), e.getValue().asText()));
            }
        }
        return new ServiceDefinition.Datadog(bool(n, "enabled", true), metrics, baselines,
                optionalText(n, "event_tags"), dashboardId, dashboardVars);
    }

    private ServiceDefinition.Sentry sentry(JsonNode n, String path, String globalOrg, String file) {
        checkKeys(n, SENTRY_KEYS, path, file);
        List<String> projects = new ArrayList<>();
        JsonNode p = n.get("projects");
        if (p != null && !p.isNull()) {
            for (JsonNode slug : p.isArray() ? p : List.of(p)) {
                String s = slug.asText();
                if (!SENTRY_SLUG.matcher(s).matches()) {
                    throw ConfigException.at(file, path + ".projects", "'" + s + "' is not a Sentry project slug");
                }
                projects.add(s);
            }
        }
        String org = firstNonBlank(optionalText(n, "organization"), globalOrg);
        return new ServiceDefinition.Sentry(bool(n, "enabled", true) && !projects.isEmpty(), org, projects,
                optionalText(n, "environment"), optionalText(n, "query"));
    }

    private ServiceDefinition.XRay xray(JsonNode n, String path, String file) {
        checkKeys(n, XRAY_KEYS, path, file);
        String filter = optionalText(n, "filter");
        if (filter.length() > 2000) {
            throw ConfigException.at(file, path + ".filter", "is longer than X-Ray accepts");
        }
        return new ServiceDefinition.XRay(bool(n, "enabled", true) && !filter.isEmpty(), filter,
                optionalText(n, "group"), optionalText(n, "node"));
    }

    private ServiceDefinition.Thresholds thresholds(JsonNode n, String path, String file) {
        checkKeys(n, THRESHOLD_KEYS, path, file);
        ServiceDefinition.Thresholds d = ServiceDefinition.Thresholds.defaults();
        ServiceDefinition.Thresholds t = new ServiceDefinition.Thresholds(
                number(n, "error_rate_warn_pct", d.errorRateWarnPct(), path, file),
                number(n, "error_rate_crit_pct", d.errorRateCritPct(), path, file),
                number(n, "latency_warn_ratio", d.latencyWarnRatio(), path, file),
                number(n, "latency_crit_ratio", d.latencyCritRatio(), path, file),
                number(n, "traffic_surge_ratio", d.trafficSurgeRatio(), path, file),
                number(n, "traffic_drop_ratio", d.trafficDropRatio(), path, file),
                number(n, "fault_rate_warn", d.faultRateWarn(), path, file),
                number(n, "fault_rate_crit", d.faultRateCrit(), path, file),
                (long) number(n, "min_requests", d.minRequests(), path, file));
        if (t.errorRateWarnPct() > t.errorRateCritPct()) {
            throw ConfigException.at(file, path + ".error_rate_warn_pct", "is above error_rate_crit_pct");
        }
        if (t.latencyWarnRatio() > t.latencyCritRatio() || t.latencyWarnRatio() <= 1) {
            throw ConfigException.at(file, path + ".latency_warn_ratio", "must be > 1 and <= latency_crit_ratio");
        }
        if (t.trafficSurgeRatio() <= 1 || t.trafficDropRatio() >= 1) {
            throw ConfigException.at(file, path, "traffic_surge_ratio must be > 1 and traffic_drop_ratio < 1");
        }
        if (t.faultRateWarn() > t.faultRateCrit()) {
            throw ConfigException.at(file, path + ".fault_rate_warn", "is above fault_rate_crit");
        }
        return t;
    }

    // ---- small typed readers; each error names the key ----

    static JsonNode object(JsonNode parent, String key, String path, String file) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!n.isObject()) {
            throw ConfigException.at(file, YamlTree.join(path, key), "must be a mapping");
        }
        return n;
    }

    static String text(JsonNode parent, String key, String path, String file) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            throw ConfigException.at(file, YamlTree.join(path, key), "is required");
        }
        return n.asText().trim();
    }

    static String optionalText(JsonNode parent, String key) {
        JsonNode n = parent.get(key);
        return n == null || n.isNull() || !n.isValueNode() ? "" : n.asText().trim();
    }

    static boolean bool(JsonNode parent, String key, boolean fallback) {
        JsonNode n = parent.get(key);
        return n == null || n.isNull() ? fallback : n.asBoolean(fallback);
    }

    static double number(JsonNode parent, String key, double fallback, String path, String file) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber() || n.asDouble() < 0) {
            throw ConfigException.at(file, YamlTree.join(path, key), "must be a non-negative number");
        }
        return n.asDouble();
    }

    static Duration duration(JsonNode parent, String key, String path, String file) {
        String raw = text(parent, key, path, file);
        Duration d = Durations.parse(raw)
                .orElseThrow(() -> ConfigException.at(file, YamlTree.join(path, key), "'" + raw + "' is not a duration like 30m or 15s"));
        if (d.isZero()) {
            throw ConfigException.at(file, YamlTree.join(path, key), "must be positive");
        }
        return d;
    }

    private static MetricUnit unit(String raw, String path, String file) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "count" -> MetricUnit.COUNT;
            case "percent", "%" -> MetricUnit.PERCENT;
            case "ms", "milliseconds" -> MetricUnit.MILLISECONDS;
            case "bytes" -> MetricUnit.BYTES;
            case "number" -> MetricUnit.NUMBER;
            default -> throw ConfigException.at(file, path, "'" + raw + "' is not one of count, percent, ms, bytes, number");
        };
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String raw, String path, String file) {
        try {
            return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            throw ConfigException.at(file, path, "'" + raw + "' is not one of " + String.join(", ", allowed));
        }
    }

    static URI url(String raw, String where) {
        try {
            URI uri = new URI(raw);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new ConfigException(where + ": '" + raw + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(where + ": '" + raw + "' is not a URL");
        }
    }

    static void checkKeys(JsonNode node, Set<String> allowed, String path, String file) {
        if (node == null || !node.isObject()) {
            return;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                String hint = closest(k, allowed).map(s -> " — did you mean '" + s + "'?").orElse("");
                throw ConfigException.at(file, YamlTree.join(path, k), "unknown key" + hint
                        + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        });
    }

    static Optional<String> closest(String key, Set<String> candidates) {
        LevenshteinDistance distance = new LevenshteinDistance(3);
        return candidates.stream()
                .filter(c -> distance.apply(key, c) >= 0)
                .min(java.util.Comparator.comparingInt(c -> distance.apply(key, c)));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return "";
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
