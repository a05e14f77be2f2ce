package dev.investigator.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Keeps the dated results in BENCHMARKS.md: each run's section sits between {@code <!-- bench:DATE -->} and
 * {@code <!-- /bench:DATE -->}. A run replaces the section of its own date and leaves the others (the history)
 * alone; a new date goes above the older ones, so the newest comes first. Anything outside the markers (the
 * hand-written explanation of the figures) is kept as it is.
 */
final class BenchmarksFile {

    private static final String TITLE = "# Benchmarks\n\n";

    private BenchmarksFile() {
    }

    static void update(Path file, LocalDate date, String section) throws IOException {
        String current = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : TITLE;
        Files.writeString(file, updated(current, date, section), StandardCharsets.UTF_8);
    }

    /** {@code current} with the section for {@code date} replaced, or added above the newest one. */
    static String updated(String current, LocalDate date, String section) {
        String open = "<!-- bench:" + date + " -->";
        String close = "<!-- /bench:" + date + " -->";
        String block = open + "\n" + section.strip() + "\n" + close;
        int start = current.indexOf(open);
        if (start >= 0) {
            int end = current.indexOf(close, start);
            if (end >= 0) {
                return current.substring(0, start) + block + current.substring(end + close.length());
            }
        }
        int newest = current.indexOf("<!-- bench:");
        if (newest >= 0) {
            return current.substring(0, newest) + block + "\n\n" + current.substring(newest);
        }
        String base = current.endsWith("\n") ? current : current + "\n";
        return base + "\n" + block + "\n";
    }
}
