package dev.investigator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.investigation.Investigator;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.SourceReport;
import dev.investigator.render.BlockKitRenderer;
import dev.investigator.render.Language;
import dev.investigator.render.Messages;
import dev.investigator.render.SlackMessage;
import dev.investigator.render.SlackThread;
import dev.investigator.render.TerminalRenderer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One level up from the matrix: the real {@link Investigator} over the three real sources, with one vendor
 * broken in each way and the other two healthy. The investigation still completes, its report names the broken
 * source's gap (in the neutral model and in both renderings), and the healthy sources' evidence is all there.
 */
class OneSourceBrokenTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final Duration BUDGET = Duration.ofSeconds(10);
    private static final Duration SLOW_BUDGET = Duration.ofMillis(600);
    private static final Duration GRACE = FaultMatrixTest.GRACE;
    private static final Messages EN = Messages.load(Language.EN);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static ThreeFakes vendors;

    @BeforeAll
    static void startFakes() {
        vendors = new ThreeFakes(CLOCK, FaultMatrixTest.RETRIES);
    }

    @AfterAll
    static void stopFakes() {
        vendors.close();
    }

    @ParameterizedTest(name = "{0} × {1}, the others healthy")
    @MethodSource("dev.investigator.faults.FaultMatrixTest#cells")
    void theReportNamesTheGapAndKeepsTheOtherSourcesEvidence(Vendor broken, Fault fault) throws Exception {
        vendors.failOnly(broken, fault);
        Duration budget = fault == Fault.SLOW ? SLOW_BUDGET : BUDGET;
        Investigator investigator = vendors.investigator(budget, budget.plus(GRACE));
        // Every vendor answers the same 30-minute window; the huge cells are huge within it.
        InvestigationQuery query = vendors.get(Vendor.DATADOG).query(Fault.NONE);

        Investigation investigation = investigator.investigate(query).get(budget.plus(GRACE).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);

        assertThat(investigation.elapsed()).isLessThan(budget.plus(GRACE));
        assertThat(investigation.reports()).extracting(SourceReport::source)
                .containsExactlyInAnyOrderElementsOf(vendors.all().values().stream().map(VendorFake::kind).toList());
        VendorFake brokenFake = vendors.get(broken);
        Outcome expected = Outcome.of(fault, brokenFake, FaultMatrixTest.MAX_RETRIES);
        SourceReport brokenReport = investigation.report(brokenFake.kind()).orElseThrow();

        if (expected.reason().isPresent()) {
            assertThat(investigation.gaps()).as("the one gap").hasSize(1);
            Gap gap = brokenReport.gap().orElseThrow(() -> new AssertionError("expected a gap, got " + brokenReport.evidence()));
            assertThat(gap.reason()).as("reason (detail: %s)", gap.detail()).isEqualTo(expected.reason().get());
            assertThat(gap.httpStatus()).isEqualTo(expected.status());
            assertRenderingsName(investigation, gap);
        } else {
            assertThat(investigation.gaps()).as("no gap").isEmpty();
            switch (expected.found().orElseThrow()) {
                case HEALTHY -> brokenFake.assertHealthy(brokenReport.evidence().orElseThrow());
                case EMPTY -> brokenFake.assertEmpty(brokenReport.evidence().orElseThrow());
                case HUGE -> brokenFake.assertHugeIsCapped(brokenReport.evidence().orElseThrow());
            }
        }
        vendors.all().forEach((vendor, fake) -> {
            if (vendor != broken) {
                SourceReport report = investigation.report(fake.kind()).orElseThrow();
                assertThat(report.gap()).as("%s is healthy", vendor).isEmpty();
                fake.assertHealthy(report.evidence().orElseThrow());
            }
        });
    }

    /** The terminal text and the Slack thread both say which source is missing and why, in the user's words. */
    private static void assertRenderingsName(Investigation investigation, Gap gap) {
        String source = gap.source().displayName();
        String why = reasonPhrase(gap);
        String terminal = new TerminalRenderer(EN, TOKYO, false).render(investigation);
        assertThat(terminal).contains(source).contains(why);

        SlackThread thread = new BlockKitRenderer(EN, TOKYO).render(investigation);
        List<SlackMessage> messages = new ArrayList<>(thread.replies());
        messages.add(0, thread.parent());
        String slack = messages.stream().map(m -> m.text() + "\n" + m.blocksJson()).collect(Collectors.joining("\n"));
        assertThat(slack).contains(source).contains(why);
    }

    /** The renderers' wording of the reason, status included; a timeout's duration is left out. */
    private static String reasonPhrase(Gap gap) {
        if (gap.reason() == GapReason.TIMEOUT) {
            return "no answer";
        }
        String status = gap.httpStatus().isPresent() ? EN.get("gap.status", Integer.toString(gap.httpStatus().getAsInt())) : "";
        String specific = "gap.reason." + gap.source().name() + "." + gap.reason().name();
        return EN.get(EN.has(specific) ? specific : "gap.reason." + gap.reason().name(), status);
    }
}
