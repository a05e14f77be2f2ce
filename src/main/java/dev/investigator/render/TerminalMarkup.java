package dev.investigator.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A terminal: vendor text stripped of control characters (a title with an escape sequence must not repaint the
 * screen), links as numbered footnotes listed in full at the end, optional ANSI bold.
 *
 * <p>Holds the footnotes of one rendering: make a new one per {@link TerminalRenderer#render} call.
 */
final class TerminalMarkup implements Markup {

    static final String RESET = "\u001b[0m";
    static final String BOLD = "\u001b[1m";
    static final String RED = "\u001b[31m";
    static final String YELLOW = "\u001b[33m";
    static final String GREEN = "\u001b[32m";
    static final String GREY = "\u001b[90m";

    private final boolean ansi;
    private final Map<String, Integer> footnotes = new LinkedHashMap<>();

    TerminalMarkup(boolean ansi) {
        this.ansi = ansi;
    }

    @Override
    public String text(String raw, int max) {
        return BlockKitLimits.oneLine(raw, max);
    }

    @Override
    public String link(String url, String label) {
        String text = BlockKitLimits.oneLine(label, BlockKitLimits.MAX_DETAIL);
        if (url == null || url.isBlank()) {
            return text;
        }
        int n = footnotes.computeIfAbsent(BlockKitLimits.oneLine(url, Integer.MAX_VALUE), u -> footnotes.size() + 1);
        return text + " [" + n + "]";
    }

    @Override
    public String bold(String safe) {
        return color(BOLD, safe);
    }

    @Override
    public String code(String raw, int max) {
        return BlockKitLimits.oneLine(raw, max);
    }

    /** {@code text} in an ANSI colour, or as is when colour is off. */
    String color(String code, String text) {
        return ansi && !code.isEmpty() && !text.isEmpty() ? code + text + RESET : text;
    }

    record Footnote(int number, String url) {
    }

    /** Every link used so far, numbered in order of first use. */
    List<Footnote> footnotes() {
        List<Footnote> notes = new ArrayList<>(footnotes.size());
        footnotes.forEach((url, n) -> notes.add(new Footnote(n, url)));
        return notes;
    }
}
