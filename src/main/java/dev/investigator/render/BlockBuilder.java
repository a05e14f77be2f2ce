package dev.investigator.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds one message's Block Kit array. Every text goes through {@link BlockKitLimits} on the way in, and
 * {@link #build()} never returns more than {@link BlockKitLimits#MAX_BLOCKS} blocks, so a renderer cannot
 * produce a message Slack would reject.
 */
final class BlockBuilder {

    /** A button: {@code url} makes it a link button, {@code value} carries data back to the app. */
    record Button(String text, String actionId, String value, String url) {
        static Button action(String text, String actionId, String value) {
            return new Button(text, actionId, value, "");
        }

        static Button link(String text, String actionId, String url) {
            return new Button(text, actionId, "", url);
        }
    }

    private final BlockKitLimits limits;
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final List<ObjectNode> blocks = new ArrayList<>();

    BlockBuilder(BlockKitLimits limits) {
        this.limits = limits;
    }

    int size() {
        return blocks.size();
    }

    /** Blocks still free before the limit, keeping {@code reserved} for blocks that must come later. */
    int room(int reserved) {
        return Math.max(0, BlockKitLimits.MAX_BLOCKS - blocks.size() - reserved);
    }

    BlockBuilder header(String plain) {
        if (plain.isBlank()) {
            return this;
        }
        ObjectNode block = json.objectNode().put("type", "header");
        block.set("text", plainText(BlockKitLimits.headerText(plain)));
        blocks.add(block);
        return this;
    }

    BlockBuilder section(String mrkdwn) {
        if (mrkdwn.isBlank()) {
            return this;
        }
        ObjectNode block = json.objectNode().put("type", "section");
        block.set("text", mrkdwn(BlockKitLimits.sectionText(mrkdwn)));
        blocks.add(block);
        return this;
    }

    /**
     * A titled list: items packed into as few sections as fit, at most {@code maxSections}, the rest counted in
     * a "…and N more" line.
     */
    BlockBuilder list(String heading, List<String> items, int alreadyHidden, int maxSections) {
        if (maxSections < 1 || (items.isEmpty() && alreadyHidden == 0 && heading.isBlank())) {
            return this;
        }
        for (String text : limits.pack(heading, items, alreadyHidden, BlockKitLimits.MAX_TEXT, maxSections)) {
            section(text);
        }
        return this;
    }

    /** A two-column section; more than ten fields become nine and a "…and N more" field. */
    BlockBuilder fields(List<String> mrkdwnFields) {
        List<String> kept = mrkdwnFields.stream().filter(f -> !f.isBlank()).toList();
        if (kept.isEmpty()) {
            return this;
        }
        ArrayNode fields = json.arrayNode();
        for (String field : limits.capWithMore(kept, BlockKitLimits.MAX_FIELDS, 0)) {
            fields.add(mrkdwn(BlockKitLimits.fieldText(field)));
        }
        ObjectNode block = json.objectNode().put("type", "section");
        block.set("fields", fields);
        blocks.add(block);
        return this;
    }

    BlockBuilder context(List<String> mrkdwnElements) {
        List<String> kept = mrkdwnElements.stream().filter(e -> !e.isBlank()).toList();
        if (kept.isEmpty()) {
            return this;
        }
        ArrayNode elements = json.arrayNode();
        for (String element : limits.capWithMore(kept, BlockKitLimits.MAX_CONTEXT_ELEMENTS, 0)) {
            elements.add(mrkdwn(BlockKitLimits.sectionText(element)));
        }
        ObjectNode block = json.objectNode().put("type", "context");
        block.set("elements", elements);
        blocks.add(block);
        return this;
    }

    BlockBuilder divider() {
        blocks.add(json.objectNode().put("type", "divider"));
        return this;
    }

    /**
     * An actions block. Buttons whose url or value would exceed a limit, or whose action_id repeats one already
     * in this message, are left out rather than cut: a cut url or value would be wrong, not shorter.
     */
    BlockBuilder actions(List<Button> buttons) {
        Set<String> seen = actionIds();
        ArrayNode elements = json.arrayNode();
        for (Button button : buttons) {
            boolean isLink = !button.url().isEmpty();
            if (elements.size() == BlockKitLimits.MAX_ACTION_ELEMENTS
                    || !BlockKitLimits.fitsActionId(button.actionId())
                    || !seen.add(button.actionId())
                    || (isLink && !BlockKitLimits.fitsButtonUrl(button.url()))
                    || (!isLink && !BlockKitLimits.fitsButtonValue(button.value()))) {
                continue;
            }
            ObjectNode element = json.objectNode().put("type", "button");
            element.set("text", plainText(BlockKitLimits.buttonText(button.text())));
            element.put("action_id", button.actionId());
            if (isLink) {
                element.put("url", button.url());
            } else if (!button.value().isEmpty()) {
                element.put("value", button.value());
            }
            elements.add(element);
        }
        if (!elements.isEmpty()) {
            ObjectNode block = json.objectNode().put("type", "actions");
            block.set("elements", elements);
            blocks.add(block);
        }
        return this;
    }

    /**
     * The blocks as a JSON array. Over the limit (which the renderers avoid by budgeting), the last blocks give
     * way to one context line saying how many were left out, so the message is still accepted.
     */
    ArrayNode build() {
        ArrayNode array = json.arrayNode();
        if (blocks.size() <= BlockKitLimits.MAX_BLOCKS) {
            blocks.forEach(array::add);
            return array;
        }
        int keep = BlockKitLimits.MAX_BLOCKS - 1;
        blocks.subList(0, keep).forEach(array::add);
        ObjectNode more = json.objectNode().put("type", "context");
        more.set("elements", json.arrayNode().add(mrkdwn(limits.moreLine(blocks.size() - keep))));
        array.add(more);
        return array;
    }

    private Set<String> actionIds() {
        Set<String> ids = new HashSet<>();
        for (ObjectNode block : blocks) {
            if (block.path("type").asText().equals("actions")) {
                block.path("elements").forEach(e -> ids.add(e.path("action_id").asText()));
            }
        }
        return ids;
    }

    private ObjectNode plainText(String text) {
        return json.objectNode().put("type", "plain_text").put("text", text).put("emoji", true);
    }

    private ObjectNode mrkdwn(String text) {
        return json.objectNode().put("type", "mrkdwn").put("text", text);
    }
}
