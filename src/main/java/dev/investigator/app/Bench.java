package dev.investigator.app;

import dev.investigator.config.AppConfig;
import dev.investigator.config.Secrets;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.sandbox.Sandbox;
import dev.investigator.sandbox.SandboxLatency;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code investigator bench}: the real pipeline against the sandbox with each vendor API answering after a
 * configured latency, reporting the investigation's wall time against the slowest source's latency (1.0 is
 * the floor; running the sources one after another would give about the sum) and API calls per source.
 * It reports; it fails nothing.
 */
final class Bench {

    private static final SandboxLatency LATENCY = new SandboxLatency(
            Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofMillis(600));
    private static final int WARM_UP = 3;
    private static final int RUNS = 10;

    private final Clock clock;
    private final PrintStream out;

    Bench(Clock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
    }

    int run(String service) throws IOException, InterruptedException {
        try (Sandbox sandbox = Sandbox.start(clock, LATENCY)) {
            AppConfig config = SandboxWiring.config(sandbox, Map.of());
            try (Application app = Application.create(config, SandboxWiring.secrets(Secrets.fromEnvironment(Map.of())), clock,
                    Optional.of(SandboxWiring.AWS_KEYS))) {
                var definition = config.catalog().find(service)
                        .orElseThrow(() -> new IllegalArgumentException("unknown sandbox service " + service));
                for (int i = 0; i < WARM_UP; i++) {
                    investigate(app, definition, i);
                }
                long[] wallMillis = new long[RUNS];
                Map<SourceKind, List<Integer>> calls = new EnumMap<>(SourceKind.class);
                Map<SourceKind, List<Long>> sourceMillis = new EnumMap<>(SourceKind.class);
                for (int i = 0; i < RUNS; i++) {
                    long started = System.nanoTime();
                    Investigation inv = investigate(app, definition, WARM_UP + i);
                    wallMillis[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    for (SourceReport r : inv.reports()) {
                        calls.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r.apiCalls());
                        sourceMillis.computeIfAbsent(r.source(), k -> new ArrayList<>()).add(r.elapsed().toMillis());
                    }
                }
                print(service, wallMillis, calls, sourceMillis);
            }
        }
        return Cli.OK;
    }

    private Investigation investigate(Application app, dev.investigator.model.ServiceDefinition service, int n)
            throws InterruptedException {
        // A different window each run, so no run joins another's coalesced result.
        TimeWindow window = TimeWindow.ending(clock.instant().minus(Duration.ofMinutes(n)), Duration.ofMinutes(30));
        try {
            return app.investigator().investigate(new InvestigationQuery("bench-" + n, service, window, Origin.COMMAND_LINE))
                    .get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("investigation failed: " + e, e);
        }
    }

    private void print(String service, long[] wall, Map<SourceKind, List<Integer>> calls, Map<SourceKind, List<Long>> sourceMillis) {
        long slowest = Math.max(LATENCY.datadog().toMillis(), Math.max(LATENCY.sentry().toMillis(), LATENCY.xray().toMillis()));
        long sum = LATENCY.datadog().toMillis() + LATENCY.sentry().toMillis() + LATENCY.xray().toMillis();
        long[] sorted = wall.clone();
        Arrays.sort(sorted);
        long p50 = sorted[sorted.length / 2];
        out.printf(Locale.ROOT, "investigation of %s, %d runs after %d warm-up, per-request latency Datadog %d ms, Sentry %d ms, X-Ray %d ms%n",
                service, RUNS, WARM_UP, LATENCY.datadog().toMillis(), LATENCY.sentry().toMillis(), LATENCY.xray().toMillis());
        out.printf(Locale.ROOT, "| figure | value |%n|---|---|%n");
        out.printf(Locale.ROOT, "| wall time p50 / max | %d ms / %d ms |%n", p50, sorted[sorted.length - 1]);
        out.printf(Locale.ROOT, "| wall time ÷ slowest request latency (%d ms) | %.2f (sum of the three: %.2f) |%n",
                slowest, (double) p50 / slowest, (double) sum / slowest);
        for (SourceKind kind : SourceKind.values()) {
            List<Integer> c = calls.getOrDefault(kind, List.of());
            List<Long> ms = sourceMillis.getOrDefault(kind, List.of());
            out.printf(Locale.ROOT, "| %s: API calls per investigation, source time p50 | %.1f, %d ms |%n", kind.displayName(),
                    c.stream().mapToInt(Integer::intValue).average().orElse(0),
                    ms.stream().sorted().skip(ms.size() / 2).findFirst().orElse(0L));
        }
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "| heap used after runs | %d MiB |%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }
}
