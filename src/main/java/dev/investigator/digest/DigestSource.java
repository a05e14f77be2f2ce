package dev.investigator.digest;

import dev.investigator.investigation.Deadline;
import dev.investigator.model.SourceKind;

/**
 * One vendor's part of the daily check, for all services in as few requests as its API allows.
 * Implementations never throw: a failure is a report with a named gap.
 */
public interface DigestSource {

    SourceKind kind();

    DigestReport collect(DigestQuery query, Deadline deadline);
}
