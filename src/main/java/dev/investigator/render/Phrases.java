package dev.investigator.render;

import dev.investigator.model.Cause;
import dev.investigator.model.CauseKind;
import dev.investigator.model.Finding;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.Investigation;
import dev.investigator.model.KeyNumber;
import dev.investigator.model.SourceKind;
import dev.investigator.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The sentences both renderers share: findings, the cause chain, gaps, key numbers. Written once against a
 * {@link Markup}, so Slack and the terminal make the same claims with the same evidence.
 */
final class Phrases {

    /** Titles and other vendor strings inside a sentence are cut here so one long title cannot crowd out the rest. */
    static final int MAX_TITLE = 80;
    static final int MAX_NAME = 60;

    private final Messages messages;
    private final Times times;
    private final Markup markup;

    Phrases(Messages messages, Times times, Markup markup) {
        this.messages = messages;
        this.times = times;
        this.markup = markup;
    }

    Messages messages() {
        return messages;
    }

    Times times() {
        return times;
    }

    Markup markup() {
        return markup;
    }

    // ---- verdict ----

    /** "🔴 Incident — checkout". */
    String verdictHeader(Verdict verdict, String service) {
        return messages.get("verdict.header", messages.get("verdict.emoji." + verdict.name()),
                messages.get("verdict." + verdict.name()), service);
    }

    /** "Incident — checkout", for a terminal, where emoji widths are unreliable. */
    String verdictTitle(Verdict verdict, String service) {
        return messages.get("verdict.title", messages.get("verdict." + verdict.name()), service);
    }

    /** "14:00–14:30 JST (30 min) · prod". */
    String windowLine(Investigation investigation) {
        return messages.get("window.context", times.window(), times.length(),
                markup.text(investigation.query().service().env(), MAX_NAME));
    }

    /** "Investigated in 1.2 s · id inv-42". */
    String footer(Investigation investigation) {
        return messages.get("footer", messages.elapsed(investigation.elapsed()),
                markup.text(investigation.query().id(), MAX_NAME));
    }

    // ---- findings ----

    /** A finding as a claim with its time, for the cause chain: "new Sentry issue CHECKOUT-1F3 (...) at 14:02". */
    String claim(Finding finding) {
        return phrase(finding, "finding.");
    }

    /** A finding without its time, for a timeline line that shows the time already. */
    String event(Finding finding) {
        return phrase(finding, "timeline.");
    }

    private String phrase(Finding finding, String prefix) {
        String at = times.at(finding.at());
        if (finding instanceof Finding.MetricShift s) {
            String subject = markup.link(s.link(), s.label());
            if (Double.isInfinite(s.ratio())) {
                return messages.get(prefix + "metric.fromZero", subject, messages.value(s.observed(), s.unit()), at);
            }
            return messages.get(prefix + "metric", subject, messages.ratio(s.ratio()), at,
                    messages.value(s.baseline(), s.unit()), messages.value(s.observed(), s.unit()));
        }
        if (finding instanceof Finding.IssueSurfaced i) {
            String subject = markup.link(i.link(), i.issue().shortId());
            return messages.get(prefix + "issue." + i.flag().name(), subject,
                    markup.text(i.issue().title(), MAX_TITLE), at, messages.count(i.issue().eventsInWindow()),
                    i.issue().eventsInWindow());
        }
        if (finding instanceof Finding.FaultOnset f) {
            String subject = markup.link(f.link(), messages.get("finding.faults.subject"));
            return messages.get(prefix + "faults", subject, at, messages.count(f.faults()), messages.rate(f.faultRate()),
                    f.faults());
        }
        if (finding instanceof Finding.DownstreamFailure d) {
            String share = markup.link(d.link(), messages.get("finding.downstream.share", messages.share(d.share())));
            String key = d.exception() == null || d.exception().isBlank() ? "finding.downstream.noException" : "finding.downstream";
            return messages.get(key, markup.text(d.service(), MAX_NAME), markup.text(d.exception(), MAX_TITLE), share, at);
        }
        if (finding instanceof Finding.Deployment dep) {
            String subject = markup.link(dep.link(), dep.change().title());
            return messages.get(prefix + "deploy", markup.text(dep.change().kind(), MAX_NAME), subject, at);
        }
        throw new IllegalStateException("unknown finding " + finding.getClass());
    }

    // ---- cause ----

