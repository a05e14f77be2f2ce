package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MentionsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '#', value = {
        "U01TARO # <@U01TARO>",
        "W0ENTERPRISE # <@W0ENTERPRISE>",
        "' U01TARO ' # <@U01TARO>",
        "<@U01TARO> # <@U01TARO>",
        "<@U01TARO|taro> # <@U01TARO>",
        "S0SREGROUP # <!subteam^S0SREGROUP>",
        "<!subteam^S0SRE> # <!subteam^S0SRE>",
        "@here # @here",
        "<!channel> # &lt;!channel&gt;",
        "taro & hanako # taro &amp; hanako",
        "u01taro # u01taro",
    })
    void onlyWellFormedIdsBecomeMentions(String id, String expected) {
        assertThat(Mentions.of(id)).isEqualTo(expected);
    }
}
