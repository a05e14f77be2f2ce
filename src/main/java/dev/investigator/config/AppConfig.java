package dev.investigator.config;

import dev.investigator.alert.AlertSettings;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.rotation.RotationSettings;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The loaded configuration: embedded defaults, then the user's file, then the environment. Holds no secrets
 * (those are in {@link Secrets}), so it may be printed as it is.
 *
 * @param origin where it was read from, for messages
 */
public record AppConfig(
        String origin,
        String locale,
        ZoneId zone,
        Duration defaultWindow,
        Duration investigationDeadline,
        Duration sourceDeadline,
        String datadogSite,
        URI sentryUrl,
        String sentryOrganization,
        String xrayRegion,
        Optional<URI> xrayEndpoint,
        SlackSettings slack,
        ServiceCatalog catalog,
        Optional<RotationSettings> rotation,
        AlertSettings alerts) {

    public AppConfig {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(xrayEndpoint, "xrayEndpoint");
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(alerts, "alerts");
    }

    /** The same configuration with other Slack settings (tests and tools that point the bot elsewhere). */
    public AppConfig withSlack(SlackSettings other) {
        return new AppConfig(origin, locale, zone, defaultWindow, investigationDeadline, sourceDeadline, datadogSite,
                sentryUrl, sentryOrganization, xrayRegion, xrayEndpoint, other, catalog, rotation, alerts);
    }

    /** The same configuration watching other alert channels. */
    public AppConfig withAlerts(AlertSettings other) {
        return new AppConfig(origin, locale, zone, defaultWindow, investigationDeadline, sourceDeadline, datadogSite,
                sentryUrl, sentryOrganization, xrayRegion, xrayEndpoint, slack, catalog, rotation, other);
    }

    /** The same configuration with another rotation (or none). */
    public AppConfig withRotation(Optional<RotationSettings> other) {
        return new AppConfig(origin, locale, zone, defaultWindow, investigationDeadline, sourceDeadline, datadogSite,
                sentryUrl, sentryOrganization, xrayRegion, xrayEndpoint, slack, catalog, other, alerts);
    }

    /** A readable summary for start-up logs and {@code config} output. */
    public String describe() {
        return "config " + origin
                + "\n  locale " + locale + ", zone " + zone + ", default window " + Durations.format(defaultWindow)
                + "\n  deadlines: investigation " + Durations.format(investigationDeadline)
                + ", each source " + Durations.format(sourceDeadline)
                + "\n  datadog site " + datadogSite
                + "\n  sentry " + sentryUrl + " org " + (sentryOrganization.isEmpty() ? "(unset)" : sentryOrganization)
                + "\n  xray region " + xrayRegion + xrayEndpoint.map(u -> " endpoint " + u).orElse("")
                + "\n  slack api " + slack.apiUrl() + ", " + slack.workers() + " workers"
                + (slack.allowedChannels().isEmpty() ? ", any channel" : ", channels " + String.join(" ", slack.allowedChannels()))
                + (slack.allowedUserGroups().isEmpty() ? ", anyone" : ", user groups " + String.join(" ", slack.allowedUserGroups()))
                + "\n  services " + String.join(", ", catalog.names())
                + rotation.map(r -> "\n  rotation " + r.members().size() + " members, prompt " + r.promptTime() + " " + r.zone()
                        + " in " + r.channel() + ", state in " + r.dataDir()).orElse("\n  rotation off")
                + (alerts.channels().isEmpty() ? "\n  alert channels: none" : "\n  alert channels: " + String.join(" ", alerts.channels().keySet()));
    }
}
