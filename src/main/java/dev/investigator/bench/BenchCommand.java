package dev.investigator.bench;

import dev.investigator.app.Cli;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code investigator bench}: the whole app as {@code run --sandbox} wires it — the real Bolt app over Socket Mode
 * against a local fake Slack, the real Datadog, Sentry and X-Ray clients against simulated APIs that answer after a
 * configured latency — driven from the fake Slack's side. Prints one table (and with {@code --write FILE} puts it
 * in that file under today's date). It is a benchmark, not a test: it reports, it fails nothing.
 */
public final class BenchCommand {

    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public BenchCommand(Clock clock, PrintStream out, PrintStream err) {
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    /** @param args the words after {@code bench}; see {@link BenchOptions#USAGE} */
    public int run(List<String> args) throws IOException, InterruptedException {
        if (args.contains("--help") || args.contains("-h")) {
            out.println(BenchOptions.USAGE);
            return Cli.OK;
        }
        BenchOptions options = BenchOptions.parse(args);
        Machine machine = Machine.probe(); // before the run, so the load average is other work's, not ours
        long started = System.nanoTime();
        BenchTable table;
        try {
            table = measure(options, clock, err);
        } catch (IllegalStateException e) {
            err.println("bench: " + e.getMessage());
            return Cli.FAILED;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String section = section(machine, options, args, clock.instant(), took, table);
        out.println(section);
        if (options.write().isPresent()) {
            BenchmarksFile.update(options.write().get(), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), section);
            err.println("bench: results written to " + options.write().get());
        }
        return Cli.OK;
    }

    /** The scenarios a run goes through, in order; each adds its group of rows to the table. */
    static List<BenchScenario> scenarios(BenchOptions options) {
        return List.of(
                new StartUp(),
                new WarmUp(options.warmUp()),
                new MemoryReading("after warm-up"),
                new AckBurst(options.commands(), options.bursts()),
                new InvestigationRuns(options.service(), options.runs()),
                new DailyDigestRun(),
                new AlertStorm(options.stormAlerts(), options.stormSpread()),
                new MemoryReading("at the end"));
    }

    /** Starts the pipeline, runs every scenario on it and returns the table; progress goes to {@code progress}. */
    static BenchTable measure(BenchOptions options, Clock clock, PrintStream progress) throws IOException, InterruptedException {
        progress.println("bench: starting the simulated vendor APIs, the fake Slack and the app");
        try (BenchPipeline pipeline = BenchPipeline.start(clock, options.latency())) {
            if (pipeline.config().catalog().find(options.service()).isEmpty()) {
                throw new IllegalArgumentException("unknown sandbox service '" + options.service() + "'; the sandbox has "
                        + String.join(", ", pipeline.services()));
            }
            List<BenchTable.Section> sections = new ArrayList<>();
            for (BenchScenario scenario : scenarios(options)) {
                progress.println("bench: " + scenario.group());
                sections.add(new BenchTable.Section(scenario.group(), scenario.run(pipeline)));
            }
            return new BenchTable(sections);
        }
    }

    static String section(Machine machine, BenchOptions options, List<String> args, Instant at, Duration took, BenchTable table) {
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(at.atOffset(ZoneOffset.UTC));
        String command = ("investigator bench " + String.join(" ", withoutWrite(args))).strip();
        return "## " + date.substring(0, 10) + " — `" + command + "`\n\n"
                + "Machine: " + machine.cpu() + ", " + machine.cores() + " cores, " + machine.memory() + ". JDK: "
                + machine.jdk() + ". Load average when the run started: " + machine.load() + ".\n"
                + String.format(Locale.ROOT, "Run at %s, %d s in all. Simulated latency per request: Datadog %d ms, "
                                + "Sentry %d ms, X-Ray %d ms. %d warm-up commands, %d concurrent commands %d times, %d runs of %s.\n\n",
                        date, took.toSeconds(), options.latency().datadog().toMillis(), options.latency().sentry().toMillis(),
                        options.latency().xray().toMillis(), options.warmUp(), options.commands(), options.bursts(), options.runs(), options.service())
                + table.markdown();
    }

    /** The options that shape the figures; where they were written to is not one of them. */
    private static List<String> withoutWrite(List<String> args) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--write")) {
                i++;
            } else {
                kept.add(args.get(i));
            }
        }
        return kept;
    }
}
