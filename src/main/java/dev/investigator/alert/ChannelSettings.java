package dev.investigator.alert;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one alert channel is handled (the {@code alerts.defaults} with the channel's overrides laid on top).
 *
 * @param vendors      whose posts are read; others are ignored
 * @param minSeverity  alerts below it are ignored (alerts of unknown severity always pass)
 * @param states       states that start an investigation; recoveries never do, they are matched instead
 * @param lookback     the investigated window starts this long before the alert time
 * @param after        … and ends this long after it, or now if sooner; the window is at least five minutes
 * @param stormWindow  later alerts for the same service within this long of the storm's first alert share its investigation
 * @param dailyCap     investigations per local day in this channel
 * @param maxAge       posts older than this (replayed after a reconnect) are ignored
 * @param aliases      text in alerts (lower case) → catalog service name
 * @param patterns     regular expressions with a {@code service} group, tried on the alert's title and text
 * @param serviceTags  tag keys whose values name the service, in order of trust
 */
public record ChannelSettings(
        boolean enabled,
        Set<AlertVendor> vendors,
        AlertSeverity minSeverity,
        Set<AlertState> states,
        Duration lookback,
        Duration after,
        Duration stormWindow,
        FollowUpStyle followUps,
        UnknownServiceReply unknownService,
        int dailyCap,
        Duration maxAge,
        Map<String, String> aliases,
        List<Pattern> patterns,
        List<String> serviceTags) {

    public static final List<String> DEFAULT_SERVICE_TAGS = List.of("service", "app", "service_name", "kube_service");

    public ChannelSettings {
        vendors = Collections.unmodifiableSet(vendors.isEmpty() ? EnumSet.noneOf(AlertVendor.class) : EnumSet.copyOf(vendors));
        Objects.requireNonNull(minSeverity, "minSeverity");
        states = Collections.unmodifiableSet(states.isEmpty() ? EnumSet.noneOf(AlertState.class) : EnumSet.copyOf(states));
        if (states.contains(AlertState.RECOVERED)) {
            throw new IllegalArgumentException("a recovery never starts an investigation");
        }
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(stormWindow, "stormWindow");
        Objects.requireNonNull(followUps, "followUps");
        Objects.requireNonNull(unknownService, "unknownService");
        Objects.requireNonNull(maxAge, "maxAge");
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
        patterns = List.copyOf(patterns);
        for (Pattern p : patterns) {
            if (!p.pattern().contains("(?<service>")) {
                throw new IllegalArgumentException("pattern has no (?<service>...) group: " + p.pattern());
            }
        }
        serviceTags = List.copyOf(serviceTags);
    }

    /** Every vendor; firing, warning and no-data investigated; warning and above; 30m back, 5m after; storms of 10m. */
    public static ChannelSettings defaults() {
        return new ChannelSettings(true, EnumSet.allOf(AlertVendor.class), AlertSeverity.WARNING,
                EnumSet.of(AlertState.FIRING, AlertState.WARNING, AlertState.NO_DATA), Duration.ofMinutes(30),
                Duration.ofMinutes(5), Duration.ofMinutes(10), FollowUpStyle.REPLY, UnknownServiceReply.REPLY, 50,
                Duration.ofMinutes(15), Map.of(), List.of(), DEFAULT_SERVICE_TAGS);
    }
}
