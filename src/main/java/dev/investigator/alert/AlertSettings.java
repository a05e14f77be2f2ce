package dev.investigator.alert;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code alerts:} section: only the channels listed are watched, each with the defaults and its overrides
 * already merged.
 *
 * @param defaults what a channel gets when it overrides nothing
 * @param channels Slack channel id → its settings
 */
public record AlertSettings(ChannelSettings defaults, Map<String, ChannelSettings> channels) {

    public AlertSettings {
        Objects.requireNonNull(defaults, "defaults");
        channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
    }

    /** No channel watched: the feature is off. */
    public static AlertSettings none() {
        return new AlertSettings(ChannelSettings.defaults(), Map.of());
    }

    public Optional<ChannelSettings> channel(String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    public boolean watches(String channelId) {
        return channels.containsKey(channelId);
    }
}
