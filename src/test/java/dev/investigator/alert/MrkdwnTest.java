package dev.investigator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MrkdwnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '"', textBlock = """
            <https://x.example/a?b=1&amp;c=2|*Title*> => *Title*
            <https://x.example/a> => https://x.example/a
            <@U123> => @U123
            <@U123|kenji> => @kenji
            <#C123|alerts> => #alerts
            <!here> => @here
            <!subteam^S1|@sre> => @sre
            <!date^1776161100^{date_pretty}|14 Apr> => 14 Apr
            a &lt;b&gt; &amp;amp; c => a <b> &amp; c
            """)
    void plainTextIsWhatAPersonReads(String mrkdwn, String plain) {
        assertThat(Mrkdwn.plain(mrkdwn)).isEqualTo(plain);
    }

    @Test
    void linksAreUnescapedAndBareUrlsLoseTrailingPunctuation() {
        assertThat(Mrkdwn.links("see <https://x.example/a?b=1&amp;c=2|here> and https://y.example/p?q=1&amp;r=2."))
                .containsExactly(new AlertPost.Link("https://x.example/a?b=1&c=2", "here"), new AlertPost.Link("https://y.example/p?q=1&r=2", ""));
    }

    @Test
    void theFirstSlackDateIsRead() {
        assertThat(Mrkdwn.firstDate("x <!date^1776161100^Started {time}|fallback> y")).hasValue(Instant.ofEpochSecond(1776161100));
        assertThat(Mrkdwn.firstDate("no date")).isEmpty();
    }

    @Test
    void formattingMarksAroundAPhraseAreRemoved() {
        assertThat(Mrkdwn.unformat(" *_Critical: x_* ")).isEqualTo("Critical: x");
        assertThat(Mrkdwn.unformat("*bold* and *more*")).isEqualTo("bold* and *more");
    }
}
