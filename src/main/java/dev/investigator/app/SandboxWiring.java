package dev.investigator.app;

import dev.investigator.config.AppConfig;
import dev.investigator.config.CatalogLoader;
import dev.investigator.config.Secrets;
import dev.investigator.sandbox.Sandbox;
import dev.investigator.source.xray.XRayConnection;
import java.util.HashMap;
import java.util.Map;

/**
 * Points the real clients at a running sandbox: its catalog, its URLs, and credentials it accepts. Public for
 * {@code dev.investigator.bench}, which wires the sandbox the way {@code run --sandbox} does.
 */
public final class SandboxWiring {

    static final String CATALOG = "/sandbox/investigator.yml";
    public static final XRayConnection.StaticKeys AWS_KEYS = new XRayConnection.StaticKeys("SANDBOXACCESSKEY", "sandbox-secret");

    private SandboxWiring() {
    }

    /** The sandbox catalog; vendor endpoints from the sandbox, anything else (SLACK_API_URL...) from {@code env}. */
    public static AppConfig config(Sandbox sandbox, Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(env);
        merged.keySet().removeIf(k -> k.startsWith("DD_") || k.startsWith("SENTRY_") || k.startsWith("AWS_"));
        merged.put("DD_SITE", sandbox.datadogUrl().toString());
        merged.put("SENTRY_URL", sandbox.sentryUrl().toString());
        merged.put("AWS_ENDPOINT_URL_XRAY", sandbox.xrayUrl().toString());
        return new CatalogLoader().loadResource(CATALOG, merged);
    }

    /** Vendor credentials the sandbox accepts, with the Slack tokens of {@code real} kept. */
    public static Secrets secrets(Secrets real) {
        return new Secrets(real.slackBotToken(), real.slackAppToken(),
                "sandbox-datadog-api-key", "sandbox-datadog-app-key", "sandbox-sentry-token");
    }
}
