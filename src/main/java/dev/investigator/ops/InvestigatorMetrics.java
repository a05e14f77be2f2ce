package dev.investigator.ops;

import dev.investigator.model.Gap;
import dev.investigator.model.Investigation;
import dev.investigator.model.SourceReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The bot's own numbers, exposed for Prometheus: commands received, how fast Slack got its ack, how long
 * investigations and each source took, API calls and failures per source, Slack Web API outcomes, and how many
 * investigations are running.
 *
 * <p>Every tag value is an enum name or a word from a fixed list; anything else is counted as {@code other}, so a
 * caller passing user text by mistake cannot blow up the number of series.
 */
public final class InvestigatorMetrics {

    static final Set<String> COMMAND_KINDS = Set.of("slash", "action", "alert", "daily", "cli");
    static final Set<String> SLACK_OUTCOMES = Set.of("ok", "error", "ratelimited", "exception");
    static final String OTHER = "other";
    /** Slack Web API method names: {@code chat.postMessage}, {@code apps.connections.open}, {@code auth.test}. */
    private static final Pattern SLACK_METHOD = Pattern.compile("[a-z][a-zA-Z]{0,30}(\\.[a-zA-Z]{1,40}){1,3}");

    /** Investigations take seconds; these buckets answer "how many finished within N s" without 70 series a verdict. */
    private static final Duration[] INVESTIGATION_BUCKETS = seconds(1, 2, 5, 10, 15, 20, 30, 45, 60);
    private static final Duration[] SOURCE_BUCKETS = seconds(0.25, 0.5, 1, 2, 5, 10, 20, 30);

    private final PrometheusMeterRegistry registry;
    private final Timer ack;
    private final Timer ackHistogram;
    private final AtomicReference<Supplier<Number>> running = new AtomicReference<>();

    /** Wraps a registry the caller owns (tests pass one with a mock clock). */
    public InvestigatorMetrics(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        // Prometheus' client cannot carry quantiles inside a histogram (Micrometer drops them), so the p50/p99 a
        // human reads and the buckets histogram_quantile() aggregates are two meters fed by the same calls.
        this.ack = Timer.builder("investigator.ack")
                .description("Time from receiving a Slack request to acknowledging it (client-side p50/p99)")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.ackHistogram = Timer.builder("investigator.ack.histogram")
                .description("Time from receiving a Slack request to acknowledging it (buckets)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        // Known kinds start at zero so rate() and absent-alerts work before the first command of each kind.
        COMMAND_KINDS.forEach(kind -> commands(kind));
    }

    /** A registry of its own, with the JVM's memory, threads, CPU and uptime alongside the bot's numbers. */
    public static InvestigatorMetrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return new InvestigatorMetrics(registry);
    }

    /** For meters this class does not name (an executor's queue, say); the registry stays the one scraped. */
    public MeterRegistry registry() {
        return registry;
    }

    /** @param kind slash, action, alert, daily or cli */
    public void commandReceived(String kind) {
        commands(fixed(kind, COMMAND_KINDS)).increment();
    }

    public void acked(Duration latency) {
        Duration d = nonNegative(latency);
        ack.record(d);
        ackHistogram.record(d);
    }

    public void investigationFinished(Investigation inv) {
        Timer.builder("investigator.investigation")
                .description("Wall time of an investigation, by verdict")
                .tag("verdict", tag(inv.verdict()))
                .serviceLevelObjectives(INVESTIGATION_BUCKETS)
                .register(registry)
                .record(nonNegative(inv.elapsed()));
        for (SourceReport report : inv.reports()) {
            String source = tag(report.source());
            Timer.builder("investigator.source")
                    .description("Time one source took to report, gaps included")
                    .tag("source", source)
                    .serviceLevelObjectives(SOURCE_BUCKETS)
                    .register(registry)
                    .record(nonNegative(report.elapsed()));
            Counter.builder("investigator.source.calls")
                    .description("HTTP requests sent to a source, retries included")
                    .tag("source", source)
                    .register(registry)
                    .increment(Math.max(0, report.apiCalls()));
            for (Gap gap : report.gap().stream().toList()) {
                Counter.builder("investigator.source.failures")
                        .description("Source reports that ended in a gap, by reason")
                        .tag("source", source)
                        .tag("reason", tag(gap.reason()))
                        .register(registry)
                        .increment();
            }
        }
    }

    /**
     * @param method  the Slack Web API method, e.g. {@code chat.postMessage}
     * @param outcome ok, error, ratelimited or exception
     */
    public void slackCall(String method, String outcome) {
        String m = method != null && SLACK_METHOD.matcher(method).matches() ? method : OTHER;
        Counter.builder("investigator.slack.calls")
                .description("Slack Web API calls, by method and outcome")
                .tag("method", m)
                .tag("outcome", fixed(outcome, SLACK_OUTCOMES))
                .register(registry)
                .increment();
    }

    /**
     * Reports how many investigations are running, read at each scrape. Calling again replaces the supplier (the
     * gauge itself is registered once).
     */
    public void inFlight(Supplier<Number> runningNow) {
        Objects.requireNonNull(runningNow, "runningNow");
        if (running.getAndSet(runningNow) == null) {
            Gauge.builder("investigator.investigations.in.flight", this::readRunning)
                    .description("Investigations running now")
                    .register(registry);
        }
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    private Counter commands(String kind) {
        return Counter.builder("investigator.commands")
                .description("Requests received, by kind of trigger")
                .tag("kind", kind)
                .register(registry);
    }

    private Number readRunning() {
        try {
            Number n = running.get().get();
            return n == null ? Double.NaN : n;
        } catch (RuntimeException e) {
            // A scrape must not fail because one gauge's owner is shutting down.
            return Double.NaN;
        }
    }

    private static String fixed(String value, Set<String> allowed) {
        return value != null && allowed.contains(value) ? value : OTHER;
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Duration nonNegative(Duration d) {
        return d == null || d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration[] seconds(double... values) {
        Duration[] out = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = Duration.ofMillis(Math.round(values[i] * 1000));
        }
        return out;
    }
}
