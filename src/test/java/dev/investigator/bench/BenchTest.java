package dev.investigator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.SourceKind;
import dev.investigator.sandbox.SandboxLatency;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole bench, tiny: every scenario runs against the real pipeline (Bolt app, fake Slack, real vendor clients
 * against the sandbox) and the table has every row with sane values. The system clock on purpose: the bench
 * measures elapsed time, which a fixed clock would make zero.
 */
class BenchTest {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    @Test
    void aTinyRunFillsEveryRowOfTheTableWithSaneFigures() throws Exception {
        BenchOptions options = new BenchOptions("checkout", 5, 2, 1, 2,
                new SandboxLatency(Duration.ZERO, Duration.ZERO, Duration.ofMillis(20)), Optional.empty(), 10, Duration.ofSeconds(1));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        BenchTable table = BenchCommand.measure(options, Clock.systemUTC(), new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(table.sections()).extracting(BenchTable.Section::group)
                .containsExactlyElementsOf(BenchCommand.scenarios(options).stream().map(BenchScenario::group).toList());
        assertThat(table.sections()).allSatisfy(s -> assertThat(s.rows()).isNotEmpty());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("bench: acks (5 concurrent /investigate, 2 bursts)");

        assertThat(first(value(table, StartUp.GROUP, StartUp.CONNECTED))).isPositive();
        assertThat(value(table, WarmUp.GROUP, WarmUp.FIGURE)).startsWith("1 at once; 1 of 1 threads posted");

        String acks = "acks (5 concurrent /investigate, 2 bursts)";
        for (String burst : List.of(AckBurst.LATENCY, AckBurst.LATENCY_LATER)) {
            List<Double> ack = numbers(value(table, acks, burst));
            assertThat(ack.subList(0, 3)).as(burst + ": p50, p99, max").isSorted()
                    .allSatisfy(ms -> assertThat(ms).isPositive().isLessThan(3_000.0));
        }
        assertThat(value(table, acks, AckBurst.LATENCY_LATER)).contains("over 5 commands");
        assertThat(value(table, acks, AckBurst.ACKED)).startsWith("10 of 10 / 10");
        assertThat(numbers(value(table, acks, AckBurst.PER_BURST))).as("one p99 per burst").hasSize(2);
        assertThat(numbers(value(table, acks, AckBurst.BEFORE_HANDLER))).as("first burst p50, p99; later p50, p99").hasSizeGreaterThanOrEqualTo(4);
        assertThat(value(table, acks, AckBurst.POSTED)).startsWith("10 of 10;");

        String runs = "investigations (checkout 30m, 2 one at a time)";
        assertThat(first(value(table, runs, InvestigationRuns.WALL))).isGreaterThanOrEqualTo(20.0);
        assertThat(first(value(table, runs, InvestigationRuns.RATIO))).as("wall ÷ X-Ray's 20 ms").isGreaterThanOrEqualTo(1.0);
        assertThat(first(value(table, runs, InvestigationRuns.OVERLAP))).isGreaterThanOrEqualTo(1.0);
        for (SourceKind kind : SourceKind.values()) {
            assertThat(first(value(table, runs, InvestigationRuns.callsFigure(kind)))).as(kind + " calls").isPositive();
            assertThat(value(table, runs, InvestigationRuns.timeFigure(kind))).as(kind + " time").matches("\\d.*");
        }
        assertThat(value(table, runs, InvestigationRuns.SLACK_CALLS))
                .isEqualTo("5.0: chat.postMessage 1.0 parent + 3.0 replies, chat.update 1.0");
        assertThat(value(table, runs, InvestigationRuns.GAPS)).isEqualTo("none");

        String daily = "daily digest (every sandbox service, last 24 h)";
        assertThat(value(table, daily, "wall time")).contains("for 5 services, 3 flagged");
        assertThat(first(value(table, daily, "API calls per service"))).isPositive().isLessThan(3.0);

        String storm = "alert storm (10 alert posts, 5 services, 1 s)";
        assertThat(value(table, storm, "investigations run")).startsWith("5 (one per service: 5)");
        assertThat(value(table, storm, "alert threads answered")).isEqualTo("10 of 10");
        assertThat(first(value(table, storm, "Slack Web API calls"))).as("5 threads of 4 posts and 5 updates, 5 follow-ups\n" + table.markdown())
                .isEqualTo(30.0);
        for (String when : List.of("memory after warm-up", "memory at the end")) {
            assertThat(value(table, when, MemoryReading.HEAP)).matches("[1-9]\\d* MiB \\(heap committed [1-9]\\d* MiB.*\\)");
            assertThat(value(table, when, MemoryReading.RSS)).matches("[1-9]\\d* MiB|n/a \\(no /proc\\)");
        }
        assertThat(table.markdown()).startsWith("| scenario | figure | value |\n|---|---|---|\n")
                .contains("| start | " + StartUp.CONNECTED + " | ");
    }

    private static String value(BenchTable table, String group, String figure) {
        return table.row(group, figure).orElseThrow(() -> new AssertionError("no row '" + figure + "' in " + group
                + "; the table is\n" + table.markdown())).value();
    }

    private static double first(String value) {
        return numbers(value).get(0);
    }

    private static List<Double> numbers(String value) {
        List<Double> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(value);
        while (m.find()) {
            found.add(Double.parseDouble(m.group()));
        }
        assertThat(found).as("numbers in '" + value + "'").isNotEmpty();
        return found;
    }
}
