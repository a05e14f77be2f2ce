package dev.investigator.render;

/**
 * How phrases mark up text for one output: Slack mrkdwn, Slack's plain notification text, or a terminal.
 * Phrases are written once against this and read the same everywhere.
 *
 * <p>{@link #text} and {@link #link} take raw vendor or user text and make it safe; {@link #bold} takes text
 * that is already safe (bundle text, or output of this markup).
 */
interface Markup {

    /** Vendor or user text on one line, cut to {@code max} characters, made safe for this output. */
    String text(String raw, int max);

    default String text(String raw) {
        return text(raw, BlockKitLimits.MAX_DETAIL);
    }

    /** {@code label} (raw) pointing at {@code url}; just the label when the url is empty. */
    String link(String url, String label);

    /** Emphasis for safe text. */
    String bold(String safe);

    /** A short technical string (raw), such as an error detail, set apart from prose. */
    String code(String raw, int max);
}
