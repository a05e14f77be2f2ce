package dev.investigator.render;

import dev.investigator.digest.DailyDigest;
import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestReport;
import dev.investigator.digest.ServiceDigest;
import dev.investigator.model.Severity;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The daily digest as text for a terminal (the CLI's {@code daily} command): the same content as the Slack
 * prompt, problems first with all their detail, links listed in full at the end, optional ANSI colour. No
 * owner and no buttons: those belong to Slack. Holds no per-call state.
 */
public final class DigestTerminalRenderer {

    private static final String INDENT = "  ";
    /** A terminal has room: more of each list than Slack shows. */
    private static final int MAX_LIST = 10;

    private final Messages messages;
    private final ZoneId zone;
    private final boolean ansiColor;

    public DigestTerminalRenderer(Messages messages, ZoneId zone, boolean ansiColor) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ansiColor = ansiColor;
    }

    public String render(DailyDigest digest) {
        TerminalMarkup markup = new TerminalMarkup(ansiColor);
        DigestPhrases phrases = new DigestPhrases(messages, markup, zone, digest.period());
        DigestGroups sorted = DigestGroups.of(digest);
        List<String> out = new ArrayList<>();

        LocalDate today = digest.generatedAt().atZone(zone).toLocalDate();
        out.add(markup.bold(messages.get("digest.title", DigestPhrases.day(messages, today))));
        out.add(phrases.periodLine(digest.services().size()));

        if (!sorted.problems().isEmpty()) {
            out.add("");
            out.add(markup.bold(messages.get("digest.problems.title", messages.count(sorted.problems().size()))));
            int labelWidth = sorted.problems().stream()
                    .mapToInt(s -> TextWidth.of(label(s.severity()))).max().orElse(0);
            String detailIndent = INDENT + " ".repeat(labelWidth) + "  ";
            for (ServiceDigest service : sorted.problems()) {
                String label = markup.color(color(service.severity()), TextWidth.pad(label(service.severity()), labelWidth));
                out.add(INDENT + label + "  " + phrases.line(service));
                List<String> details = new ArrayList<>();
                details.addAll(phrases.issues(service, MAX_LIST));
                if (service.newIssues().size() > MAX_LIST) {
                    details.add(messages.more(service.newIssues().size() - MAX_LIST));
                }
                details.addAll(phrases.endpoints(service, DigestPhrases.MAX_ENDPOINTS));
                details.addAll(phrases.monitors(service, MAX_LIST));
                if (service.monitors().size() > MAX_LIST) {
                    details.add(messages.more(service.monitors().size() - MAX_LIST));
                }
                details.forEach(d -> out.add(detailIndent + d));
            }
        }

        List<String> gaps = new ArrayList<>();
        for (DigestReport report : digest.reports()) {
            report.gap().ifPresent(gap -> gaps.add(INDENT + markup.color(TerminalMarkup.YELLOW, "!") + " "
                    + phrases.gapLine(gap, report.elapsed())));
        }
        if (!gaps.isEmpty()) {
            out.add("");
            out.add(markup.bold(messages.get("digest.gaps.title")));
            out.addAll(gaps);
        }

        List<String> closing = new ArrayList<>();
        closing.addAll(sorted.uncheckedLines(phrases, ""));
        List<String> healthy = digest.healthy().stream().map(ServiceDigest::service).toList();
        if (sorted.problems().isEmpty() && sorted.unchecked().isEmpty()) {
            int n = digest.services().size();
            closing.add(markup.color(TerminalMarkup.GREEN, messages.get("digest.healthy.all", n, messages.count(n))));
        } else if (!healthy.isEmpty()) {
            closing.add(markup.color(TerminalMarkup.GREEN, messages.get("digest.healthy.others", phrases.names(healthy, Integer.MAX_VALUE))));
        }
        boolean truncated = digest.reports().stream()
                .anyMatch(r -> r.evidence(DigestEvidence.NewIssues.class).map(DigestEvidence.NewIssues::truncated).orElse(false));
        if (truncated) {
            closing.add(messages.get("digest.issuesTruncated"));
        }
        if (!closing.isEmpty()) {
            out.add("");
            out.addAll(closing);
        }

        List<TerminalMarkup.Footnote> notes = markup.footnotes();
        if (!notes.isEmpty()) {
            out.add("");
            out.add(markup.bold(messages.get("links.title")));
            notes.forEach(n -> out.add(INDENT + "[" + n.number() + "] " + n.url()));
        }
        Duration elapsed = digest.reports().stream().map(DigestReport::elapsed).max(Duration::compareTo).orElse(Duration.ZERO);
        out.add("");
        out.add(markup.color(TerminalMarkup.GREY, messages.get("digest.footer", messages.elapsed(elapsed),
                markup.text(digest.id(), Phrases.MAX_NAME))));
        return String.join("\n", out) + "\n";
    }

    private String label(Severity severity) {
        return messages.get("severity.label." + severity.name());
    }

    private static String color(Severity severity) {
        return switch (severity) {
            case CRIT -> TerminalMarkup.RED;
            case WARN -> TerminalMarkup.YELLOW;
            case OK -> "";
        };
    }
}
