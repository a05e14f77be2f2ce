package dev.investigator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.digest.DailyDigest;
import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestReport;
import dev.investigator.digest.ServiceDigest;
import dev.investigator.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The daily check in Slack: the morning prompt (header with the day and period, today's owner, problems first,
 * sources that could not be checked, the healthy services on one line, buttons), the same prompt after
 * "Checked" or "Hand off", and the thread replies (hand-off notice, reminder, escalation).
 *
 * <p>Problems get one section each, up to {@value #MAX_DETAILED}; beyond that (or when blocks run short) the rest
 * collapse to one line each in a few sections, and only past that into "…and N more": a flagged service is never
 * dropped without being counted. Every text passes through {@link BlockKitLimits}.
 *
 * <p>The owner section and the actions block carry block ids ({@value #OWNER_BLOCK}, {@value #ACTIONS_BLOCK}) so
 * {@link #restate} can update a posted prompt without the digest it was built from (after a restart, say).
 * Holds no per-call state: one instance may render from many threads.
 */
public final class DailyPromptRenderer {

    static final int MAX_DETAILED = 12;
    static final int MAX_COMPACT_SECTIONS = 3;
    static final int MAX_INVESTIGATE_BUTTONS = 5;
    public static final String OWNER_BLOCK = "daily_owner";
    public static final String ACTIONS_BLOCK = "daily_actions";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ICON_ISSUE = "🆕";
    private static final String ICON_ENDPOINT = "🐢";
    private static final String ICON_MONITOR = "🔔";
    private static final String ICON_UNCHECKED = "➖";
    private static final String ICON_HEALTHY = "✅";

    private final Messages messages;
    private final ZoneId zone;
    private final BlockKitLimits limits;

    public DailyPromptRenderer(Messages messages, ZoneId zone) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.limits = new BlockKitLimits(messages);
    }

    /** The morning prompt for {@code digest}, in the state {@code view} describes. */
    public SlackMessage prompt(DailyDigest digest, DailyPromptView view) {
        DigestPhrases slack = new DigestPhrases(messages, new MrkdwnMarkup(), zone, digest.period());
        Markup md = slack.markup();
        DigestGroups sorted = DigestGroups.of(digest);
        BlockBuilder blocks = new BlockBuilder(limits);

        blocks.header(messages.get("digest.header", DigestPhrases.day(messages, view.day())));
        blocks.context(List.of(slack.periodLine(digest.services().size())));
        int ownerIndex = blocks.size();
        blocks.section(ownerText(view));

        List<String> gaps = new ArrayList<>();
        for (DigestReport report : digest.reports()) {
            report.gap().ifPresent(gap -> gaps.add(messages.get("gap.icon") + " " + slack.gapLine(gap, report.elapsed())));
        }
        boolean truncated = digest.reports().stream()
                .anyMatch(r -> r.evidence(DigestEvidence.NewIssues.class).map(DigestEvidence.NewIssues::truncated).orElse(false));
        // Blocks that must still fit after the problems: gaps, unchecked, healthy, truncation note, buttons, footer.
        int reserved = (gaps.isEmpty() ? 0 : 1) + (sorted.unchecked().isEmpty() ? 0 : 1) + 1 + (truncated ? 1 : 0) + 1 + 1;

        if (!sorted.problems().isEmpty()) {
            blocks.divider();
            blocks.section(md.bold(messages.get("digest.problems.title", messages.count(sorted.problems().size()))));
            problems(sorted.problems(), slack, blocks, reserved);
        }
        if (!gaps.isEmpty()) {
            blocks.section(md.bold(messages.get("digest.gaps.title")) + "\n" + String.join("\n", gaps));
        }
        if (!sorted.unchecked().isEmpty()) {
            blocks.section(String.join("\n", sorted.uncheckedLines(slack, ICON_UNCHECKED + " ")));
        }
        healthyLine(digest, sorted, slack).ifPresent(blocks::section);
        if (truncated) {
            blocks.context(List.of(messages.get("digest.issuesTruncated")));
        }
        int actionsIndex = blocks.size();
        blocks.actions(buttons(digest, sorted, view));
        boolean hasActions = blocks.size() > actionsIndex;
        blocks.context(List.of(messages.get("digest.footer", messages.elapsed(elapsed(digest)),
                md.text(digest.id(), Phrases.MAX_NAME))));

        ArrayNode array = blocks.build();
        tag(array, ownerIndex, "section", OWNER_BLOCK);
        if (hasActions) {
            tag(array, actionsIndex, "actions", ACTIONS_BLOCK);
        }
        return new SlackMessage(fallback(digest, sorted, view), array.toString());
    }

    /**
     * A posted prompt brought to a later state: the owner section rewritten (hand-off, checked), and once checked
     * the Checked and Hand off buttons gone (the Investigate buttons stay). Needs only the posted message, so it
     * works after a restart; the digest part is left exactly as it was posted.
     *
     * @throws IllegalArgumentException when {@code posted} is not a prompt this renderer made
     */
    public SlackMessage restate(SlackMessage posted, DailyPromptView view) {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(posted.blocksJson());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Block Kit array", e);
        }
        if (parsed == null || !parsed.isArray()) {
            throw new IllegalArgumentException("not a Block Kit array");
        }
        ArrayNode blocks = (ArrayNode) parsed;
        boolean found = false;
        for (int i = blocks.size() - 1; i >= 0; i--) {
            JsonNode block = blocks.get(i);
            String id = block.path("block_id").asText("");
            if (id.equals(OWNER_BLOCK) && block.path("text").isObject()) {
                ((ObjectNode) block.path("text")).put("text", BlockKitLimits.sectionText(ownerText(view)));
                found = true;
            } else if (id.equals(ACTIONS_BLOCK) && view.isChecked() && block.path("elements") instanceof ArrayNode elements) {
                for (int e = elements.size() - 1; e >= 0; e--) {
                    String actionId = elements.get(e).path("action_id").asText("");
                    if (actionId.equals(DailyActions.CHECKED) || actionId.equals(DailyActions.HAND_OFF)) {
                        elements.remove(e);
                    }
                }
                if (elements.isEmpty()) {
                    blocks.remove(i);
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException("not a daily prompt: no " + OWNER_BLOCK + " block");
        }
        String[] lines = posted.text().split("\n", 2);
        String text = fallbackHead(view) + (lines.length > 1 ? "\n" + lines[1] : "");
        return new SlackMessage(BlockKitLimits.fallbackText(text), blocks.toString());
    }

    /** The placeholder for {@code /investigate daily} while the sources answer: "⏳ Checking 12 services…". */
    public SlackMessage collecting(int services) {
        return single(messages.get("digest.collecting", services, messages.count(services)));
    }

    /** Thread reply after a hand-off, so the new owner is notified (an edited message notifies no one). */
    public SlackMessage handOffNotice(DailyPromptView view) {
        DailyPromptView.HandOff handOff = view.handOff()
                .orElseThrow(() -> new IllegalArgumentException("the check of " + view.day() + " was not handed off"));
        return single(messages.get("digest.handOffNotice", Mentions.of(handOff.toUserId()), Mentions.of(handOff.fromUserId())));
    }

    /** Thread reply: "⏰ @owner reminder: today's check is still open." */
    public SlackMessage reminder(DailyPromptView view) {
        return single(messages.get("digest.reminder", Mentions.of(view.ownerUserId())));
    }

    /** Thread reply to the backup (a user or a user group): "🙏 @backup today's check has not been done yet…". */
    public SlackMessage escalation(String backupId) {
        return single(messages.get("digest.escalation", Mentions.of(backupId)));
    }

    // ---- the parts ----

    private void problems(List<ServiceDigest> problems, DigestPhrases slack, BlockBuilder blocks, int reserved) {
        int room = blocks.room(reserved);
        int detailed = problems.size() <= Math.min(MAX_DETAILED, room)
                ? problems.size()
                : Math.max(0, Math.min(MAX_DETAILED, room - MAX_COMPACT_SECTIONS));
        for (ServiceDigest service : problems.subList(0, detailed)) {
            blocks.section(detailed(service, slack));
        }
        if (detailed < problems.size()) {
            List<String> compact = new ArrayList<>();
            for (ServiceDigest service : problems.subList(detailed, problems.size())) {
                compact.add(severityIcon(service) + slack.line(service));
            }
            String heading = detailed == 0 ? "" : slack.markup().bold(messages.get("digest.problems.more"));
            blocks.list(heading, compact, 0, Math.max(1, Math.min(MAX_COMPACT_SECTIONS, blocks.room(reserved))));
        }
    }

    private String detailed(ServiceDigest service, DigestPhrases slack) {
        List<String> lines = new ArrayList<>();
        lines.add(severityIcon(service) + slack.line(service));
        slack.issues(service, DigestPhrases.MAX_ISSUES).forEach(l -> lines.add(ICON_ISSUE + " " + l));
        if (service.newIssues().size() > DigestPhrases.MAX_ISSUES) {
            lines.add(ICON_ISSUE + " " + messages.more(service.newIssues().size() - DigestPhrases.MAX_ISSUES));
        }
        slack.endpoints(service, DigestPhrases.MAX_ENDPOINTS).forEach(l -> lines.add(ICON_ENDPOINT + " " + l));
        slack.monitors(service, DigestPhrases.MAX_MONITORS).forEach(l -> lines.add(ICON_MONITOR + " " + l));
        if (service.monitors().size() > DigestPhrases.MAX_MONITORS) {
            lines.add(ICON_MONITOR + " " + messages.more(service.monitors().size() - DigestPhrases.MAX_MONITORS));
        }
        return String.join("\n", lines);
    }

    private String severityIcon(ServiceDigest service) {
        String key = "severity.emoji." + service.severity().name();
        return service.severity() == Severity.OK || !messages.has(key) ? "" : messages.get(key) + " ";
    }

    private Optional<String> healthyLine(DailyDigest digest, DigestGroups sorted, DigestPhrases slack) {
        List<String> healthy = digest.healthy().stream().map(ServiceDigest::service).toList();
        if (sorted.problems().isEmpty() && sorted.unchecked().isEmpty()) {
            int n = digest.services().size();
            return Optional.of(ICON_HEALTHY + " " + messages.get("digest.healthy.all", n, messages.count(n)));
        }
        if (healthy.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ICON_HEALTHY + " "
                + messages.get("digest.healthy.others", slack.names(healthy, BlockKitLimits.MAX_TEXT - 200)));
    }

    private List<BlockBuilder.Button> buttons(DailyDigest digest, DigestGroups sorted, DailyPromptView view) {
        List<BlockBuilder.Button> buttons = new ArrayList<>();
        if (!view.isChecked() && !view.onDemand()) {
            String day = DailyActions.dayValue(view.day());
            buttons.add(BlockBuilder.Button.action(messages.get("digest.button.checked"), DailyActions.CHECKED, day));
            buttons.add(BlockBuilder.Button.action(messages.get("digest.button.handoff"), DailyActions.HAND_OFF, day));
        }
        int n = 0;
        for (ServiceDigest service : sorted.problems()) {
            if (n == MAX_INVESTIGATE_BUTTONS) {
                break;
            }
            n++;
            // Button text is plain_text: Slack shows it literally, so the name needs no escaping.
            buttons.add(BlockBuilder.Button.action(
                    messages.get("digest.button.investigate", BlockKitLimits.oneLine(service.service(), Phrases.MAX_NAME)),
                    DailyActions.investigateActionId(n),
                    DailyActions.investigateValue(service.service(), digest.period(), view.day())));
        }
        return buttons;
    }

    /** "👤 @owner is on duty today.", then the hand-off and the check, if any. */
    private String ownerText(DailyPromptView view) {
        if (view.onDemand()) {
            return messages.get("digest.requestedBy", Mentions.of(view.ownerUserId()));
        }
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("digest.owner", Mentions.of(view.ownerUserId())));
        view.handOff().ifPresent(h -> lines.add(messages.get("digest.handedOff", Mentions.of(h.fromUserId()),
                Mentions.of(h.toUserId()), at(h.at(), view))));
        view.checked().ifPresent(c -> lines.add(messages.get("digest.checked", Mentions.of(c.userId()), at(c.at(), view))));
        return String.join("\n", lines);
    }

    /** "10:12" on the check's own day, "11/21 09:03" on another. */
    private String at(Instant at, DailyPromptView view) {
        return at.atZone(zone).toLocalDate().equals(view.day()) ? messages.clock(at, zone) : messages.dateClock(at, zone);
    }

    // ---- the notification text: one line for the state (rewritten by restate), one for the digest ----

    private String fallback(DailyDigest digest, DigestGroups sorted, DailyPromptView view) {
        DigestPhrases plain = new DigestPhrases(messages, new FallbackMarkup(), zone, digest.period());
        String summary;
        if (!sorted.problems().isEmpty()) {
            int n = sorted.problems().size();
            summary = messages.get("digest.fallback.problems", n, messages.count(n),
                    plain.names(sorted.problems().stream().map(ServiceDigest::service).toList(), 1_000));
        } else if (sorted.unchecked().isEmpty()) {
            int n = digest.services().size();
            summary = messages.get("digest.healthy.all", n, messages.count(n));
        } else {
            summary = messages.get("digest.fallback.unchecked",
                    plain.names(sorted.unchecked().stream().map(ServiceDigest::service).toList(), 1_000));
        }
        return BlockKitLimits.fallbackText(fallbackHead(view) + "\n" + summary);
    }

    private String fallbackHead(DailyPromptView view) {
        if (view.onDemand()) {
            return messages.get("digest.fallback.onDemand", DigestPhrases.day(messages, view.day()));
        }
        String head = messages.get("digest.fallback.head", DigestPhrases.day(messages, view.day()), Mentions.of(view.ownerUserId()));
        if (view.checked().isPresent()) {
            head = messages.get("digest.fallback.checked", head, Mentions.of(view.checked().get().userId()));
        }
        return head;
    }

    private SlackMessage single(String mrkdwn) {
        String blocks = new BlockBuilder(limits).section(mrkdwn).build().toString();
        return new SlackMessage(BlockKitLimits.fallbackText(mrkdwn), blocks);
    }

    private static Duration elapsed(DailyDigest digest) {
        return digest.reports().stream().map(DigestReport::elapsed).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    private static void tag(ArrayNode array, int index, String type, String blockId) {
        if (index < array.size() && array.get(index).path("type").asText().equals(type)) {
            ((ObjectNode) array.get(index)).put("block_id", blockId);
        }
    }
}
