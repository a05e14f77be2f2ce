package dev.investigator.alert;

/** The monitoring tools whose Slack posts the bot recognises. */
public enum AlertVendor {
    DATADOG,
    SENTRY,
    PAGERDUTY,
    /** CloudWatch alarms, posted by AWS Chatbot (now "Amazon Q Developer in chat applications"). */
    CLOUDWATCH,
    GRAFANA
}
