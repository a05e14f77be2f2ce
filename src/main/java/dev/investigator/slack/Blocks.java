package dev.investigator.slack;

import com.google.gson.reflect.TypeToken;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

/** The renderers' Block Kit JSON as the Slack SDK's block objects, for the few answers that need them (acks). */
final class Blocks {

    private static final com.google.gson.Gson GSON = GsonFactory.createSnakeCase();

    private Blocks() {
    }

    static List<LayoutBlock> parse(String blocksJson) {
        return GSON.fromJson(blocksJson, new TypeToken<List<LayoutBlock>>() { }.getType());
    }
}
