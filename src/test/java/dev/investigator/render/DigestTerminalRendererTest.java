package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestTerminalRendererTest {

    @Test
    void severityIsColouredWhenAsked() {
        String text = new DigestTerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, true).render(DigestFixtures.flagged());
        assertThat(text).contains(TerminalMarkup.RED + "CRIT" + TerminalMarkup.RESET)
                .contains(TerminalMarkup.YELLOW + "WARN" + TerminalMarkup.RESET);
        String plain = new DigestTerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, false).render(DigestFixtures.flagged());
        assertThat(plain).doesNotContain("\u001b[");
    }

    @Test
    void vendorTextCannotRepaintTheScreenAndLinksAreListedInFull() {
        var query = dev.investigator.digest.DigestTestData.query(dev.investigator.digest.DigestTestData.service("checkout"));
        var sentry = dev.investigator.digest.DigestTestData.issuesReport(java.util.Map.of("checkout", java.util.List.of(
                dev.investigator.digest.DigestTestData.issue("CHECKOUT-1", "\u001b[2Jboom\nsecond line", "error", 3))), false);
        String text = new DigestTerminalRenderer(Messages.load(Language.EN), Fixtures.TOKYO, false)
                .render(DigestFixtures.digest(query, java.util.List.of(sentry)));
        assertThat(text).doesNotContain("\u001b").contains("CHECKOUT-1 [1] [2Jboom second line · 3 events")
                .contains("[1] https://acme.sentry.io/issues/");
    }
}
