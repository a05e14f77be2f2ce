package dev.investigator.render;

import java.util.List;
import java.util.function.Function;

/**
 * A titled list inside a source's section, already in some {@link Markup}: each item is one entry (possibly
 * several lines). {@code hidden} entries were left out on purpose and are counted in a "…and N more" line.
 *
 * @param heading safe text, empty for none
 */
record Group(String heading, List<String> items, int hidden) {
    Group {
        items = List.copyOf(items);
    }

    static Group of(String heading, List<String> items) {
        return new Group(heading, items, 0);
    }

    /**
     * The first {@code max} items, rendered; the rest only counted as hidden. Only shown items are rendered, so a
     * terminal's footnotes never list links of items nobody sees.
     */
    static <T> Group capped(String heading, List<T> items, int max, Function<T, String> render) {
        List<String> shown = items.stream().limit(max).map(render).toList();
        return new Group(heading, shown, items.size() - shown.size());
    }
}
