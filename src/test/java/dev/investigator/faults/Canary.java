package dev.investigator.faults;

import dev.investigator.sandbox.slack.FakeSlack;
import java.util.List;

/**
 * Credentials with values that cannot occur by chance, so a test can search every log line, gap, request and
 * Slack payload for them. The Slack tokens are the only ones the fake Slack accepts.
 */
final class Canary {

    static final String DD_API_KEY = "ddapiCANARY7f3a9c1e5b0d2468ace";
    static final String DD_APP_KEY = "ddappCANARY2b4d6f8a0c1e3579bdf";
    static final String SENTRY_TOKEN = "sntrys_CANARYeyJpYXQiOjE3fQ_9d8c7b6a5f4e3d2c1b0a";
    /** An access key id is sent in every signed request (the Credential= part), so only its vendor may see it. */
    static final String AWS_ACCESS_KEY_ID = "AKIACANARY7F3A9C1E5B";
    /** The secret signs requests and is never sent anywhere, not even to X-Ray. */
    static final String AWS_SECRET = "awsSecretCANARY/K7MDENG+bPxRfiCY9e8d7c6b5a4";
    static final String SLACK_BOT_TOKEN = FakeSlack.BOT_TOKEN;
    static final String SLACK_APP_TOKEN = FakeSlack.APP_TOKEN;

    /** Every credential value; none may appear in a log line, a gap or a Slack payload. */
    static final List<String> ALL = List.of(
            DD_API_KEY, DD_APP_KEY, SENTRY_TOKEN, AWS_ACCESS_KEY_ID, AWS_SECRET, SLACK_BOT_TOKEN, SLACK_APP_TOKEN);

    private Canary() {
    }

    /** The canaries {@code text} contains, for an assertion message that names which leaked. */
    static List<String> foundIn(String text) {
        if (text == null) {
            return List.of();
        }
        return ALL.stream().filter(text::contains).toList();
    }
}
