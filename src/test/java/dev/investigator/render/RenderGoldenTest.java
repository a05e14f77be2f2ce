package dev.investigator.render;

import dev.investigator.model.Investigation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case rendered to Block Kit and to terminal text, compared with the reviewed files under
 * {@code src/test/resources/golden/}. Regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class RenderGoldenTest {

    static Stream<Arguments> cases() {
        return Fixtures.cases().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue().get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void blockKitEnglish(String name, Investigation investigation) {
        SlackThread thread = new BlockKitRenderer(Messages.load(Language.EN), Fixtures.TOKYO).render(investigation);
        Golden.check("blockkit/" + name + ".json", BlockKitJson.document(thread));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void terminalEnglish(String name, Investigation investigation) {
        String text = new TerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, false).render(investigation);
        Golden.check("terminal/" + name + ".txt", text);
    }

    @Test
    void blockKitJapanese() {
        SlackThread thread = new BlockKitRenderer(Messages.load(Language.JA), Fixtures.TOKYO).render(Fixtures.incidentDownstream());
        Golden.check("blockkit/incident_downstream_ja.json", BlockKitJson.document(thread));
    }

    @Test
    void terminalJapanese() {
        String text = new TerminalRenderer(Messages.load(Language.JA), Fixtures.TOKYO, false).render(Fixtures.incidentDownstream());
        Golden.check("terminal/incident_downstream_ja.txt", text);
    }

    @Test
    void terminalWithColour() {
        String text = new TerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, true).render(Fixtures.incidentDownstream());
        Golden.check("terminal/incident_downstream_ansi.txt", text);
    }
}
