package dev.investigator.source;

import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestReport;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.SourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SourceRun} for the daily check: times one source's digest collection, counts its API calls, and turns
 * any failure into a named gap, so a digest source never throws.
 */
public final class DigestRun {

    private static final Logger log = LoggerFactory.getLogger(DigestRun.class);

    /** The body of a digest collection: may throw {@link SourceFailure}; counts each HTTP request on {@code calls}. */
    @FunctionalInterface
    public interface Body {
        DigestEvidence collect(AtomicInteger calls);
    }

    private DigestRun() {
    }

    public static DigestReport report(SourceKind source, Clock clock, Body body) {
        Instant started = clock.instant();
        AtomicInteger calls = new AtomicInteger();
        try {
            DigestEvidence evidence = body.collect(calls);
            return DigestReport.found(source, evidence, Duration.between(started, clock.instant()), calls.get());
        } catch (SourceFailure f) {
            log.warn("{} digest gap: {} {}", source.displayName(), f.reason(), f.getMessage());
            return DigestReport.failed(f.toGap(source), Duration.between(started, clock.instant()), calls.get());
        } catch (RuntimeException e) {
            // A bug or an SDK surprise: the digest still goes out, with this source named as a gap.
            log.error("{} digest failed unexpectedly", source.displayName(), e);
            Gap gap = Gap.of(source, GapReason.INTERNAL, e.getClass().getSimpleName());
            return DigestReport.failed(gap, Duration.between(started, clock.instant()), calls.get());
        }
    }
}
