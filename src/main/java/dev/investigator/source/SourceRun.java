package dev.investigator.source;

import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times one source's collection, counts its API calls, and turns any failure into a named gap: the one place
 * that guarantees a source never throws.
 */
public final class SourceRun {

    private static final Logger log = LoggerFactory.getLogger(SourceRun.class);

    /** The body of a collection: may throw {@link SourceFailure}; counts each HTTP request on {@code calls}. */
    @FunctionalInterface
    public interface Body {
        Evidence collect(AtomicInteger calls);
    }

    private SourceRun() {
    }

    public static SourceReport report(SourceKind source, Clock clock, String link, Body body) {
        Instant started = clock.instant();
        AtomicInteger calls = new AtomicInteger();
        try {
            Evidence evidence = body.collect(calls);
            return SourceReport.found(source, evidence, Duration.between(started, clock.instant()), calls.get(), link);
        } catch (SourceFailure f) {
            log.warn("{} gap: {} {}", source.displayName(), f.reason(), f.getMessage());
            return SourceReport.failed(f.toGap(source), Duration.between(started, clock.instant()), calls.get(), link);
        } catch (RuntimeException e) {
            // A bug or an SDK surprise: the report still goes out, with the gap named.
            log.error("{} failed unexpectedly", source.displayName(), e);
            Gap gap = Gap.of(source, GapReason.INTERNAL, e.getClass().getSimpleName());
            return SourceReport.failed(gap, Duration.between(started, clock.instant()), calls.get(), link);
        }
    }
}
