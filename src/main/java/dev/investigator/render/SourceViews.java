package dev.investigator.render;

import dev.investigator.model.Evidence;
import dev.investigator.model.Gap;
import dev.investigator.model.Investigation;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import java.util.List;

/** Turns each source's report into the {@link SourceView} its thread reply shows; a failed report shows only its gap. */
final class SourceViews {

    private final Phrases phrases;

    SourceViews(Phrases phrases) {
        this.phrases = phrases;
    }

    SourceView of(SourceReport report, Investigation investigation) {
        if (report.failed()) {
            return failed(report.gap().orElseThrow(), report);
        }
        Evidence evidence = report.evidence().orElseThrow();
        if (evidence instanceof Evidence.Metrics metrics) {
            return new DatadogView(phrases).view(report, metrics, investigation);
        }
        if (evidence instanceof Evidence.Errors errors) {
            return new SentryView(phrases).view(report, errors);
        }
        if (evidence instanceof Evidence.Traces traces) {
            return new XRayView(phrases).view(report, traces.stats());
        }
        throw new IllegalStateException("unknown evidence " + evidence.getClass());
    }

    private SourceView failed(Gap gap, SourceReport report) {
        String headline = messages().get("gap.icon") + " " + phrases.gapLine(gap, report.elapsed());
        String summary = messages().get("reply.summary", gap.source().displayName(), phrases.gapReason(gap, report.elapsed()));
        return new SourceView(gap.source(), headline, List.of(), summary);
    }

    private Messages messages() {
        return phrases.messages();
    }

    /** "*Sentry* — 14 issues · 2 new · <link|Open in Sentry>". */
    static String headline(Phrases phrases, SourceKind source, String body, String link) {
        Messages messages = phrases.messages();
        String headline = messages.get("reply.headline", phrases.markup().bold(source.displayName()), body);
        if (link != null && !link.isBlank()) {
            headline = messages.get("reply.withLink", headline,
                    phrases.markup().link(link, messages.get("link.open", source.displayName())));
        }
        return headline;
    }

    /** A source with nothing to show says so in one line: "No Sentry issues in this window · <link|Open in Sentry>". */
    static SourceView empty(Phrases phrases, SourceKind source, String sentence, String link) {
        Messages messages = phrases.messages();
        String headline = sentence;
        if (link != null && !link.isBlank()) {
            headline = messages.get("reply.withLink", sentence,
                    phrases.markup().link(link, messages.get("link.open", source.displayName())));
        }
        return new SourceView(source, headline, List.of(), messages.get("reply.summary", source.displayName(), sentence));
    }

    /** "Sentry: 14 issues · 2 new". */
    static String summary(Messages messages, SourceKind source, String body) {
        return messages.get("reply.summary", source.displayName(), body);
    }
}
