package dev.investigator.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place Slack's Block Kit limits are known and enforced, and where vendor or user text is made safe
 * for mrkdwn. Slack rejects a whole message when one limit is exceeded, so nothing leaves the renderer without
 * passing through here.
 *
 * <p>Lengths are counted in UTF-16 code units ({@link String#length()}), which is never less than Slack's
 * count of characters, so a text that fits here fits in Slack.
 */
public final class BlockKitLimits {

    public static final int MAX_BLOCKS = 50;
    public static final int MAX_TEXT = 3_000;
    public static final int MAX_FALLBACK_TEXT = 3_000;
    public static final int MAX_HEADER = 150;
    public static final int MAX_BUTTON_TEXT = 75;
    public static final int MAX_BUTTON_URL = 3_000;
    public static final int MAX_BUTTON_VALUE = 2_000;
    public static final int MAX_FIELDS = 10;
    public static final int MAX_FIELD_TEXT = 2_000;
    public static final int MAX_CONTEXT_ELEMENTS = 10;
    public static final int MAX_ACTION_ELEMENTS = 25;
    public static final int MAX_ACTION_ID = 255;
    /** Gap details and other vendor messages are cut here: short and safe, never a body. */
    public static final int MAX_DETAIL = 200;

    static final String ELLIPSIS = "…";

    private final Messages messages;

    public BlockKitLimits(Messages messages) {
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    // ---- escaping ----

    /** Escapes the three characters Slack's mrkdwn treats as control characters. Idempotence is not wanted. */
    public static String escape(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A mrkdwn link {@code <url|label>}. The label is escaped and a {@code |} in it is replaced by a look-alike,
     * because Slack has no escape for it inside a link; in the url, {@code | < >} and spaces are percent-encoded and
     * {@code &} is escaped like everywhere else in mrkdwn (Slack decodes it before following the link).
     * With no url, the escaped label alone.
     */
    public static String link(String url, String label) {
        String safeLabel = escape(label == null ? "" : label).replace('|', '¦');
        if (url == null || url.isBlank()) {
            return safeLabel;
        }
        String safeUrl = url.strip()
                .replace("|", "%7C")
                .replace("<", "%3C")
                .replace(">", "%3E")
                .replace(" ", "%20")
                .replace("&", "&amp;");
        if (safeLabel.isEmpty()) {
            return "<" + safeUrl + ">";
        }
        return "<" + safeUrl + "|" + safeLabel + ">";
    }

    // ---- truncation ----

    /** Plain text cut to {@code max} characters with a trailing "…"; never splits a surrogate pair. */
    public static String truncate(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = safeCut(text, max - ELLIPSIS.length());
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /**
     * mrkdwn cut to {@code max} characters with a trailing "…", never in the middle of a {@code <link|label>},
     * an {@code &amp;}-style entity, or a surrogate pair: a cut there would show broken markup.
     */
    public static String truncateMrkdwn(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int cut = safeCut(text, max - ELLIPSIS.length());
        int open = text.lastIndexOf('<', cut - 1);
        if (open >= 0 && endsAtOrAfter(text.indexOf('>', open), cut)) {
            cut = open;
        }
        int amp = text.lastIndexOf('&', cut - 1);
        if (amp >= 0 && cut - amp < "&amp;".length() && endsAtOrAfter(text.indexOf(';', amp), cut)) {
            cut = amp;
        }
        return text.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    private static boolean endsAtOrAfter(int close, int cut) {
        return close < 0 || close >= cut;
    }

    private static int safeCut(String text, int cut) {
        int c = Math.max(0, cut);
        if (c > 0 && c < text.length() && Character.isHighSurrogate(text.charAt(c - 1))) {
            c--;
        }
        return c;
    }

    /** Vendor text for one line: control characters and line breaks become spaces, then cut to {@code max}. */
    public static String oneLine(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return truncate(out.toString().strip(), max);
    }

    public static String sectionText(String mrkdwn) {
        return truncateMrkdwn(mrkdwn, MAX_TEXT);
    }

    public static String fieldText(String mrkdwn) {
        return truncateMrkdwn(mrkdwn, MAX_FIELD_TEXT);
    }

    public static String headerText(String plain) {
        return truncate(plain, MAX_HEADER);
    }

    public static String buttonText(String plain) {
        return truncate(plain, MAX_BUTTON_TEXT);
    }

    /** The notification text: escaped like mrkdwn, so it is cut the same entity-safe way. */
    public static String fallbackText(String escapedPlain) {
        return truncateMrkdwn(escapedPlain, MAX_FALLBACK_TEXT);
    }

    /** A url a button may carry: non-blank and within the limit. A cut url would lead nowhere, so none. */
    public static boolean fitsButtonUrl(String url) {
        return url != null && !url.isBlank() && url.length() <= MAX_BUTTON_URL;
    }

    /** A value a button may carry: within the limit. A cut value could not be parsed back, so none. */
    public static boolean fitsButtonValue(String value) {
        return value != null && value.length() <= MAX_BUTTON_VALUE;
    }

    public static boolean fitsActionId(String actionId) {
        return actionId != null && !actionId.isEmpty() && actionId.length() <= MAX_ACTION_ID;
    }

    // ---- lists ----

    /** "…and 37 more", in the renderer's language. */
    public String moreLine(int hidden) {
        return messages.more(hidden);
    }

    /**
     * At most {@code max} items; when some are cut, the last kept slot says how many ("…and 37 more").
     * {@code alreadyHidden} items were cut before and are counted in that line too.
     */
    public List<String> capWithMore(List<String> items, int max, int alreadyHidden) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1");
        }
        if (items.size() <= max && alreadyHidden == 0) {
            return List.copyOf(items);
        }
        if (items.size() < max) {
            List<String> out = new ArrayList<>(items);
            out.add(moreLine(alreadyHidden));
            return out;
        }
        List<String> out = new ArrayList<>(items.subList(0, max - 1));
        out.add(moreLine(items.size() - (max - 1) + alreadyHidden));
        return out;
    }

    /**
     * Packs items (each one or more lines of mrkdwn) into at most {@code maxChunks} texts of at most
     * {@code maxChars} each, joined by line breaks, never splitting an item. The first text starts with
     * {@code heading} when given. Items that do not fit, plus {@code alreadyHidden}, are counted in a last
     * "…and N more" line.
     */
    public List<String> pack(String heading, List<String> items, int alreadyHidden, int maxChars, int maxChunks) {
        if (maxChunks < 1) {
            throw new IllegalArgumentException("maxChunks must be >= 1");
        }
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int currentLength = 0;
        if (heading != null && !heading.isEmpty()) {
            current.add(truncateMrkdwn(heading, maxChars));
            currentLength = current.get(0).length();
        }
        int used = 0;
        for (String raw : items) {
            String item = truncateMrkdwn(raw, maxChars);
            int added = current.isEmpty() ? item.length() : item.length() + 1;
            if (currentLength + added > maxChars) {
                if (chunks.size() + 1 >= maxChunks) {
                    break;
                }
                chunks.add(current);
                current = new ArrayList<>();
                currentLength = 0;
                added = item.length();
            }
            current.add(item);
            currentLength += added;
            used++;
        }
        int hidden = items.size() - used + alreadyHidden;
        if (hidden > 0) {
            // Make room for the "more" line by giving back items from the end of the last text.
            while (true) {
                String more = moreLine(hidden);
                int length = joinedLength(current) + (current.isEmpty() ? 0 : 1) + more.length();
                boolean onlyHeading = heading != null && !heading.isEmpty() && chunks.isEmpty() && current.size() == 1;
                if (length <= maxChars || current.isEmpty() || onlyHeading) {
                    current.add(truncate(more, maxChars));
                    break;
                }
                current.remove(current.size() - 1);
                hidden++;
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        List<String> texts = new ArrayList<>(chunks.size());
        for (List<String> chunk : chunks) {
            texts.add(truncateMrkdwn(String.join("\n", chunk), maxChars));
        }
        return texts;
    }

    private static int joinedLength(List<String> lines) {
        int n = 0;
        for (String line : lines) {
            n += line.length();
        }
        return n + Math.max(0, lines.size() - 1);
    }
}
