package dev.investigator.render;

import dev.investigator.digest.DailyDigest;
import dev.investigator.digest.DigestFlag;
import dev.investigator.digest.ServiceDigest;
import dev.investigator.model.SourceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest's flagged services as both renderers show them: those with a real problem, and those only flagged
 * because a source could not check them (shown on one line per set of missing sources, not as problems).
 */
record DigestGroups(List<ServiceDigest> problems, List<ServiceDigest> unchecked) {

    static DigestGroups of(DailyDigest digest) {
        List<ServiceDigest> problems = new ArrayList<>();
        List<ServiceDigest> unchecked = new ArrayList<>();
        for (ServiceDigest service : digest.flagged()) {
            boolean onlyUnchecked = service.flags().stream().allMatch(f -> f.kind() == DigestFlag.Kind.SOURCE_UNAVAILABLE);
            (onlyUnchecked ? unchecked : problems).add(service);
        }
        return new DigestGroups(List.copyOf(problems), List.copyOf(unchecked));
    }

    /** "Nothing found, but Sentry could not be checked: a, b", one line per set of missing sources. */
    List<String> uncheckedLines(DigestPhrases phrases, String icon) {
        Map<List<SourceKind>, List<String>> bySources = new LinkedHashMap<>();
        for (ServiceDigest service : unchecked) {
            bySources.computeIfAbsent(service.unavailable(), k -> new ArrayList<>()).add(service.service());
        }
        // Shares of one section's text, so every line keeps some names and its count of the rest.
        int budget = Math.max(200, (BlockKitLimits.MAX_TEXT - 100) / Math.max(1, bySources.size()) - 100);
        List<String> lines = new ArrayList<>();
        bySources.forEach((sources, names) -> lines.add(icon + phrases.messages().get("digest.unchecked",
                phrases.sources(sources), phrases.names(names, budget))));
        return lines;
    }
}
