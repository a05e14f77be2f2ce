package dev.investigator.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BlockKitLimitsTest {

    private final BlockKitLimits en = new BlockKitLimits(Messages.load(Language.EN));
    private final BlockKitLimits ja = new BlockKitLimits(Messages.load(Language.JA));

    @Test
    void escapesTheThreeControlCharacters() {
        assertThat(BlockKitLimits.escape("a & b < c > d")).isEqualTo("a &amp; b &lt; c &gt; d");
        assertThat(BlockKitLimits.escape("&amp;")).isEqualTo("&amp;amp;");
        assertThat(BlockKitLimits.escape("*bold* _it_ `code` | plain")).isEqualTo("*bold* _it_ `code` | plain");
        assertThat(BlockKitLimits.escape(null)).isEmpty();
    }

    @Test
    void linksEscapeLabelAndUrl() {
        assertThat(BlockKitLimits.link("https://x.io/a?b=1&c=2", "CHECKOUT-1F3"))
                .isEqualTo("<https://x.io/a?b=1&amp;c=2|CHECKOUT-1F3>");
        assertThat(BlockKitLimits.link("https://x.io/a|b>c<d e", "a|b>c<d&e"))
                .isEqualTo("<https://x.io/a%7Cb%3Ec%3Cd%20e|a¦b&gt;c&lt;d&amp;e>");
        assertThat(BlockKitLimits.link("", "no <link>")).isEqualTo("no &lt;link&gt;");
        assertThat(BlockKitLimits.link("https://x.io", "")).isEqualTo("<https://x.io>");
    }

    @Test
    void truncatesWithEllipsisWithinTheLimit() {
        String text = "x".repeat(3100);
        String cut = BlockKitLimits.truncate(text, 3000);
        assertThat(cut).hasSize(3000).endsWith("…");
        assertThat(BlockKitLimits.truncate("short", 3000)).isEqualTo("short");
        assertThat(BlockKitLimits.headerText("h".repeat(200))).hasSize(150).endsWith("…");
        assertThat(BlockKitLimits.buttonText("b".repeat(100))).hasSize(75);
        assertThat(BlockKitLimits.fieldText("f".repeat(2500))).hasSize(2000);
        assertThat(BlockKitLimits.fallbackText("t".repeat(5000))).hasSize(3000);
    }

    @Test
    void neverSplitsASurrogatePair() {
        String text = "abcd😀efgh"; // the emoji is two chars at index 4-5
        String cut = BlockKitLimits.truncate(text, 6); // room for 5 chars + "…": would end inside the emoji
        assertThat(cut).isEqualTo("abcd…");
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
    }

    @Test
    void mrkdwnTruncationNeverBreaksALinkOrAnEntity() {
        String link = BlockKitLimits.link("https://example.com/" + "p".repeat(50), "label");
        String text = "before " + link + " after";
        String cut = BlockKitLimits.truncateMrkdwn(text, 30);
        assertThat(cut).isEqualTo("before…");

        String entities = "aaaa &amp; bbbb";
        assertThat(BlockKitLimits.truncateMrkdwn(entities, 8)).isEqualTo("aaaa…"); // would end in "&am"
        assertThat(BlockKitLimits.truncateMrkdwn(entities, 11)).isEqualTo("aaaa &amp;…");
    }

    @Test
    void oneLineRemovesControlCharacters() {
        assertThat(BlockKitLimits.oneLine("a\nb\tc\u001b[2Jd\r\n", 100)).isEqualTo("a b c [2Jd");
        assertThat(BlockKitLimits.oneLine("x".repeat(300), 200)).hasSize(200).endsWith("…");
    }

    @Test
    void capSaysHowManyWereCut() {
        List<String> items = IntStream.range(0, 47).mapToObj(i -> "item " + i).toList();
        List<String> capped = en.capWithMore(items, 10, 0);
        assertThat(capped).hasSize(10).endsWith("…and 38 more");
        assertThat(capped.get(8)).isEqualTo("item 8");
        assertThat(ja.capWithMore(items, 10, 0)).endsWith("…ほか 38 件");
        assertThat(en.capWithMore(items.subList(0, 3), 10, 0)).containsExactly("item 0", "item 1", "item 2");
        assertThat(en.capWithMore(items.subList(0, 3), 10, 5)).endsWith("…and 5 more").hasSize(4);
    }

    @Test
    void packFillsTextsUpToTheLimitAndCountsTheRest() {
        List<String> items = IntStream.range(0, 1000).mapToObj(i -> String.format("%04d ", i) + "y".repeat(95)).toList();

        List<String> texts = en.pack("*Heading*", items, 0, 3000, 5);

        assertThat(texts).hasSize(5).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(3000));
        assertThat(texts.get(0)).startsWith("*Heading*\n0000 ");
        String last = texts.get(4);
        String moreLine = last.substring(last.lastIndexOf('\n') + 1);
        assertThat(moreLine).matches("…and \\d+ more");
        int hidden = Integer.parseInt(moreLine.replaceAll("\\D", ""));
        long shown = texts.stream().flatMap(t -> t.lines()).filter(l -> l.matches("\\d{4} y+")).count();
        assertThat(shown + hidden).isEqualTo(1000);
        // Items keep their order and none is split.
        List<String> shownItems = new ArrayList<>();
        texts.forEach(t -> t.lines().filter(l -> l.matches("\\d{4} y+")).forEach(shownItems::add));
        assertThat(shownItems).isEqualTo(items.subList(0, (int) shown));
    }

    @Test
    void packCountsItemsHiddenBefore() {
        List<String> texts = en.pack("", List.of("a", "b"), 37, 3000, 1);
        assertThat(texts).containsExactly("a\nb\n…and 37 more");
    }

    @Test
    void packCutsAnOversizedItem() {
        List<String> texts = en.pack("", List.of("z".repeat(5000)), 0, 3000, 3);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0)).hasSize(3000).endsWith("…");
    }

    @Test
    void packRejectsNoRoom() {
        assertThatThrownBy(() -> en.pack("", List.of("a"), 0, 3000, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
