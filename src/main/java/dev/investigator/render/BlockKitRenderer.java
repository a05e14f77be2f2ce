package dev.investigator.render;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.model.Gap;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.KeyNumber;
import dev.investigator.model.Severity;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.Verdict;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders an investigation as a Slack thread: a parent message that leads with the verdict, key numbers and likely
 * cause, and one reply per source (Datadog, Sentry, X-Ray) with the detail. Every message stays within Block Kit's
 * limits ({@link BlockKitLimits}).
 *
 * <p>Buttons: {@code investigate_rerun_wider} and {@code investigate_rerun_previous} carry, as their value, the
 * compact JSON {@code {"service":"checkout","from":<epoch s>,"to":<epoch s>}} of the window to investigate
 * next (already widened or moved back), so the handler runs exactly that. {@code open_datadog},
 * {@code open_sentry}, {@code open_xray} are link buttons to each source's console.
 *
 * <p>Holds no per-call state: one instance may render from many threads.
 */
public final class BlockKitRenderer {

    public static final String ACTION_RERUN_WIDER = "investigate_rerun_wider";
    public static final String ACTION_RERUN_PREVIOUS = "investigate_rerun_previous";

    static final int MAX_TIMELINE = 6;
    /** A group longer than this many full sections is more than anyone reads in a thread. */
    static final int MAX_SECTIONS_PER_GROUP = 10;

    private final Messages messages;
    private final ZoneId zone;
    private final BlockKitLimits limits;

