package dev.investigator.model;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The finished, neutral result: verdict, headline numbers, likely cause, the dated findings, and every
 * source's report (gaps included). Renderers need nothing else.
 */
public record Investigation(
        InvestigationQuery query,
        Verdict verdict,
        List<KeyNumber> keyNumbers,
        Optional<Cause> cause,
        List<Finding> timeline,
        List<SourceReport> reports,
        Duration elapsed) {

    public Investigation {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(verdict, "verdict");
        keyNumbers = List.copyOf(keyNumbers);
        Objects.requireNonNull(cause, "cause");
        timeline = List.copyOf(timeline);
        reports = List.copyOf(reports);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    public Optional<SourceReport> report(SourceKind kind) {
        return reports.stream().filter(r -> r.source() == kind).findFirst();
    }

    public List<Gap> gaps() {
        return reports.stream().flatMap(r -> r.gap().stream()).toList();
    }
}