    /**
     * The cause chain, one line each: root cause, first symptom, impact, then what else supports it. Empty for a
     * HEALTHY investigation, which never claims a cause.
     */
    List<String> causeLines(Investigation investigation) {
        if (investigation.verdict() == Verdict.HEALTHY || investigation.cause().isEmpty()) {
            return List.of();
        }
        Cause cause = investigation.cause().get();
        List<String> lines = new ArrayList<>();
        String root = claim(cause.rootCause());
        if (cause.kind() == CauseKind.UNEXPLAINED) {
            lines.add(markup.bold(messages.get("cause.unexplained.title")) + " " + messages.get("cause.UNEXPLAINED", root));
        } else {
            lines.add(markup.bold(messages.get("cause.label")) + " " + messages.get("cause." + cause.kind().name(),
                    root, markup.text(investigation.query().service().name(), MAX_NAME)));
        }
        cause.firstSymptom().ifPresent(f -> lines.add(messages.get("cause.firstSymptom", claim(f))));
        cause.impact().ifPresent(f -> lines.add(messages.get("cause.impact", claim(f))));
        List<Finding> shown = new ArrayList<>();
        shown.add(cause.rootCause());
        cause.firstSymptom().ifPresent(shown::add);
        cause.impact().ifPresent(shown::add);
        List<Finding> others = cause.support().stream().filter(f -> !shown.contains(f)).toList();
        int supportShown = Math.min(others.size(), 2);
        for (int i = 0; i < supportShown; i++) {
            lines.add(messages.get("cause.support", claim(others.get(i))));
        }
        if (others.size() > supportShown) {
            lines.add(messages.more(others.size() - supportShown));
        }
        return lines;
    }

    /** The root-cause line alone, for a notification. */
    Optional<String> causeHeadline(Investigation investigation) {
        List<String> lines = causeLines(investigation);
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
    }

    // ---- timeline ----

    record TimelineEntry(String time, SourceKind source, String text) {
    }

    /** The findings in time order (then by source), at most {@code max}; {@code hidden} says how many were left out. */
    List<TimelineEntry> timeline(Investigation investigation, int max) {
        return investigation.timeline().stream()
                .sorted(Comparator.comparing(Finding::at).thenComparing(Finding::source))
                .limit(max)
                .map(f -> new TimelineEntry(times.at(f.at()), f.source(), event(f)))
                .toList();
    }

    // ---- gaps ----

    /** "Sentry: token rejected (401) — check SENTRY_AUTH_TOKEN · `HTTP 401 Unauthorized`". */
    String gapLine(Gap gap, Duration elapsed) {
        String line = messages.get("gap.line", markup.bold(gap.source().displayName()), gapReason(gap, elapsed));
        Optional<String> hint = gapHint(gap);
        if (hint.isPresent()) {
            line = messages.get("gap.withHint", line, hint.get());
        }
        if (gap.detailIfAny().isPresent()) {
            line = messages.get("gap.withDetail", line, markup.code(gap.detail(), BlockKitLimits.MAX_DETAIL));
        }
        return line;
    }

    /** "token rejected (401)", "no answer within 15 s"; the source's own wording wins over the general one. */
    String gapReason(Gap gap, Duration elapsed) {
        String status = gap.httpStatus().isPresent()
                ? messages.get("gap.status", Integer.toString(gap.httpStatus().getAsInt()))
                : "";
        if (gap.reason() == GapReason.TIMEOUT && elapsed.compareTo(Duration.ofSeconds(1)) < 0) {
            return messages.get("gap.reason.TIMEOUT.noElapsed", status);
        }
        String specific = "gap.reason." + gap.source().name() + "." + gap.reason().name();
        String key = messages.has(specific) ? specific : "gap.reason." + gap.reason().name();
        return messages.get(key, status, messages.duration(elapsed));
    }

    /** What to do about it, by source and reason; the source's own hint wins over the general one. */
    Optional<String> gapHint(Gap gap) {
        String specific = "gap.hint." + gap.source().name() + "." + gap.reason().name();
        if (messages.has(specific)) {
            return Optional.of(messages.get(specific));
        }
        String general = "gap.hint." + gap.reason().name();
        return messages.has(general) ? Optional.of(messages.get(general)) : Optional.empty();
    }

    // ---- key numbers ----

    String keyValue(KeyNumber n) {
        return messages.value(n.observed(), n.unit());
    }

    /** "baseline 0.3%, ×21", "baseline 0", "no baseline". */
    String keyBaseline(KeyNumber n) {
        if (n.baseline().isEmpty()) {
            return messages.get("keynumber.noBaseline");
        }
        String baseline = messages.value(n.baseline().getAsDouble(), n.unit());
        if (n.ratio().isEmpty()) {
            return messages.get("keynumber.baselineOnly", baseline);
        }
        return messages.get("keynumber.baseline", baseline, messages.ratio(n.ratio().getAsDouble()));
    }
}
