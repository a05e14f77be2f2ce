package dev.investigator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Slack message as the alert code sees it, read from the Events API {@code event} object of a {@code message}
 * event. Text is kept in Slack's markup ({@code <url|label>}, {@code &lt;}); {@link #plainText()} gives the readable
 * form. Vendors put their facts in different places (Grafana in attachments, Sentry in blocks, Sentry metric
 * alerts in both), so the parsers read every place.
 *
 * @param threadTs   empty for a top-level post
 * @param subtype    empty for a plain post; {@code bot_message} for webhooks and username overrides
 * @param senderName the bot's display name ({@code bot_profile.name}, else {@code username}), empty for people
 */
public record AlertPost(
        String channel,
        String ts,
        String threadTs,
        String subtype,
        String user,
        String botId,
        String appId,
        String senderName,
        String text,
        List<Attachment> attachments,
        List<Block> blocks) {

    private static final int MAX_PARTS = 50;

    public AlertPost {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ts, "ts");
        threadTs = nz(threadTs);
        subtype = nz(subtype);
        user = nz(user);
        botId = nz(botId);
        appId = nz(appId);
        senderName = nz(senderName);
        text = nz(text);
        attachments = List.copyOf(attachments);
        blocks = List.copyOf(blocks);
    }

    /** A legacy attachment; {@code ts} is the vendor's own time for it, when it gives one. */
    public record Attachment(String fallback, String pretext, String title, String titleLink, String text,
            List<Field> fields, String footer, String footerIcon, String color, Optional<Instant> ts, List<Block> blocks) {
        public Attachment {
            fallback = nz(fallback);
            pretext = nz(pretext);
            title = nz(title);
            titleLink = nz(titleLink);
            text = nz(text);
            fields = List.copyOf(fields);
            footer = nz(footer);
            footerIcon = nz(footerIcon);
            color = nz(color);
            Objects.requireNonNull(ts, "ts");
            blocks = List.copyOf(blocks);
        }

        String mrkdwn() {
            StringBuilder b = new StringBuilder();
            append(b, pretext);
            append(b, title);
            append(b, text);
            for (Field f : fields) {
                append(b, f.title() + ": " + f.value());
            }
            for (Block block : blocks) {
                append(b, block.text());
            }
            append(b, footer);
            return b.toString();
        }
    }

    public record Field(String title, String value) {
        public Field {
            title = nz(title);
            value = nz(value);
        }
    }

    /** A Block Kit block flattened to markup: sections with their fields, headers, context elements, rich text. */
    public record Block(String type, String blockId, String text) {
        public Block {
            type = nz(type);
            blockId = nz(blockId);
            text = nz(text);
        }
    }

    public record Link(String url, String label) {
    }

    /** The post, or empty when the event is not a message event with a channel and a valid ts. */
    public static Optional<AlertPost> fromEvent(JsonNode event) {
        if (event == null || !event.isObject() || !"message".equals(event.path("type").asText())) {
            return Optional.empty();
        }
        String channel = event.path("channel").asText("");
        String ts = event.path("ts").asText("");
        if (channel.isBlank() || parseTs(ts).isEmpty()) {
            return Optional.empty();
        }
        JsonNode profile = event.path("bot_profile");
        String sender = profile.path("name").asText("");
        if (sender.isBlank()) {
            sender = event.path("username").asText("");
        }
        String appId = event.path("app_id").asText(profile.path("app_id").asText(""));
        List<Attachment> attachments = new ArrayList<>();
        for (JsonNode a : limited(event.path("attachments"))) {
            attachments.add(attachment(a));
        }
        return Optional.of(new AlertPost(channel, ts, event.path("thread_ts").asText(""), event.path("subtype").asText(""),
                event.path("user").asText(""), event.path("bot_id").asText(""), appId, sender,
                event.path("text").asText(""), attachments, blocks(event.path("blocks"))));
    }

    /** When Slack received the post. */
    public Instant postedAt() {
        return parseTs(ts).orElseThrow();
    }

    /**
     * A new top-level post (plain or bot). Edits, deletions, joins and thread replies are not: a vendor's
     * follow-ups in its own thread (Sentry's "Resolved", Grafana's images) are already where people look.
     */
    public boolean isNewPost() {
        boolean plain = subtype.isEmpty() || subtype.equals("bot_message");
        return plain && (threadTs.isEmpty() || threadTs.equals(ts));
    }

    /**
     * Posted by an app, a webhook or a workflow, not typed by a person: monitoring tools always post as bots,
     * and a person pasting an alert title into the channel must not start an investigation.
     */
    public boolean fromBot() {
        return !botId.isEmpty() || subtype.equals("bot_message");
    }

    /** Everything the post says, in markup, one part per line. */
    public String mrkdwn() {
        StringBuilder b = new StringBuilder();
        append(b, text);
        for (Block block : blocks) {
            append(b, block.text());
        }
        for (Attachment a : attachments) {
            append(b, a.mrkdwn());
            if (a.text().isEmpty() && a.title().isEmpty() && a.blocks().isEmpty()) {
                append(b, a.fallback());
            }
        }
        return b.toString();
    }

    public String plainText() {
        return Mrkdwn.plain(mrkdwn());
    }

    /** Every link: attachment title links first (they point at the alert), then links in the text. */
    public List<Link> links() {
        List<Link> out = new ArrayList<>();
        for (Attachment a : attachments) {
            if (a.titleLink().startsWith("http")) {
                out.add(new Link(Mrkdwn.unescape(a.titleLink()), Mrkdwn.plain(a.title())));
            }
        }
        out.addAll(Mrkdwn.links(mrkdwn()));
        return out;
    }

    /**
     * Lines that may carry the alert's headline, readable and in the order vendors put them: attachment
     * titles, fallbacks and pretexts, the message text, then each block's first line.
     */
    public List<String> headlines() {
        Set<String> out = new LinkedHashSet<>();
        for (Attachment a : attachments) {
            addLine(out, a.title());
            addLine(out, a.fallback());
            addLine(out, a.pretext());
        }
        addLine(out, text);
        for (Block b : blocks) {
            addLine(out, b.text());
        }
        for (Attachment a : attachments) {
            for (Block b : a.blocks()) {
                addLine(out, b.text());
            }
            addLine(out, a.text());
        }
        return List.copyOf(out);
    }

    private static void addLine(Set<String> out, String mrkdwn) {
        String first = mrkdwn.strip();
        int nl = first.indexOf('\n');
        if (nl >= 0) {
            first = first.substring(0, nl);
        }
        String line = Mrkdwn.plain(first).strip();
        if (!line.isEmpty()) {
            out.add(line);
        }
    }

    static Optional<Instant> parseTs(String ts) {
        if (ts == null || ts.isBlank()) {
            return Optional.empty();
        }
        try {
            BigDecimal seconds = new BigDecimal(ts.trim());
            if (seconds.signum() <= 0) {
                return Optional.empty();
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Optional.of(Instant.ofEpochSecond(whole, nanos));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Attachment attachment(JsonNode a) {
        List<Field> fields = new ArrayList<>();
        for (JsonNode f : limited(a.path("fields"))) {
            fields.add(new Field(f.path("title").asText(""), f.path("value").asText("")));
        }
        Optional<Instant> ts = Optional.empty();
        JsonNode tsNode = a.path("ts");
        if (tsNode.isNumber() || tsNode.isTextual()) {
            ts = parseTs(tsNode.asText());
        }
        return new Attachment(a.path("fallback").asText(""), a.path("pretext").asText(""), a.path("title").asText(""),
                a.path("title_link").asText(""), a.path("text").asText(""), fields, a.path("footer").asText(""),
                a.path("footer_icon").asText(""), a.path("color").asText(""), ts, blocks(a.path("blocks")));
    }

    private static List<Block> blocks(JsonNode array) {
        List<Block> out = new ArrayList<>();
        for (JsonNode b : limited(array)) {
            String type = b.path("type").asText("");
            StringBuilder text = new StringBuilder();
            switch (type) {
                case "section" -> {
                    append(text, textObject(b.path("text")));
                    for (JsonNode f : limited(b.path("fields"))) {
                        append(text, textObject(f));
                    }
                }
                case "header" -> append(text, textObject(b.path("text")));
                case "context" -> {
                    for (JsonNode e : limited(b.path("elements"))) {
                        append(text, textObject(e));
                    }
                }
                case "rich_text" -> richText(b.path("elements"), text);
                default -> {
                    // actions, dividers, images: nothing a parser reads
                }
            }
            out.add(new Block(type, b.path("block_id").asText(""), text.toString()));
        }
        return out;
    }

    /** A text object; plain_text is escaped so that all text here is markup. */
    private static String textObject(JsonNode t) {
        if (!t.isObject()) {
            return "";
        }
        String s = t.path("text").asText("");
        return "plain_text".equals(t.path("type").asText()) ? escape(s) : s;
    }

    private static void richText(JsonNode elements, StringBuilder out) {
        for (JsonNode e : limited(elements)) {
            String type = e.path("type").asText("");
            if (type.equals("rich_text_list")) {
                richText(e.path("elements"), out);
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (JsonNode part : limited(e.path("elements"))) {
                switch (part.path("type").asText("")) {
                    case "text" -> line.append(escape(part.path("text").asText("")));
                    case "link" -> {
                        String label = part.path("text").asText("");
                        line.append('<').append(part.path("url").asText(""))
                                .append(label.isEmpty() ? "" : "|" + escape(label)).append('>');
                    }
                    case "user" -> line.append("<@").append(part.path("user_id").asText("")).append('>');
                    case "channel" -> line.append("<#").append(part.path("channel_id").asText("")).append('>');
                    case "usergroup" -> line.append("<!subteam^").append(part.path("usergroup_id").asText("")).append('>');
                    case "broadcast" -> line.append("<!").append(part.path("range").asText("here")).append('>');
                    case "emoji" -> line.append(':').append(part.path("name").asText("")).append(':');
                    default -> {
                        // dates, colours: not needed
                    }
                }
            }
            append(out, line.toString());
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Iterable<JsonNode> limited(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (out.size() == MAX_PARTS) {
                break;
            }
            out.add(n);
        }
        return out;
    }

    private static void append(StringBuilder b, String part) {
        if (part == null || part.isBlank()) {
            return;
        }
        if (b.length() > 0) {
            b.append('\n');
        }
        b.append(part);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
