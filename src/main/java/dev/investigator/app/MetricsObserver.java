package dev.investigator.app;

import dev.investigator.model.Investigation;
import dev.investigator.ops.InvestigatorMetrics;
import dev.investigator.slack.SlackObserver;
import java.time.Duration;

/** Feeds what the Slack app reports into the Prometheus metrics (the two packages do not know each other). */
final class MetricsObserver implements SlackObserver {

    private final InvestigatorMetrics metrics;

    MetricsObserver(InvestigatorMetrics metrics) {
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
