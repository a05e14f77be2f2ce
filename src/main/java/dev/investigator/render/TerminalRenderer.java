package dev.investigator.render;

import dev.investigator.model.Investigation;
import dev.investigator.model.KeyNumber;
import dev.investigator.model.Severity;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.Verdict;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;

/**
 * Renders an investigation as text for a terminal: the same information as the Slack thread, in reading order
 * (verdict, key numbers, cause, timeline, each source, gaps), with links listed in full at the end and optional
 * ANSI colour. Holds no per-call state: one instance may render from many threads.
 */
public final class TerminalRenderer {

    static final int MAX_TIMELINE = 15;
    private static final String INDENT = "  ";

    private final Messages messages;
    private final ZoneId zone;
    private final boolean ansiColor;

    public TerminalRenderer(Messages messages, ZoneId zone, boolean ansiColor) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ansiColor = ansiColor;
    }

    public String render(Investigation investigation) {
        TerminalMarkup markup = new TerminalMarkup(ansiColor);
        Phrases phrases = new Phrases(messages, new Times(messages, zone, investigation.query().window()), markup);
        List<String> out = new ArrayList<>();

        String title = phrases.verdictTitle(investigation.verdict(),
                markup.text(investigation.query().service().name(), Phrases.MAX_NAME));
        out.add(markup.color(verdictColor(investigation.verdict()), markup.bold(title)));
        out.add(phrases.windowLine(investigation));

        keyNumbers(investigation, phrases, markup, out);

        List<String> cause = phrases.causeLines(investigation);
        if (!cause.isEmpty()) {
            out.add("");
            out.add(cause.get(0));
            cause.subList(1, cause.size()).forEach(line -> out.add(INDENT + line));
        } else if (investigation.verdict() == Verdict.HEALTHY) {
            out.add("");
            out.add(messages.get("healthy.summary"));
        }

        timeline(investigation, phrases, markup, out);

        SourceViews views = new SourceViews(phrases);
        for (SourceKind kind : SourceKind.values()) {
            // A failed source is listed once, under Gaps, with its reason and hint.
            investigation.report(kind).filter(report -> !report.failed())
                    .ifPresent(report -> source(views.of(report, investigation), out));
        }

        List<String> gaps = new ArrayList<>();
        for (SourceReport report : investigation.reports()) {
            report.gap().ifPresent(gap -> gaps.add(INDENT + markup.color(TerminalMarkup.YELLOW, "!") + " "
                    + phrases.gapLine(gap, report.elapsed())));
        }
        if (!gaps.isEmpty()) {
            out.add("");
            out.add(markup.bold(messages.get("gaps.title")));
            out.addAll(gaps);
        }

        links(investigation, markup, out);
        out.add("");
        out.add(markup.color(TerminalMarkup.GREY, phrases.footer(investigation)));
        return String.join("\n", out) + "\n";
    }

    private void keyNumbers(Investigation investigation, Phrases phrases, TerminalMarkup markup, List<String> out) {
        List<KeyNumber> numbers = investigation.keyNumbers();
        if (numbers.isEmpty()) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (KeyNumber n : numbers) {
            rows.add(new String[] {
                messages.get("severity.label." + n.severity().name()),
                markup.text(n.label(), Phrases.MAX_NAME),
                phrases.keyValue(n),
                phrases.keyBaseline(n)});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], TextWidth.of(row[c]));
            }
        }
        out.add("");
        out.add(markup.bold(messages.get("keynumbers.title")));
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            Severity severity = numbers.get(r).severity();
            String marker = markup.color(severityColor(severity), TextWidth.pad(row[0], widths[0]));
            String line = INDENT + marker + "  " + TextWidth.pad(row[1], widths[1]) + "  "
                    + TextWidth.padLeft(row[2], widths[2]) + "  " + row[3];
            out.add(line.stripTrailing());
        }
    }

    private void timeline(Investigation investigation, Phrases phrases, TerminalMarkup markup, List<String> out) {
        List<Phrases.TimelineEntry> entries = phrases.timeline(investigation, MAX_TIMELINE);
        if (entries.isEmpty()) {
            return;
        }
        int timeWidth = entries.stream().mapToInt(e -> TextWidth.of(e.time())).max().orElse(0);
        int sourceWidth = entries.stream().mapToInt(e -> TextWidth.of(e.source().displayName())).max().orElse(0);
        out.add("");
        out.add(markup.bold(messages.get("timeline.title")));
        for (Phrases.TimelineEntry e : entries) {
            out.add(INDENT + TextWidth.pad(e.time(), timeWidth) + "  " + TextWidth.pad(e.source().displayName(), sourceWidth)
                    + "  " + e.text());
        }
        int hidden = investigation.timeline().size() - entries.size();
        if (hidden > 0) {
            out.add(INDENT + messages.more(hidden));
        }
    }

    private void source(SourceView view, List<String> out) {
        out.add("");
        out.add(view.headline());
        for (Group group : view.groups()) {
            String itemIndent = INDENT;
            if (!group.heading().isEmpty()) {
                out.add(INDENT + group.heading());
                itemIndent = INDENT + INDENT;
            }
            for (String item : group.items()) {
                for (String line : item.split("\n")) {
                    out.add(itemIndent + line);
                }
            }
            if (group.hidden() > 0) {
                out.add(itemIndent + messages.more(group.hidden()));
            }
        }
    }

    /** Every link in full: footnotes in order of first use, console links named after their source. */
    private void links(Investigation investigation, TerminalMarkup markup, List<String> out) {
        Map<String, String> consoles = new LinkedHashMap<>();
        for (SourceKind kind : SourceKind.values()) {
            investigation.report(kind).filter(r -> !r.link().isBlank())
                    .ifPresent(r -> consoles.putIfAbsent(BlockKitLimits.oneLine(r.link(), Integer.MAX_VALUE), kind.displayName()));
        }
        List<String> lines = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (TerminalMarkup.Footnote note : markup.footnotes()) {
            String name = consoles.get(note.url());
            lines.add(INDENT + "[" + note.number() + "] "
                    + (name == null ? note.url() : messages.get("links.console", name, note.url())));
            listed.add(note.url());
        }
        consoles.forEach((url, name) -> {
            if (!listed.contains(url)) {
                lines.add(INDENT + messages.get("links.console", name, url));
            }
        });
        if (!lines.isEmpty()) {
            out.add("");
            out.add(markup.bold(messages.get("links.title")));
            out.addAll(lines);
        }
    }

    private static String verdictColor(Verdict verdict) {
        return switch (verdict) {
            case INCIDENT -> TerminalMarkup.RED;
            case DEGRADED -> TerminalMarkup.YELLOW;
            case HEALTHY -> TerminalMarkup.GREEN;
            case UNKNOWN -> TerminalMarkup.GREY;
        };
    }

    private static String severityColor(Severity severity) {
        return switch (severity) {
            case CRIT -> TerminalMarkup.RED;
            case WARN -> TerminalMarkup.YELLOW;
            case OK -> "";
        };
    }
}
