package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.investigator.digest.DailyDigest;
import dev.investigator.digest.DigestTestData;
import dev.investigator.digest.ServiceDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DailyPromptRendererTest {

    private static final Pattern MORE = Pattern.compile("…and (\\d+) more");

    private final DailyPromptRenderer renderer = new DailyPromptRenderer(Messages.load(Language.EN), Fixtures.TOKYO);

    private static List<String> texts(JsonNode blocks) {
        List<String> texts = new ArrayList<>();
        blocks.findValues("text").forEach(t -> texts.add(t.isTextual() ? t.asText() : t.path("text").asText()));
        return texts;
    }

    private static List<JsonNode> buttons(SlackMessage message) {
        List<JsonNode> buttons = new ArrayList<>();
        for (JsonNode block : BlockKitJson.blocks(message)) {
            if (block.path("type").asText().equals("actions")) {
                block.path("elements").forEach(buttons::add);
            }
        }
        return buttons;
    }

    @ParameterizedTest(name = "{0} services")
    @ValueSource(ints = {40, 200})
    void aHugeDigestFitsSlackAndCountsEveryProblem(int n) {
        DailyDigest digest = DigestFixtures.huge(n);
        assertThat(digest.flagged()).hasSize(n);
        SlackMessage message = renderer.prompt(digest, DigestFixtures.open());

        assertThat(BlockKitValidator.check(message)).isEmpty();
        JsonNode blocks = BlockKitJson.blocks(message);
        assertThat(blocks.size()).isLessThanOrEqualTo(BlockKitLimits.MAX_BLOCKS);
        // The message did not need BlockBuilder's emergency cut: the buttons and footer are still there.
        assertThat(blocks.get(blocks.size() - 2).path("block_id").asText()).isEqualTo(DailyPromptRenderer.ACTIONS_BLOCK);

        // Every flagged service is either named or counted in a "…and N more" line: none is dropped silently.
        String all = String.join("\n", texts(blocks));
        long named = digest.flagged().stream().map(ServiceDigest::service).filter(all::contains).count();
        // A whole line "…and N more" is the problems' list; issue and monitor lists prefix theirs with an icon.
        int counted = 0;
        for (String text : texts(blocks)) {
            for (String line : text.split("\n")) {
                Matcher m = MORE.matcher(line);
                if (m.matches()) {
                    counted += Integer.parseInt(m.group(1));
                }
            }
        }
        assertThat(named + counted).isEqualTo(n);
        if (n == 40) {
            assertThat(named).as("40 services all fit by name").isEqualTo(40);
        }
    }

    @Test
    void investigateButtonsCarryTheServiceThePeriodAndTheDay() {
        DailyDigest digest = DigestFixtures.flagged();
        List<JsonNode> buttons = buttons(renderer.prompt(digest, DigestFixtures.open()));
        assertThat(buttons).extracting(b -> b.path("action_id").asText())
                .containsExactly("daily_checked", "daily_handoff", "daily_investigate:1", "daily_investigate:2", "daily_investigate:3");
        assertThat(DailyActions.day(buttons.get(0).path("value").asText())).contains(LocalDate.of(2026, 11, 20));
        assertThat(DailyActions.day(buttons.get(1).path("value").asText())).contains(LocalDate.of(2026, 11, 20));
        List<String> services = new ArrayList<>();
        for (JsonNode button : buttons.subList(2, buttons.size())) {
            assertThat(DailyActions.INVESTIGATE_PATTERN.matcher(button.path("action_id").asText()).matches()).isTrue();
            DailyActions.Investigate request = DailyActions.investigate(button.path("value").asText()).orElseThrow();
            assertThat(request.window()).isEqualTo(DigestTestData.PERIOD);
            assertThat(request.day()).isEqualTo(LocalDate.of(2026, 11, 20));
            services.add(request.service());
        }
        assertThat(services).containsExactly("checkout", "search", "payment");
    }

    @Test
    void atMostFiveInvestigateButtonsMostSevereFirst() {
        List<JsonNode> buttons = buttons(renderer.prompt(DigestFixtures.huge(9), DigestFixtures.open()));
        assertThat(buttons).hasSize(2 + DailyPromptRenderer.MAX_INVESTIGATE_BUTTONS);
    }

    @Test
    void servicesOnlyNotFullyCheckedGetNoInvestigateButton() {
        List<JsonNode> buttons = buttons(renderer.prompt(DigestFixtures.sentryDown(), DigestFixtures.open()));
        assertThat(buttons).extracting(b -> DailyActions.investigate(b.path("value").asText()).map(DailyActions.Investigate::service).orElse(""))
                .containsExactly("", "", "checkout");
    }

    @Test
    void aCheckedAllHealthyPromptHasNoButtonsLeft() {
        SlackMessage posted = renderer.prompt(DigestFixtures.allHealthy(), DigestFixtures.open());
        SlackMessage checked = renderer.restate(posted, DigestFixtures.checked());
        assertThat(buttons(checked)).isEmpty();
        assertThat(BlockKitValidator.check(checked)).isEmpty();
        assertThat(checked.text()).startsWith("Daily check Fri 11/20 — <@U01TARO> is on duty · checked by <@U01TARO>\n")
                .endsWith("All 4 services healthy.");
    }

    @Test
    void restateRefusesAMessageThatIsNotAPrompt() {
        SlackMessage reminder = renderer.reminder(DigestFixtures.open());
        assertThatThrownBy(() -> renderer.restate(reminder, DigestFixtures.checked()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("daily_owner");
        assertThatThrownBy(() -> renderer.restate(new SlackMessage("x", "{"), DigestFixtures.checked()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHandOffNoticeNeedsAHandOff() {
        assertThatThrownBy(() -> renderer.handOffNotice(DigestFixtures.open())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configuredIdsThatAreNotSlackIdsNeverBecomeMentions() {
        DailyPromptView view = DailyPromptView.open(DigestFixtures.DAY, "<!channel>");
        SlackMessage reminder = renderer.reminder(view);
        assertThat(reminder.text()).doesNotContain("<!channel>").contains("&lt;!channel&gt;");
        assertThat(BlockKitValidator.check(reminder)).isEmpty();
        SlackMessage escalation = renderer.escalation("@here");
        assertThat(escalation.blocksJson()).doesNotContain("<!here>");
    }

    @Test
    void checkedOnAnotherDayShowsTheDate() {
        DailyPromptView late = DigestFixtures.open().checkedBy("U09LATE", java.time.Instant.parse("2026-11-21T00:03:00Z"));
        SlackMessage message = renderer.prompt(DigestFixtures.allHealthy(), late);
        assertThat(message.blocksJson()).contains("Checked by <@U09LATE> at 11/21 09:03");
    }
}
