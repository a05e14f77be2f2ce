package dev.investigator.sandbox.slack;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the fake workspace knows about channels. By default every channel id exists, is public and has the bot
 * as a member; a test registers the exceptions.
 */
final class Channels {

    /** One channel as the bot sees it. */
    record Channel(String id, String name, boolean isPrivate, boolean botIsMember) {

        String type() {
            if (id.startsWith("D")) {
                return "im";
            }
            return isPrivate ? "group" : "channel";
        }
    }

    private final Map<String, Channel> known = new HashMap<>();
    private final Set<String> unknown = new HashSet<>();

    synchronized void define(String id, boolean isPrivate) {
        Channel current = lookupOrDefault(id);
        known.put(id, new Channel(id, current.name(), isPrivate, current.botIsMember()));
        unknown.remove(id);
    }

    synchronized void botNotIn(String id) {
        Channel current = lookupOrDefault(id);
        known.put(id, new Channel(id, current.name(), current.isPrivate(), false));
        unknown.remove(id);
    }

    synchronized void markUnknown(String id) {
        known.remove(id);
        unknown.add(id);
    }

    /** A slash command tells the channel's name; later payloads about that channel reuse it. */
    synchronized void rememberName(String id, String name) {
        if (!unknown.contains(id)) {
            Channel current = lookupOrDefault(id);
            known.put(id, new Channel(id, name, current.isPrivate(), current.botIsMember()));
        }
    }

    /** The channel, or empty when Slack would answer {@code channel_not_found} to the bot. */
    synchronized Optional<Channel> find(String id) {
        if (id == null || id.isBlank() || unknown.contains(id)) {
            return Optional.empty();
        }
        Channel channel = lookupOrDefault(id);
        // The bot cannot see a private channel it is not in: Slack says channel_not_found, not not_in_channel.
        if (channel.isPrivate() && !channel.botIsMember()) {
            return Optional.empty();
        }
        return Optional.of(channel);
    }

    /** Slack's error for the bot writing to {@code id}, or empty if it may. */
    synchronized Optional<String> writeError(String id) {
        Optional<Channel> channel = find(id);
        if (channel.isEmpty()) {
            return Optional.of("channel_not_found");
        }
        return channel.get().botIsMember() ? Optional.empty() : Optional.of("not_in_channel");
    }

    private Channel lookupOrDefault(String id) {
        Channel channel = known.get(id);
        return channel != null ? channel : new Channel(id, "channel-" + id.toLowerCase(Locale.ROOT), false, true);
    }
}
