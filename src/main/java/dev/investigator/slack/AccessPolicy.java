package dev.investigator.slack;

import dev.investigator.config.SlackSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may run investigations where: the configured channels and user groups. Group membership is read
 * from Slack and kept for a few minutes, so the check on the ack path is a set lookup, not an API call.
 */
public final class AccessPolicy {

    private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);
    static final Duration MEMBERSHIP_TTL = Duration.ofMinutes(5);

    public enum Decision { ALLOWED, CHANNEL_NOT_ALLOWED, USER_NOT_ALLOWED }

    private final List<String> channels;
    private final List<String> groups;
    private final Function<String, List<String>> membersOf;
    private final Clock clock;
    private volatile Set<String> members = Set.of();
    private volatile Instant membersReadAt = Instant.MIN;

    /** @param membersOf reads a user group's members from Slack (usergroups.users.list) */
    public AccessPolicy(SlackSettings settings, Function<String, List<String>> membersOf, Clock clock) {
        this.channels = settings.allowedChannels();
        this.groups = settings.allowedUserGroups();
        this.membersOf = Objects.requireNonNull(membersOf);
        this.clock = Objects.requireNonNull(clock);
    }

    public Decision check(String channelId, String userId) {
        if (!channels.isEmpty() && !channels.contains(channelId)) {
            return Decision.CHANNEL_NOT_ALLOWED;
        }
        if (!groups.isEmpty() && !members().contains(userId)) {
            return Decision.USER_NOT_ALLOWED;
        }
        return Decision.ALLOWED;
    }

    public List<String> allowedChannels() {
        return channels;
    }

    public List<String> allowedGroups() {
        return groups;
    }

    private Set<String> members() {
        if (membersReadAt.plus(MEMBERSHIP_TTL).isBefore(clock.instant())) {
            refresh();
        }
        return members;
    }

    private synchronized void refresh() {
        if (!membersReadAt.plus(MEMBERSHIP_TTL).isBefore(clock.instant())) {
            return; // another thread just did it
        }
        Set<String> fresh = new HashSet<>();
        try {
            for (String group : groups) {
                fresh.addAll(membersOf.apply(group));
            }
            members = Set.copyOf(fresh);
            membersReadAt = clock.instant();
        } catch (RuntimeException e) {
            // Keep the last known members: an outage of usergroups.users.list must not lock everyone out.
            log.warn("could not read user group members, keeping the last known list: {}", e.toString());
        }
    }
}
