package dev.investigator.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The neutral result of asking one source: what it found (possibly nothing), or why it could not answer.
 *
 * @param apiCalls HTTP requests the source made for this report, retries included
 * @param link     the vendor console with the service and window filled in (empty if none)
 */
public record SourceReport(
        SourceKind source, Optional<Evidence> evidence, Optional<Gap> gap, Duration elapsed, int apiCalls, String link) {

    public SourceReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(elapsed, "elapsed");
        if (evidence.isPresent() == gap.isPresent()) {
            throw new IllegalArgumentException("a report has either evidence or a gap");
        }
        link = link == null ? "" : link;
    }

    public static SourceReport found(SourceKind source, Evidence evidence, Duration elapsed, int apiCalls, String link) {
        return new SourceReport(source, Optional.of(evidence), Optional.empty(), elapsed, apiCalls, link);
    }

    public static SourceReport failed(Gap gap, Duration elapsed, int apiCalls, String link) {
        return new SourceReport(gap.source(), Optional.empty(), Optional.of(gap), elapsed, apiCalls, link);
    }

    public SourceReport withLink(String consoleLink) {
        return new SourceReport(source, evidence, gap, elapsed, apiCalls, consoleLink);
    }

    public boolean failed() {
        return gap.isPresent();
    }

    public <T extends Evidence> Optional<T> evidence(Class<T> type) {
        return evidence.filter(type::isInstance).map(type::cast);
    }
}
