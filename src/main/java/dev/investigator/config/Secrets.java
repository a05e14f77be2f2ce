package dev.investigator.config;

import java.util.Map;

/**
 * Credentials, read only from the environment. {@link #toString()} never shows a value, so a stray log line
 * cannot leak one.
 */
public record Secrets(
        String slackBotToken, String slackAppToken, String datadogApiKey, String datadogAppKey, String sentryAuthToken) {

    public static Secrets fromEnvironment(Map<String, String> env) {
        return new Secrets(
                value(env, "SLACK_BOT_TOKEN"),
                value(env, "SLACK_APP_TOKEN"),
                value(env, "DD_API_KEY"),
                value(env, "DD_APP_KEY"),
                value(env, "SENTRY_AUTH_TOKEN"));
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null ? "" : v.trim();
    }

    @Override
    public String toString() {
        return "Secrets[SLACK_BOT_TOKEN=" + state(slackBotToken) + ", SLACK_APP_TOKEN=" + state(slackAppToken)
                + ", DD_API_KEY=" + state(datadogApiKey) + ", DD_APP_KEY=" + state(datadogAppKey)
                + ", SENTRY_AUTH_TOKEN=" + state(sentryAuthToken) + "]";
    }

    private static String state(String v) {
        return v.isEmpty() ? "unset" : "set";
    }
}
