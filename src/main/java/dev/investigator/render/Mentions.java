package dev.investigator.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack mentions of configured people and groups. Only a well-formed id becomes a mention (which notifies
 * someone); anything else is shown as escaped text, so a typo in the config can never inject markup or ping
 * {@code @channel}.
 */
final class Mentions {

    /** A user (U…, W… on Enterprise Grid) or a user group (S…), bare or already written as a mention. */
    private static final Pattern ID = Pattern.compile("<?(?:@|!subteam\\^)?([UWS][A-Z0-9]{2,30})(?:\\|[^>]*)?>?");

    private Mentions() {
    }

    /** {@code <@U123>} for a user, {@code <!subteam^S123>} for a user group, escaped text otherwise. */
    static String of(String id) {
        String raw = id == null ? "" : id.strip();
        Matcher m = ID.matcher(raw);
        if (!m.matches()) {
            return BlockKitLimits.escape(BlockKitLimits.oneLine(raw, Phrases.MAX_NAME));
        }
        String bare = m.group(1);
        return bare.startsWith("S") ? "<!subteam^" + bare + ">" : "<@" + bare + ">";
    }
}
