package dev.investigator.model;

import java.util.List;

/** What one source found, in neutral terms. One shape per kind of source. */
public sealed interface Evidence {

    record Metrics(List<MetricSeries> series, List<ChangeEvent> changes) implements Evidence {
        public Metrics {
            series = List.copyOf(series);
            changes = List.copyOf(changes);
        }
    }

    record Errors(List<ErrorIssue> issues, boolean truncated) implements Evidence {
        public Errors {
            issues = List.copyOf(issues);
        }
    }

    record Traces(TraceStats stats) implements Evidence {
    }
}
