package dev.investigator.source.sentry;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The issue search the source runs and links to, so the console link shows exactly what the report counted. */
final class IssueSearch {

    static final String UNRESOLVED = "is:unresolved";

    private IssueSearch() {
    }

    /** {@code is:unresolved} plus the catalog's extra terms, if any. */
    static String query(String extra) {
        return extra == null || extra.isBlank() ? UNRESOLVED : UNRESOLVED + " " + extra.strip();
    }

    /** ISO-8601 UTC with seconds precision, rounded down: the range never starts after the window does. */
    static String start(Instant from) {
        return DateTimeFormatter.ISO_INSTANT.format(from.truncatedTo(ChronoUnit.SECONDS));
    }

    /** ISO-8601 UTC with seconds precision, rounded up: the range never ends before the window does. */
    static String end(Instant to) {
        Instant whole = to.truncatedTo(ChronoUnit.SECONDS);
        return DateTimeFormatter.ISO_INSTANT.format(whole.equals(to) ? whole : whole.plusSeconds(1));
    }
}
