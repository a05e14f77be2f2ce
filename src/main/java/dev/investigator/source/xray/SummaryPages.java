package dev.investigator.source.xray;

import java.util.List;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/**
 * The trace summaries read for a window or for one slice of it; {@code truncated} when there was more to read
 * (a page bound reached, a later page or a sibling slice failed), so the counts are a sample.
 */
record SummaryPages(List<TraceSummary> traces, boolean truncated) {

    SummaryPages {
        traces = List.copyOf(traces);
    }
}
