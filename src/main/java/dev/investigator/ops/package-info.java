/**
 * Running the bot in production: metrics, probes and logs. Knows the model and the engine, never Slack or a vendor.
 *
 * <h2>Environment</h2>
 * <ul>
 *   <li>{@code OPS_HOST} (default {@code 0.0.0.0}, every interface, so a container's liveness/readiness probes and
 *       Prometheus reach it from outside; set {@code 127.0.0.1} on a shared host) and {@code OPS_PORT} (default
 *       8080; {@code 0} turns the server off): {@link dev.investigator.ops.OpsServer#address}.</li>
 *   <li>{@code LOG_FORMAT}: {@code text} (default) or {@code json} (one object a line, MDC keys as fields);
 *       anything else writes text and warns at startup.</li>
 *   <li>{@code LOG_LEVEL}: root and {@code dev.investigator} level (defaults WARN and INFO).</li>
 * </ul>
 *
 * <h2>Endpoints ({@link dev.investigator.ops.OpsServer})</h2>
 * {@code GET /healthz} 200 {@code ok}; {@code GET /readyz} 200 or 503 with
 * {@code {"ready":false,"slack":"disconnected","inFlight":3,"shuttingDown":false}}; {@code GET /metrics} Prometheus text.
 *
 * <h2>Metrics ({@link dev.investigator.ops.InvestigatorMetrics})</h2>
 * {@code investigator_commands_total{kind}}, {@code investigator_ack_seconds} (summary with p50/p99) and
 * {@code investigator_ack_histogram_seconds} (buckets), {@code investigator_investigation_seconds{verdict}},
 * {@code investigator_source_seconds{source}}, {@code investigator_source_calls_total{source}},
 * {@code investigator_source_failures_total{source,reason}}, {@code investigator_slack_calls_total{method,outcome}},
 * {@code investigator_investigations_in_flight}; plus JVM memory, threads, CPU and uptime when built by
 * {@link dev.investigator.ops.InvestigatorMetrics#create()}.
 */
package dev.investigator.ops;
