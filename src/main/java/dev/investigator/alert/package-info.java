/**
 * Alert channels, the pure core: recognising monitoring tools' Slack posts and deciding what each one costs.
 *
 * <p>Flow: a Slack {@code message} event → {@link dev.investigator.alert.AlertPost} → {@link dev.investigator.alert.AlertRecognizer}
 * (one {@link dev.investigator.alert.AlertParser} per vendor: Datadog, Sentry, PagerDuty, CloudWatch via AWS Chatbot /
 * Amazon Q, Grafana) → {@link dev.investigator.alert.Alert} → {@link dev.investigator.alert.ServiceResolver} (catalog services
 * only) → {@link dev.investigator.alert.AlertTriage}, which applies the channel's
 * {@link dev.investigator.alert.ChannelSettings}, the {@link dev.investigator.alert.StormCoalescer}, the
 * {@link dev.investigator.alert.DailyCap} and the {@link dev.investigator.alert.AlertLedger}, and returns
 * {@link dev.investigator.alert.AlertDecision}s for the Slack layer to carry out.
 *
 * <p>No Slack SDK, no I/O, time from an injected {@link java.time.Clock}. Vendor text never leaves as a query: only
 * catalog service definitions and windows do.
 */
package dev.investigator.alert;