    public BlockKitRenderer(Messages messages, ZoneId zone) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.limits = new BlockKitLimits(messages);
    }

    public SlackThread render(Investigation investigation) {
        Times times = new Times(messages, zone, investigation.query().window());
        Phrases slack = new Phrases(messages, times, new MrkdwnMarkup());
        Phrases plain = new Phrases(messages, times, new FallbackMarkup());
        SlackMessage parent = parent(investigation, slack, plain);
        SourceViews views = new SourceViews(slack);
        List<SlackMessage> replies = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            investigation.report(kind).ifPresent(report -> replies.add(reply(views.of(report, investigation))));
        }
        return new SlackThread(parent, replies);
    }

    /**
     * The message with a context line under its header (or on top when it has none): what started it, such as
     * the alert an automatic investigation answers. Unchanged when the note is blank or the message is full.
     */
    public static SlackMessage withNote(SlackMessage message, String noteMrkdwn) {
        if (noteMrkdwn == null || noteMrkdwn.isBlank()) {
            return message;
        }
        com.fasterxml.jackson.databind.node.ArrayNode blocks;
        try {
            blocks = (com.fasterxml.jackson.databind.node.ArrayNode) NOTE_JSON.readTree(message.blocksJson());
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalArgumentException("not a Block Kit array", e);
        }
        if (blocks.size() >= BlockKitLimits.MAX_BLOCKS) {
            return message;
        }
        com.fasterxml.jackson.databind.node.ObjectNode context = NOTE_JSON.createObjectNode().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", BlockKitLimits.truncateMrkdwn(noteMrkdwn, 1_000));
        int at = blocks.size() > 0 && "header".equals(blocks.get(0).path("type").asText()) ? 1 : 0;
        blocks.insert(at, context);
        return new SlackMessage(message.text(), blocks.toString());
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper NOTE_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The placeholder posted at once and updated when the investigation is done: "Investigating checkout, 14:00–14:30 JST…". */
    public SlackMessage renderRunning(InvestigationQuery query) {
        String when = messages.window(query.window(), zone);
        Markup slack = new MrkdwnMarkup();
        Markup plain = new FallbackMarkup();
        String service = query.service().name();
        BlockBuilder blocks = new BlockBuilder(limits)
                .section(messages.get("running", slack.bold(slack.text(service, Phrases.MAX_NAME)), when));
        String text = messages.get("running", plain.text(service, Phrases.MAX_NAME), when);
        return new SlackMessage(BlockKitLimits.fallbackText(text), blocks.build().toString());
    }

    private SlackMessage parent(Investigation investigation, Phrases slack, Phrases plain) {
        Markup markup = slack.markup();
        String service = investigation.query().service().name();
        BlockBuilder blocks = new BlockBuilder(limits);
        // The header is plain_text: Slack shows it literally, so the service name needs no escaping there.
        blocks.header(slack.verdictHeader(investigation.verdict(), BlockKitLimits.oneLine(service, Phrases.MAX_NAME)));
        blocks.context(List.of(slack.windowLine(investigation)));

        List<String> fields = new ArrayList<>();
        for (KeyNumber n : investigation.keyNumbers()) {
            fields.add(keyNumber(n, slack));
        }
        blocks.fields(fields);

        List<String> cause = slack.causeLines(investigation);
        if (!cause.isEmpty()) {
            blocks.section(String.join("\n", cause));
        } else if (investigation.verdict() == Verdict.HEALTHY) {
            blocks.section(messages.get("healthy.summary"));
        }

        List<String> timeline = new ArrayList<>();
        for (Phrases.TimelineEntry entry : slack.timeline(investigation, MAX_TIMELINE)) {
            timeline.add(messages.get("timeline.line", "`" + entry.time() + "`",
                    markup.bold(entry.source().displayName()), entry.text()));
        }
        int hiddenFindings = investigation.timeline().size() - timeline.size();
        if (!timeline.isEmpty()) {
            blocks.list(markup.bold(messages.get("timeline.title")), timeline, hiddenFindings, 1);
        }

        List<String> gaps = new ArrayList<>();
        for (SourceReport report : investigation.reports()) {
            report.gap().ifPresent(gap -> gaps.add(messages.get("gap.icon") + " " + slack.gapLine(gap, report.elapsed())));
        }
        if (!gaps.isEmpty()) {
            blocks.list(markup.bold(messages.get("gaps.title")), gaps, 0, 1);
        }

        blocks.actions(buttons(investigation));
        blocks.context(List.of(slack.footer(investigation)));
        return new SlackMessage(parentFallback(investigation, plain), blocks.build().toString());
    }

    /** "🔴 *Error rate* 6.2% (baseline 0.3%, ×21)". */
    private String keyNumber(KeyNumber n, Phrases slack) {
        String field = messages.get("keynumber.field", slack.markup().bold(slack.markup().text(n.label(), Phrases.MAX_NAME)),
                slack.keyValue(n), slack.keyBaseline(n));
        if (n.severity() != Severity.OK) {
            field = messages.get("severity.emoji." + n.severity().name()) + " " + field;
        }
        return field;
    }

    private List<BlockBuilder.Button> buttons(Investigation investigation) {
        InvestigationQuery query = investigation.query();
        List<BlockBuilder.Button> buttons = new ArrayList<>();
        buttons.add(BlockBuilder.Button.action(messages.get("button.rerunWider"), ACTION_RERUN_WIDER,
                rerunValue(query.service().name(), query.window().widened())));
        buttons.add(BlockBuilder.Button.action(messages.get("button.rerunPrevious"), ACTION_RERUN_PREVIOUS,
                rerunValue(query.service().name(), query.window().previous())));
        for (SourceKind kind : SourceKind.values()) {
            investigation.report(kind)
                    .filter(r -> !r.link().isBlank())
                    .ifPresent(r -> buttons.add(BlockBuilder.Button.link(messages.get("button.open." + kind.name()),
                            "open_" + kind.name().toLowerCase(Locale.ROOT), r.link())));
        }
        return buttons;
    }

    /** {"service":"checkout","from":1795150800,"to":1795152600}: built with Jackson so any name is quoted right. */
    static String rerunValue(String service, TimeWindow window) {
        ObjectNode value = JsonNodeFactory.instance.objectNode()
                .put("service", service)
                .put("from", window.from().getEpochSecond())
                .put("to", window.to().getEpochSecond());
        return value.toString();
    }

    private String parentFallback(Investigation investigation, Phrases plain) {
        List<String> lines = new ArrayList<>();
        String service = plain.markup().text(investigation.query().service().name(), Phrases.MAX_NAME);
        lines.add(messages.get("fallback.headline", plain.verdictHeader(investigation.verdict(), service),
                plain.windowLine(investigation)));
        plain.causeHeadline(investigation).ifPresent(lines::add);
        List<String> gapSources = investigation.gaps().stream().map(Gap::source).map(SourceKind::displayName).toList();
        if (!gapSources.isEmpty()) {
            lines.add(messages.get("fallback.gaps", String.join(", ", gapSources)));
        }
        return BlockKitLimits.fallbackText(String.join("\n", lines));
    }

    private SlackMessage reply(SourceView view) {
        BlockBuilder blocks = new BlockBuilder(limits).section(view.headline());
        List<Group> groups = view.groups();
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            int laterGroups = groups.size() - i - 1;
            blocks.list(group.heading(), group.items(), group.hidden(),
                    Math.max(1, Math.min(MAX_SECTIONS_PER_GROUP, blocks.room(laterGroups))));
        }
        return new SlackMessage(BlockKitLimits.fallbackText(view.summary()), blocks.build().toString());
    }
}
