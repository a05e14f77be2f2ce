package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockBuilderTest {

    private final BlockBuilder builder = new BlockBuilder(new BlockKitLimits(Messages.load(Language.EN)));

    @Test
    void neverReturnsMoreThanFiftyBlocks() {
        IntStream.range(0, 60).forEach(i -> builder.section("section " + i));

        ArrayNode blocks = builder.build();

        assertThat(blocks).hasSize(50);
        assertThat(blocks.get(48).path("text").path("text").asText()).isEqualTo("section 48");
        JsonNode last = blocks.get(49);
        assertThat(last.path("type").asText()).isEqualTo("context");
        assertThat(last.path("elements").get(0).path("text").asText()).isEqualTo("…and 11 more");
    }

    @Test
    void capsFieldsAndContextElements() {
        builder.fields(IntStream.range(0, 12).mapToObj(i -> "field " + i).toList());
        builder.context(IntStream.range(0, 12).mapToObj(i -> "ctx " + i).toList());

        ArrayNode blocks = builder.build();

        assertThat(blocks.get(0).path("fields")).hasSize(10);
        assertThat(blocks.get(0).path("fields").get(9).path("text").asText()).isEqualTo("…and 3 more");
        assertThat(blocks.get(1).path("elements")).hasSize(10);
    }

    @Test
    void cutsTextsToTheirLimits() {
        builder.header("h".repeat(400)).section("s".repeat(4000)).fields(List.of("f".repeat(2100)));

        ArrayNode blocks = builder.build();

        assertThat(blocks.get(0).path("text").path("text").asText()).hasSize(150);
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(1).path("text").path("text").asText()).hasSize(3000);
        assertThat(blocks.get(2).path("fields").get(0).path("text").asText()).hasSize(2000);
    }

    @Test
    void leavesOutButtonsThatWouldBeWrongIfCut() {
        builder.actions(List.of(
                BlockBuilder.Button.action("Re-run", "rerun", "{\"a\":1}"),
                BlockBuilder.Button.action("Again", "rerun", "{\"a\":2}"),
                BlockBuilder.Button.link("Long", "open_long", "https://x.io/" + "u".repeat(3000)),
                BlockBuilder.Button.action("Big", "big", "v".repeat(2001)),
                BlockBuilder.Button.link("Empty", "open_empty", " "),
                BlockBuilder.Button.action("Bad id", "i".repeat(256), "x"),
                BlockBuilder.Button.link("T".repeat(100), "open_ok", "https://x.io")));

        JsonNode elements = builder.build().get(0).path("elements");

        assertThat(elements).hasSize(2);
        assertThat(elements.get(0).path("action_id").asText()).isEqualTo("rerun");
        assertThat(elements.get(0).path("value").asText()).isEqualTo("{\"a\":1}");
        assertThat(elements.get(1).path("action_id").asText()).isEqualTo("open_ok");
        assertThat(elements.get(1).path("text").path("text").asText()).hasSize(75);
    }

    @Test
    void capsActionsAtTwentyFive() {
        builder.actions(IntStream.range(0, 30).mapToObj(i -> BlockBuilder.Button.action("b" + i, "id" + i, "v")).toList());
        assertThat(builder.build().get(0).path("elements")).hasSize(25);
    }

    @Test
    void listSpreadsOverSectionsWithinItsBudget() {
        List<String> items = IntStream.range(0, 300).mapToObj(i -> "item " + i + " " + "w".repeat(90)).toList();

        builder.list("*Issues*", items, 0, 4);

        ArrayNode blocks = builder.build();
        assertThat(blocks).hasSize(4);
        blocks.forEach(b -> assertThat(b.path("text").path("text").asText().length()).isLessThanOrEqualTo(3000));
        assertThat(blocks.get(3).path("text").path("text").asText()).containsPattern("…and \\d+ more$");
    }

    @Test
    void skipsEmptyBlocks() {
        builder.section(" ").fields(List.of("", " ")).context(List.of()).header("").actions(List.of());
        assertThat(builder.build()).isEmpty();
    }
}
