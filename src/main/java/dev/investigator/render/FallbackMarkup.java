package dev.investigator.render;

/**
 * Slack's notification text: plain words with no mrkdwn markers and no links, but {@code & < >} still escaped,
 * because Slack parses a message's {@code text} for control sequences.
 */
final class FallbackMarkup implements Markup {

    @Override
    public String text(String raw, int max) {
        return BlockKitLimits.escape(BlockKitLimits.oneLine(raw, max));
    }

    @Override
    public String link(String url, String label) {
        return text(label);
    }

    @Override
    public String bold(String safe) {
        return safe;
    }

    @Override
    public String code(String raw, int max) {
        return text(raw, max);
    }
}
