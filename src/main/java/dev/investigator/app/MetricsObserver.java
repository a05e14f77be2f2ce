package dev.investigator.app;

import dev.investigator.model.Investigation;
import dev.investigator.ops.InvestigatorMetrics;
import dev.investigator.slack.SlackObserver;
import java.time.Duration;

/**
 * Feeds what the Slack app reports into the Prometheus metrics (the two packages do not know each other). Public
 * so the benchmark observes the Slack app through the same path as {@code run}.
 */
public final class MetricsObserver implements SlackObserver {

    private final InvestigatorMetrics metrics;

    public MetricsObserver(InvestigatorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void commandReceived(String kind) {
        metrics.commandReceived(kind);
    }

    @Override
    public void acked(Duration latency) {
        metrics.acked(latency);
    }

    @Override
    public void slackCall(String method, String outcome) {
        metrics.slackCall(method, outcome);
    }

    @Override
    public void investigationFinished(Investigation investigation) {
        metrics.investigationFinished(investigation);
    }
}
