package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Evidence;
import dev.investigator.model.Investigation;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TerminalRendererTest {

    @Test
    void colourOnlyWhenAsked() {
        String plain = new TerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, false).render(Fixtures.incidentDownstream());
        String coloured = new TerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, true).render(Fixtures.incidentDownstream());

        assertThat(plain).doesNotContain("\u001b");
        assertThat(coloured).startsWith("\u001b[31m\u001b[1mIncident — checkout\u001b[0m\u001b[0m\n");
        assertThat(coloured).contains("\u001b[31mCRIT\u001b[0m");
        assertThat(coloured.replaceAll("\u001b\\[\\d+m", "")).isEqualTo(plain);
    }

    @Test
    void vendorTextCannotInjectEscapeSequences() {
        Investigation base = Fixtures.healthy();
        ErrorIssue evil = Fixtures.issue("1", "PAY-1", "boom\u001b[2J\u001b]0;owned\u0007", "x\ny", Fixtures.at(1), 1, 0, 1, Set.of());
        Investigation investigation = new Investigation(base.query(), base.verdict(), base.keyNumbers(), base.cause(),
                base.timeline(), List.of(base.reports().get(0),
                        SourceReport.found(SourceKind.SENTRY, new Evidence.Errors(List.of(evil), false), java.time.Duration.ZERO, 1, ""),
                        base.reports().get(2)), base.elapsed());

        String text = new TerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, false).render(investigation);

        assertThat(text).doesNotContain("\u001b").doesNotContain("\u0007").contains("boom [2J ]0;owned").contains("x y");
    }

    @Test
    void japaneseKeyNumbersLineUp() {
        String text = new TerminalRenderer(Messages.load(Language.JA), Fixtures.TOKYO, false).render(Fixtures.incidentDownstream());

        List<String> rows = text.lines().dropWhile(l -> !l.equals("主要指標")).skip(1).takeWhile(l -> !l.isBlank()).toList();
        assertThat(rows).hasSize(4);
        // The value column ends at the same terminal column on every row, wide characters counted as two.
        List<Integer> ends = rows.stream().map(r -> TextWidth.of(r.substring(0, r.indexOf("ベースライン")))).distinct().toList();
        assertThat(ends).hasSize(1);
    }

    @Test
    void linksAreListedInFull() {
        String text = new TerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, false).render(Fixtures.incidentDownstream());

        assertThat(text).contains("new Sentry issue CHECKOUT-1F3 [2]").contains("\n  [2] https://acme.sentry.io/issues/4567/\n");
        assertThat(text).contains("  [3] Datadog: https://app.datadoghq.com/dashboard/abc-def-ghi?tpl_var_service=checkout&tpl_var_env=prod");
    }

    @Test
    void textWidthCountsWideCharactersAsTwo() {
        assertThat(TextWidth.of("abc")).isEqualTo(3);
        assertThat(TextWidth.of("重大")).isEqualTo(4);
        assertThat(TextWidth.of("ｱ")).isEqualTo(1); // half-width katakana
        assertThat(TextWidth.pad("重大", 6)).isEqualTo("重大  ");
        assertThat(TextWidth.padLeft("1.7秒", 6)).isEqualTo(" 1.7秒");
    }
}
