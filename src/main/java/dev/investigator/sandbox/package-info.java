/**
 * The embedded sandbox: simulated Datadog, Sentry and AWS X-Ray HTTP APIs for running a full investigation
 * locally, with the real vendor clients, and for the benchmark.
 *
 * <p>{@link dev.investigator.sandbox.Sandbox} is the entry point. Inside, each vendor is a
 * {@code VendorApi} served by a {@code VendorServer} (JDK HttpServer on 127.0.0.1, latency simulated with a
 * scheduler). The scripted story lives in {@code Scenarios} (onset, overnight episode, per-service levels),
 * {@code MetricModel} (Datadog points), {@code EventScript} (Datadog events), {@code DatadogMonitors} (monitor
 * search), {@code IssueScripts}/{@code IssueActivity} (Sentry issues and their event counts) and
 * {@code TraceModel} (X-Ray traces, from which summaries, the service graph and segment documents are derived). Every value is a pure function of (service, timestamp, clock), seeded
 * through {@code Noise}.
 */
package dev.investigator.sandbox;
