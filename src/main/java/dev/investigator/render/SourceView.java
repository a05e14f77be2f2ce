package dev.investigator.render;

import dev.investigator.model.SourceKind;
import java.util.List;

/**
 * What one source's thread reply shows, independent of the output: a headline, titled groups, and a short
 * plain summary for notifications.
 *
 * @param headline safe text in the view's markup: "*Sentry* — 14 issues · 2 new"
 * @param summary  plain words with no vendor text: "Sentry: 14 issues, 2 new"
 */
record SourceView(SourceKind source, String headline, List<Group> groups, String summary) {
    SourceView {
        groups = List.copyOf(groups);
    }
}
