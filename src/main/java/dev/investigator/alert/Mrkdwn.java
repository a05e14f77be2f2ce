package dev.investigator.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Slack's message markup: {@code <url|label>} links, {@code <@U1>} mentions, {@code <!date^…>} dates and
 * the three escaped characters. Vendors put their facts in it, so the parsers read it through here.
 */
final class Mrkdwn {

    private static final Pattern TOKEN = Pattern.compile("<([^<>]*)>");
    private static final Pattern LINK = Pattern.compile("<(https?://[^|<>\\s]+)(?:\\|([^<>]*))?>");
    private static final Pattern BARE_URL = Pattern.compile("(?<![<|\\w])(https?://[^\\s<>|\"]+)");
    private static final Pattern DATE = Pattern.compile("<!date\\^(\\d{9,11})\\^");

    private Mrkdwn() {
    }

    /** The text a person reads: links become their labels, mentions their names, entities their characters. */
    static String plain(String mrkdwn) {
        if (mrkdwn == null || mrkdwn.isEmpty()) {
            return "";
        }
        Matcher m = TOKEN.matcher(mrkdwn);
        StringBuilder out = new StringBuilder(mrkdwn.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(readable(m.group(1))));
        }
        m.appendTail(out);
        return unescape(out.toString());
    }

    private static String readable(String inner) {
        int bar = inner.indexOf('|');
        String target = bar < 0 ? inner : inner.substring(0, bar);
        String label = bar < 0 ? "" : inner.substring(bar + 1);
        if (target.startsWith("@") || target.startsWith("#")) {
            return label.isEmpty() ? target : (label.startsWith("@") || label.startsWith("#") ? label : target.charAt(0) + label);
        }
        if (target.startsWith("!")) {
            if (!label.isEmpty()) {
                return label;
            }
            String special = target.substring(1);
            int caret = special.indexOf('^');
            return "@" + (caret < 0 ? special : special.substring(0, caret));
        }
        return label.isEmpty() ? target : label;
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Every http(s) link, marked up or bare, in order of appearance. */
    static List<AlertPost.Link> links(String mrkdwn) {
        List<AlertPost.Link> out = new ArrayList<>();
        if (mrkdwn == null || mrkdwn.isEmpty()) {
            return out;
        }
        Matcher m = LINK.matcher(mrkdwn);
        while (m.find()) {
            out.add(new AlertPost.Link(unescape(m.group(1)), m.group(2) == null ? "" : plain(m.group(2))));
        }
        Matcher bare = BARE_URL.matcher(mrkdwn);
        while (bare.find()) {
            out.add(new AlertPost.Link(unescape(trimTrailingPunctuation(bare.group(1))), ""));
        }
        return out;
    }

    /** The first {@code <!date^EPOCH^…>} in the text: Sentry writes an incident's start this way. */
    static Optional<Instant> firstDate(String mrkdwn) {
        if (mrkdwn == null) {
            return Optional.empty();
        }
        Matcher m = DATE.matcher(mrkdwn);
        return m.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(m.group(1)))) : Optional.empty();
    }

    /** Removes the bold/italic/strike/code marks around a phrase. */
    static String unformat(String text) {
        String t = text.trim();
        boolean changed = true;
        while (changed && t.length() >= 2) {
            changed = false;
            char first = t.charAt(0);
            if ((first == '*' || first == '_' || first == '~' || first == '`') && t.charAt(t.length() - 1) == first) {
                t = t.substring(1, t.length() - 1).trim();
                changed = true;
            }
        }
        return t;
    }

    private static String trimTrailingPunctuation(String url) {
        String u = url;
        while (!u.isEmpty() && ".,;:)]}'".indexOf(u.charAt(u.length() - 1)) >= 0) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
