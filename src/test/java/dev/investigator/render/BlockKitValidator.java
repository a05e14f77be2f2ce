package dev.investigator.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rendered message against Block Kit's published shapes and limits, independently of the renderer's own
 * enforcement, and checks that mrkdwn is escaped: every {@code <} opens a link, every {@code &} an entity.
 * Returns the violations found (empty: the message is fine).
 */
final class BlockKitValidator {

    private static final Set<String> BLOCK_TYPES = Set.of("header", "section", "context", "divider", "actions");
    /** {@code <url>} or {@code <url|label>}: the only use of '<' our mrkdwn may make. */
    private static final Pattern LINK = Pattern.compile("<(https?://[^|<>\\s]+)(\\|[^<>|]*)?>");
    private static final Pattern ENTITY = Pattern.compile("&(amp|lt|gt);");
    /** {@code <@U123>} or {@code <!subteam^S123>}: the daily check mentions its owner and the backup. */
    private static final Pattern MENTION = Pattern.compile("<(@[UW][A-Z0-9]+|!subteam\\^S[A-Z0-9]+)>");

    private final List<String> problems = new ArrayList<>();

    private BlockKitValidator() {
    }

    static List<String> check(SlackMessage message) {
        BlockKitValidator v = new BlockKitValidator();
        v.message(message);
        return v.problems;
    }

    private void message(SlackMessage message) {
        if (message.text().isBlank()) {
            problems.add("fallback text is empty");
        }
        if (message.text().length() > 3000) {
            problems.add("fallback text has " + message.text().length() + " chars");
        }
        String textWithoutMentions = MENTION.matcher(message.text()).replaceAll("");
        if (textWithoutMentions.contains("<") || textWithoutMentions.contains(">")) {
            problems.add("fallback text has an unescaped < or >: " + message.text());
        }
        checkEntities("text", message.text());
        JsonNode blocks = BlockKitJson.blocks(message);
        if (!blocks.isArray()) {
            problems.add("blocks is not an array");
            return;
        }
        if (blocks.size() > 50) {
            problems.add(blocks.size() + " blocks (max 50)");
        }
        if (blocks.isEmpty()) {
            problems.add("no blocks");
        }
        Set<String> actionIds = new HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            block("blocks[" + i + "]", blocks.get(i), actionIds);
        }
    }

    private void block(String where, JsonNode block, Set<String> actionIds) {
        String type = block.path("type").asText();
        if (!BLOCK_TYPES.contains(type)) {
            problems.add(where + ": unknown block type '" + type + "'");
            return;
        }
        switch (type) {
            case "header" -> text(where + ".text", block.path("text"), "plain_text", 150);
            case "section" -> {
                boolean hasText = block.has("text");
                boolean hasFields = block.has("fields");
                if (!hasText && !hasFields) {
                    problems.add(where + ": section without text or fields");
                }
                if (hasText) {
                    text(where + ".text", block.path("text"), null, 3000);
                }
                if (hasFields) {
                    JsonNode fields = block.path("fields");
                    if (fields.size() > 10 || fields.isEmpty()) {
                        problems.add(where + ": " + fields.size() + " fields (1..10)");
                    }
                    for (int i = 0; i < fields.size(); i++) {
                        text(where + ".fields[" + i + "]", fields.get(i), null, 2000);
                    }
                }
            }
            case "context" -> {
                JsonNode elements = block.path("elements");
                if (elements.size() > 10 || elements.isEmpty()) {
                    problems.add(where + ": " + elements.size() + " context elements (1..10)");
                }
                for (int i = 0; i < elements.size(); i++) {
                    text(where + ".elements[" + i + "]", elements.get(i), null, 3000);
                }
            }
            case "actions" -> {
                JsonNode elements = block.path("elements");
                if (elements.size() > 25 || elements.isEmpty()) {
                    problems.add(where + ": " + elements.size() + " action elements (1..25)");
                }
                for (int i = 0; i < elements.size(); i++) {
                    button(where + ".elements[" + i + "]", elements.get(i), actionIds);
                }
            }
            default -> {
                // divider: nothing inside
            }
        }
    }

    private void button(String where, JsonNode button, Set<String> actionIds) {
        if (!button.path("type").asText().equals("button")) {
            problems.add(where + ": not a button");
        }
        text(where + ".text", button.path("text"), "plain_text", 75);
        String actionId = button.path("action_id").asText("");
        if (actionId.isEmpty() || actionId.length() > 255) {
            problems.add(where + ": action_id '" + actionId + "' empty or too long");
        }
        if (!actionIds.add(actionId)) {
            problems.add(where + ": duplicate action_id " + actionId);
        }
        if (button.has("url")) {
            String url = button.path("url").asText("");
            if (url.isBlank() || url.length() > 3000) {
                problems.add(where + ": url empty or longer than 3000");
            }
        }
        if (button.has("value") && button.path("value").asText().length() > 2000) {
            problems.add(where + ": value longer than 2000");
        }
    }

    private void text(String where, JsonNode text, String requiredType, int max) {
        String type = text.path("type").asText();
        String value = text.path("text").asText("");
        if (requiredType != null && !requiredType.equals(type)) {
            problems.add(where + ": type " + type + ", want " + requiredType);
        }
        if (!type.equals("plain_text") && !type.equals("mrkdwn")) {
            problems.add(where + ": text type " + type);
        }
        if (value.isEmpty()) {
            problems.add(where + ": empty text");
        }
        if (value.length() > max) {
            problems.add(where + ": " + value.length() + " chars (max " + max + ")");
        }
        if (type.equals("mrkdwn")) {
            checkMarkup(where, value);
        }
    }

    private void checkMarkup(String where, String mrkdwn) {
        String withoutLinks = LINK.matcher(MENTION.matcher(mrkdwn).replaceAll("")).replaceAll("");
        if (withoutLinks.contains("<") || withoutLinks.contains(">")) {
            problems.add(where + ": '<' or '>' outside a well-formed link: " + snippet(withoutLinks));
        }
        Matcher link = LINK.matcher(mrkdwn);
        while (link.find()) {
            checkEntities(where + " (link)", link.group());
        }
        checkEntities(where, withoutLinks);
    }

    private void checkEntities(String where, String text) {
        String rest = ENTITY.matcher(text).replaceAll("");
        if (rest.contains("&")) {
            problems.add(where + ": '&' that is not an entity: " + snippet(text));
        }
    }

    private static String snippet(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
