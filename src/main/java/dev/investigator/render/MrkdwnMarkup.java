package dev.investigator.render;

/** Slack mrkdwn: vendor text escaped, links as {@code <url|label>}, {@code *bold*}, {@code `code`}. */
final class MrkdwnMarkup implements Markup {

    @Override
    public String text(String raw, int max) {
        // Cut first, escape after: a cut after escaping could split an entity such as &amp;.
        return BlockKitLimits.escape(BlockKitLimits.oneLine(raw, max));
    }

    @Override
    public String link(String url, String label) {
        return BlockKitLimits.link(url, BlockKitLimits.oneLine(label, BlockKitLimits.MAX_DETAIL));
    }

    @Override
    public String bold(String safe) {
        return safe.isEmpty() ? safe : "*" + safe + "*";
    }

    @Override
    public String code(String raw, int max) {
        // A backtick inside would end the code span early.
        String inner = BlockKitLimits.oneLine(raw, max).replace('`', '\'');
        return inner.isEmpty() ? "" : "`" + BlockKitLimits.escape(inner) + "`";
    }
}
