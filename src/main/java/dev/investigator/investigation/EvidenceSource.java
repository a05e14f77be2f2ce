package dev.investigator.investigation;

import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;

/**
 * One vendor behind one method. Implementations never throw: every failure becomes a {@link SourceReport}
 * with a named gap, so one failing source never sinks the report.
 */
public interface EvidenceSource {

    SourceKind kind();

    /** Collects this source's evidence for the query, giving up (with a TIMEOUT gap) at the deadline. */
    SourceReport collect(InvestigationQuery query, Deadline deadline);

    /**
     * The vendor console with the service and window filled in, without any request: what a person opens
     * when the source did not answer in time. Empty when there is none.
     */
    default String consoleLink(InvestigationQuery query) {
        return "";
    }
}
