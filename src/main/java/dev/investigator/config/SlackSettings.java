package dev.investigator.config;

import java.util.List;

/**
 * How the Slack app behaves, from the catalog's {@code slack:} section.
 *
 * @param apiUrl            the Web API base, ending in {@code /} (SLACK_API_URL; a local fake in tests)
 * @param allowedChannels   channel ids where /investigate may run; empty: any channel the bot is in
 * @param allowedUserGroups user group ids whose members may use it; empty: anyone in the workspace
 * @param workers           investigations run at once; more wait in a bounded queue
 */
public record SlackSettings(String apiUrl, List<String> allowedChannels, List<String> allowedUserGroups, int workers) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        allowedChannels = List.copyOf(allowedChannels);
        allowedUserGroups = List.copyOf(allowedUserGroups);
    }
}
