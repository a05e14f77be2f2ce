package dev.investigator.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of the bench that need no pipeline: options, the machine line, and how BENCHMARKS.md is updated. */
class BenchReportTest {

    @Test
    void optionsDefaultToTheIssuesFiguresAndRefuseNonsense() {
        BenchOptions defaults = BenchOptions.parse(List.of());
        assertThat(defaults).isEqualTo(BenchOptions.defaults());
        assertThat(defaults.commands()).isEqualTo(50);
        assertThat(defaults.latency().xray()).isEqualTo(Duration.ofMillis(600));

        assertThat(defaults.bursts()).isEqualTo(6);

        BenchOptions custom = BenchOptions.parse(List.of("search", "--commands", "7", "--bursts", "2", "--xray-ms", "0", "--write", "B.md"));
        assertThat(custom.service()).isEqualTo("search");
        assertThat(custom.commands()).isEqualTo(7);
        assertThat(custom.bursts()).isEqualTo(2);
        assertThat(custom.latency().xray()).isZero();
        assertThat(custom.latency().datadog()).isEqualTo(Duration.ofMillis(400));
        assertThat(custom.write()).contains(Path.of("B.md"));

        assertThatThrownBy(() -> BenchOptions.parse(List.of("--commands", "0"))).hasMessageContaining("--commands must be between 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--bursts", "0"))).hasMessageContaining("--bursts must be between 1");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--runs", "ten"))).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast", "1"))).hasMessageContaining("unknown bench option --fast");
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--write"))).hasMessageContaining("--write needs a value");
    }

    @Test
    void theMachineComesFromProcWhenThereIsOne() {
        Machine linux = Machine.describe(List.of("processor\t: 0", "model name\t: AMD EPYC 7B13"),
                List.of("MemTotal:       24683924 kB", "MemFree:  1 kB"), List.of("0.42 0.30 0.20 1/300 4242"), 2,
                Map.of("java.vendor", "Eclipse Adoptium", "java.version", "17.0.15", "java.vm.name", "OpenJDK 64-Bit Server VM"));
        assertThat(linux).isEqualTo(new Machine("AMD EPYC 7B13", 2, "23.5 GiB", "Eclipse Adoptium 17.0.15, OpenJDK 64-Bit Server VM", "0.42"));

        Machine elsewhere = Machine.describe(List.of(), List.of(), List.of(), 8, Map.of("java.vendor", "v", "java.version", "21",
                "java.vm.name", "vm", "jvm.options", "-XX:TieredStopAtLevel=1"));
        assertThat(elsewhere.jdk()).as("JIT options change the figures, so they are shown").isEqualTo("v 21, vm, -XX:TieredStopAtLevel=1");
        assertThat(elsewhere.cpu()).isEqualTo("unknown CPU");
        assertThat(elsewhere.memory()).isEqualTo("unknown memory");
        assertThat(elsewhere.load()).isEqualTo("unknown");
    }

    @Test
    void theSectionSaysWhenWhereAndHowItWasMeasuredButNotWhereItWasWritten() {
        Machine machine = new Machine("AMD EPYC", 2, "23.5 GiB", "Debian 17.0.15, OpenJDK 64-Bit Server VM", "0.10");
        BenchTable table = new BenchTable(List.of(new BenchTable.Section("start", List.of(new BenchTable.Row("a | b", "1 ms")))));
        List<String> args = List.of("--runs", "3", "--write", "BENCHMARKS.md");

        String section = BenchCommand.section(machine, BenchOptions.parse(args), args,
                java.time.Instant.parse("2026-11-22T08:23:00Z"), Duration.ofSeconds(35), table);

        assertThat(section).startsWith("## 2026-11-22 — `investigator bench --runs 3`\n")
                .contains("Machine: AMD EPYC, 2 cores, 23.5 GiB. JDK: Debian 17.0.15, OpenJDK 64-Bit Server VM. "
                        + "Load average when the run started: 0.10.")
                .contains("Run at 2026-11-22 08:23 UTC, 35 s in all. Simulated latency per request: Datadog 400 ms, "
                        + "Sentry 300 ms, X-Ray 600 ms. 5 warm-up commands, 50 concurrent commands 6 times, 3 runs of checkout.")
                .contains("| start | a \\| b | 1 ms |")
                .doesNotContain("BENCHMARKS.md");
    }

    @Test
    void aRunReplacesItsOwnDatesSectionPutsANewDateFirstAndKeepsTheRest() {
        String file = "# Benchmarks\n\nHow to read the figures (hand-written).\n";
        LocalDate first = LocalDate.parse("2026-11-21");
        LocalDate second = LocalDate.parse("2026-11-22");

        String once = BenchmarksFile.updated(file, first, "## 2026-11-21\n\nold table\n");
        String twice = BenchmarksFile.updated(once, second, "## 2026-11-22\n\nnew table\n");
        String again = BenchmarksFile.updated(twice, second, "## 2026-11-22\n\nnewer table\n");

        assertThat(again).startsWith(file)
                .contains("<!-- bench:2026-11-22 -->\n## 2026-11-22\n\nnewer table\n<!-- /bench:2026-11-22 -->")
                .doesNotContain("new table\n")
                .contains("old table");
        assertThat(again.indexOf("2026-11-22")).as("newest first").isLessThan(again.indexOf("2026-11-21"));
        assertThat(BenchmarksFile.updated(again, second, "## 2026-11-22\n\nnewer table\n")).isEqualTo(again);
    }
}
