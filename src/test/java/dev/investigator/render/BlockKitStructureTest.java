package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.investigator.model.Investigation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of every case, in both languages, checked against Block Kit's shapes and limits by an independent
 * validator: block count, text lengths, unique action_ids, non-empty button urls, escaping, parseable JSON.
 */
class BlockKitStructureTest {

    static Stream<Arguments> casesInBothLanguages() {
        List<Arguments> all = new ArrayList<>();
        for (Language language : Language.values()) {
            Fixtures.cases().forEach((name, investigation) -> all.add(Arguments.of(name, language, investigation.get())));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesInBothLanguages")
    void everyMessageIsValidBlockKit(String name, Language language, Investigation investigation) {
        SlackThread thread = new BlockKitRenderer(Messages.load(language), Fixtures.TOKYO).render(investigation);

        assertThat(BlockKitValidator.check(thread.parent())).as("parent of %s", name).isEmpty();
        assertThat(thread.replies()).as("one reply per source").hasSize(3);
        for (int i = 0; i < thread.replies().size(); i++) {
            assertThat(BlockKitValidator.check(thread.replies().get(i))).as("reply %d of %s", i, name).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesInBothLanguages")
    void repliesComeInSourceOrder(String name, Language language, Investigation investigation) {
        SlackThread thread = new BlockKitRenderer(Messages.load(language), Fixtures.TOKYO).render(investigation);

        assertThat(thread.replies().get(0).text()).startsWith("Datadog");
        assertThat(thread.replies().get(1).text()).startsWith("Sentry");
        assertThat(thread.replies().get(2).text()).startsWith("AWS X-Ray");
    }

    @Test
    void hugeInvestigationStaysWithinLimitsAndEscaped() {
        SlackThread thread = new BlockKitRenderer(Messages.load(Language.EN), Fixtures.TOKYO).render(Fixtures.huge());

        List<SlackMessage> all = new ArrayList<>(thread.replies());
        all.add(thread.parent());
        for (SlackMessage message : all) {
            JsonNode blocks = BlockKitJson.blocks(message);
            assertThat(blocks.size()).isLessThanOrEqualTo(50);
            assertThat(message.blocksJson()).doesNotContain("<script>").doesNotContain("<generated>");
        }
        String sentry = thread.replies().get(1).blocksJson();
        assertThat(sentry).contains("(reading '&lt;x&gt;') 0 &lt;script&gt;alert(")
                .contains("app/&lt;generated&gt;/handler&amp;0.js in &lt;anonymous&gt;");
        // 300 issues: 20 flagged shown, 80 counted; 5 steady shown, 195 counted.
        assertThat(sentry).contains("…and 80 more").contains("…and 195 more");
        String parent = thread.parent().blocksJson();
        assertThat(parent).contains("…and 5 more"); // 14 key numbers in 10 fields
    }

    @Test
    void runningPlaceholderIsValid() {
        SlackMessage running = new BlockKitRenderer(Messages.load(Language.EN), Fixtures.TOKYO)
                .renderRunning(Fixtures.incidentDownstream().query());

        assertThat(BlockKitValidator.check(running)).isEmpty();
        assertThat(running.text()).isEqualTo("⏳ Investigating checkout, 14:00–14:30 JST…");
        assertThat(BlockKitJson.blocks(running).get(0).path("text").path("text").asText())
                .isEqualTo("⏳ Investigating *checkout*, 14:00–14:30 JST…");
    }

    @Test
    void validatorCatchesWhatItShould() {
        // The validator guards every other test here, so it must itself fail on bad input.
        SlackMessage bad = new SlackMessage("x <y>", "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"a < b & c\"}},"
                + "{\"type\":\"actions\",\"elements\":[{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\"a\"},\"action_id\":\"x\",\"url\":\"\"},"
                + "{\"type\":\"button\",\"text\":{\"type\":\"plain_text\",\"text\":\"b\"},\"action_id\":\"x\"}]},"
                + "{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\"" + "h".repeat(151) + "\"}}]");

        assertThat(BlockKitValidator.check(bad)).hasSize(6)
                .anyMatch(p -> p.contains("fallback text has an unescaped"))
                .anyMatch(p -> p.contains("outside a well-formed link"))
                .anyMatch(p -> p.contains("not an entity"))
                .anyMatch(p -> p.contains("url empty"))
                .anyMatch(p -> p.contains("duplicate action_id"))
                .anyMatch(p -> p.contains("151 chars"));
    }
}
