package dev.investigator.render;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares rendered output with a reviewed file under {@code src/test/resources/golden/}. Run with
 * {@code -Dgolden.update=true} to rewrite the files instead (then review the diff); otherwise a difference fails
 * with the first differing line and some context.
 */
final class Golden {

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");
    private static final int CONTEXT = 3;

    private Golden() {
    }

    static boolean updating() {
        return Boolean.parseBoolean(System.getProperty("golden.update", "false"));
    }

    static void check(String relativePath, String actual) {
        Path file = ROOT.resolve(relativePath);
        try {
            if (updating()) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.exists(file)) {
                fail("golden file %s does not exist; run the tests with -Dgolden.update=true to create it, then review it",
                        file);
            }
            String expected = Files.readString(file, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                fail(diff(file, expected, actual));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first differing line, a few lines around it from both sides, and the hint to update. */
    static String diff(Path file, String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        int first = 0;
        while (first < want.size() && first < got.size() && want.get(first).equals(got.get(first))) {
            first++;
        }
        int column = 0;
        if (first < want.size() && first < got.size()) {
            String a = want.get(first);
            String b = got.get(first);
            while (column < a.length() && column < b.length() && a.charAt(column) == b.charAt(column)) {
                column++;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("rendered output differs from golden file ").append(file)
                .append(" at line ").append(first + 1).append(", column ").append(column + 1)
                .append(" (expected ").append(want.size()).append(" lines, got ").append(got.size()).append(")\n");
        int from = Math.max(0, first - CONTEXT);
        out.append("--- expected\n");
        for (int i = from; i < Math.min(want.size(), first + CONTEXT + 1); i++) {
            out.append(i == first ? "> " : "  ").append(i + 1).append(": ").append(want.get(i)).append('\n');
        }
        out.append("+++ actual\n");
        for (int i = from; i < Math.min(got.size(), first + CONTEXT + 1); i++) {
            out.append(i == first ? "> " : "  ").append(i + 1).append(": ").append(got.get(i)).append('\n');
        }
        if (first >= want.size() && first >= got.size()) {
            out.append("(the files differ only in line endings or a trailing newline)\n");
        }
        out.append("If the change is intended, run: mvn -o test -Dtest='dev.investigator.render.*' -Dgolden.update=true"
                + " and review the diff.");
        return out.toString();
    }
}
