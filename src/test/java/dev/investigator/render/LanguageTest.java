package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void parsesEnAndJaInAnyCase() {
        assertThat(Language.parse("en")).isEqualTo(Language.EN);
        assertThat(Language.parse(" JA ")).isEqualTo(Language.JA);
        assertThat(Language.parse("Ja")).isEqualTo(Language.JA);
    }

    @Test
    void rejectsAnythingElseNamingTheChoices() {
        assertThatThrownBy(() -> Language.parse("fr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown language \"fr\": use \"en\" or \"ja\"");
        assertThatThrownBy(() -> Language.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Language.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
