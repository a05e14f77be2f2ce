package dev.investigator.bench;

import dev.investigator.sandbox.SandboxLatency;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one bench run does. The defaults are the figures the issue asks for (50 concurrent commands; Datadog
 * 400 ms, Sentry 300 ms, X-Ray 600 ms per request) and finish in well under a minute on two cores.
 *
 * @param service  the service the one-at-a-time investigations look at (a sandbox service)
 * @param commands concurrent {@code /investigate} commands whose acks are timed
 * @param bursts   how many times the commands are sent (the first burst is reported apart from the rest)
 * @param warmUp   commands run (and waited for) before anything is measured
 * @param runs     investigations run one after another for the wall-time figures
 * @param latency  how long each simulated vendor API waits before it answers one request
 * @param write    the Markdown file to add (or replace) today's dated section in; empty: print only
 * @param stormAlerts alert posts in the storm, spread over {@code stormSpread}
 */
record BenchOptions(String service, int commands, int bursts, int warmUp, int runs, SandboxLatency latency, Optional<Path> write,
        int stormAlerts, Duration stormSpread) {

    static final SandboxLatency DEFAULT_LATENCY = new SandboxLatency(
            Duration.ofMillis(400), Duration.ofMillis(300), Duration.ofMillis(600));

    static final String USAGE = """
            usage: investigator bench [service] [options]
              --service NAME     service for the one-at-a-time investigations (default checkout)
              --commands N       concurrent /investigate commands whose acks are timed (default 50)
              --bursts N         how many times they are sent, each once the one before is posted; the
                                 first burst is reported apart from the later ones (default 6)
              --warm-up N        commands run first and not measured (default 5)
              --runs N           investigations one after another, for wall time and calls (default 10)
              --datadog-ms MS    simulated Datadog latency per request (default 400)
              --sentry-ms MS     simulated Sentry latency per request (default 300)
              --xray-ms MS       simulated X-Ray latency per request (default 600)
              --storm-alerts N   alert posts in the storm, for 5 services in 5 channels (default 200)
              --storm-seconds S  how long the storm's posts are spread over (default 60)
              --write FILE       also add today's section to FILE (e.g. BENCHMARKS.md); a section of the
                                 same date is replaced, older ones are kept""";

    BenchOptions {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(write, "write");
        requireBetween("--commands", commands, 1, 1_000);
        requireBetween("--bursts", bursts, 1, 50);
        requireBetween("--warm-up", warmUp, 0, 100);
        requireBetween("--runs", runs, 1, 1_000);
        requireBetween("--storm-alerts", stormAlerts, 5, 5_000);
        Objects.requireNonNull(stormSpread, "stormSpread");
    }

    static BenchOptions defaults() {
        return new BenchOptions("checkout", 50, 6, 5, 10, DEFAULT_LATENCY, Optional.empty(), 200, Duration.ofSeconds(60));
    }

    /** Parses the words after {@code bench}; a bad option is an {@link IllegalArgumentException} naming it. */
    static BenchOptions parse(List<String> args) {
        BenchOptions o = defaults();
        String service = o.service();
        int commands = o.commands();
        int bursts = o.bursts();
        int warmUp = o.warmUp();
        int runs = o.runs();
        long datadog = o.latency().datadog().toMillis();
        long sentry = o.latency().sentry().toMillis();
        long xray = o.latency().xray().toMillis();
        Optional<Path> write = Optional.empty();
        int stormAlerts = o.stormAlerts();
        int stormSeconds = (int) o.stormSpread().toSeconds();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                service = a; // `bench checkout`, as before options existed
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
            }
            String v = args.get(++i);
            switch (a) {
                case "--service" -> service = v;
                case "--commands" -> commands = number(a, v);
                case "--bursts" -> bursts = number(a, v);
                case "--warm-up" -> warmUp = number(a, v);
                case "--runs" -> runs = number(a, v);
                case "--datadog-ms" -> datadog = latency(a, v);
                case "--sentry-ms" -> sentry = latency(a, v);
                case "--xray-ms" -> xray = latency(a, v);
                case "--write" -> write = Optional.of(Path.of(v));
                case "--storm-alerts" -> stormAlerts = number(a, v);
                case "--storm-seconds" -> {
                    stormSeconds = number(a, v);
                    requireBetween(a, stormSeconds, 0, 600);
                }
                default -> throw new IllegalArgumentException("unknown bench option " + a + "\n" + USAGE);
            }
        }
        return new BenchOptions(service, commands, bursts, warmUp, runs,
                new SandboxLatency(Duration.ofMillis(datadog), Duration.ofMillis(sentry), Duration.ofMillis(xray)), write,
                stormAlerts, Duration.ofSeconds(stormSeconds));
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, got '" + value + "'");
        }
    }

    private static long latency(String option, String value) {
        int ms = number(option, value);
        requireBetween(option, ms, 0, 10_000);
        return ms;
    }

    private static void requireBetween(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
