package dev.investigator.digest;

import dev.investigator.model.Gap;
import dev.investigator.model.SourceKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One source's answer to the daily check: its evidence for all services, or the gap that stopped it.
 *
 * @param apiCalls HTTP requests made, retries included (recorded in BENCHMARKS.md per service)
 */
public record DigestReport(SourceKind source, Optional<DigestEvidence> evidence, Optional<Gap> gap, Duration elapsed, int apiCalls) {

    public DigestReport {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(elapsed, "elapsed");
        if (evidence.isPresent() == gap.isPresent()) {
            throw new IllegalArgumentException("a report has either evidence or a gap");
        }
    }

    public static DigestReport found(SourceKind source, DigestEvidence evidence, Duration elapsed, int apiCalls) {
        return new DigestReport(source, Optional.of(evidence), Optional.empty(), elapsed, apiCalls);
    }

    public static DigestReport failed(Gap gap, Duration elapsed, int apiCalls) {
        return new DigestReport(gap.source(), Optional.empty(), Optional.of(gap), elapsed, apiCalls);
    }

    public <T extends DigestEvidence> Optional<T> evidence(Class<T> type) {
        return evidence.filter(type::isInstance).map(type::cast);
    }
}
