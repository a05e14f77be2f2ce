package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.digest.DailyDigest;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape of the daily check, in both languages, compared with the reviewed files under
 * {@code src/test/resources/golden/} ({@code blockkit/daily-*.json}, {@code terminal/daily-*.txt}). Each message
 * is also checked against Block Kit's limits and escaping. Regenerate with {@code -Dgolden.update=true} and
 * review the diff.
 */
class DailyGoldenTest {

    static Stream<Arguments> digests() {
        return Stream.of(
                Arguments.of("flagged", (Supplier<DailyDigest>) DigestFixtures::flagged),
                Arguments.of("gap", (Supplier<DailyDigest>) DigestFixtures::sentryDown),
                Arguments.of("healthy", (Supplier<DailyDigest>) DigestFixtures::allHealthy));
    }

    static Stream<Arguments> digestsInBothLanguages() {
        return digests().flatMap(a -> Stream.of(Language.values()).map(l -> Arguments.of(a.get()[0], a.get()[1], l)));
    }

    private static DailyPromptRenderer renderer(Language language) {
        return new DailyPromptRenderer(Messages.load(language), Fixtures.TOKYO);
    }

    private static String suffix(Language language) {
        return language == Language.EN ? "" : "-" + language.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {"text":..,"blocks":[..]}, pretty, with a trailing newline. */
    static String document(SlackMessage message) {
        ObjectNode root = BlockKitJson.MAPPER.createObjectNode();
        root.put("text", message.text());
        root.set("blocks", BlockKitJson.blocks(message));
        try {
            return BlockKitJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String name, Language language, SlackMessage message) {
        assertThat(BlockKitValidator.check(message)).as(name).isEmpty();
        Golden.check("blockkit/daily-" + name + suffix(language) + ".json", document(message));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("digestsInBothLanguages")
    void prompt(String name, Supplier<DailyDigest> digest, Language language) {
        check(name, language, renderer(language).prompt(digest.get(), DigestFixtures.open()));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("digestsInBothLanguages")
    void terminal(String name, Supplier<DailyDigest> digest, Language language) {
        String text = new DigestTerminalRenderer(Messages.load(language), Fixtures.TOKYO, false).render(digest.get());
        Golden.check("terminal/daily-" + name + suffix(language) + ".txt", text);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void checked(Language language) {
        DailyPromptRenderer renderer = renderer(language);
        SlackMessage posted = renderer.prompt(DigestFixtures.flagged(), DigestFixtures.open());
        SlackMessage checked = renderer.restate(posted, DigestFixtures.checked());
        check("checked", language, checked);
        // Updating the posted message says exactly what rendering afresh in that state would.
        assertThat(BlockKitJson.blocks(checked)).isEqualTo(BlockKitJson.blocks(
                renderer.prompt(DigestFixtures.flagged(), DigestFixtures.checked())));
        assertThat(checked.text()).isEqualTo(renderer.prompt(DigestFixtures.flagged(), DigestFixtures.checked()).text());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void handedOff(Language language) {
        DailyPromptRenderer renderer = renderer(language);
        SlackMessage posted = renderer.prompt(DigestFixtures.flagged(), DigestFixtures.open());
        SlackMessage handedOff = renderer.restate(posted, DigestFixtures.handedOff());
        check("handed-off", language, handedOff);
        assertThat(BlockKitJson.blocks(handedOff)).isEqualTo(BlockKitJson.blocks(
                renderer.prompt(DigestFixtures.flagged(), DigestFixtures.handedOff())));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void handOffNotice(Language language) {
        check("handoff-notice", language, renderer(language).handOffNotice(DigestFixtures.handedOff()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void reminder(Language language) {
        check("reminder", language, renderer(language).reminder(DigestFixtures.open()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void escalation(Language language) {
        check("escalation", language, renderer(language).escalation(DigestFixtures.BACKUP));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void onDemand(Language language) {
        SlackMessage message = renderer(language).prompt(DigestFixtures.flagged(),
                DailyPromptView.onDemand(DigestFixtures.open().day(), "U0ASKER01"));
        check("on-demand", language, message);
        assertThat(message.blocksJson()).as("nothing to check or hand off on demand")
                .doesNotContain(DailyActions.CHECKED).doesNotContain(DailyActions.HAND_OFF)
                .contains(DailyActions.investigateActionId(1));
        assertThat(message.text()).doesNotContain(DigestFixtures.open().ownerUserId());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void collecting(Language language) {
        check("collecting", language, renderer(language).collecting(12));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void rotation(Language language) {
        check("rotation", language, new RotationRenderer(Messages.load(language)).render(DigestFixtures.rotation()));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void rotationOnAHoliday(Language language) {
        check("rotation-holiday", language, new RotationRenderer(Messages.load(language)).render(DigestFixtures.rotationOnAHoliday()));
    }
}
