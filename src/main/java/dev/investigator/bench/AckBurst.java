package dev.investigator.bench;

import dev.investigator.sandbox.slack.Ack;
import dev.investigator.sandbox.slack.FakeSlack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code commands} different {@code /investigate} commands sent back to back over Socket Mode, as Slack would
 * deliver a busy minute, {@code bursts} times: how long each took to be acknowledged (the fake Slack times it from
 * writing the envelope to reading the ack, the way Slack's 3-second limit is measured), and how long until every
 * thread was posted. Each burst starts once the one before is fully posted.
 *
 * <p>The first burst meets a JVM whose Socket Mode, Bolt and handler code has run only a few times (the warm-up),
 * so much of it is still interpreted, or compiled by the JIT's first tier, while it runs; the later bursts meet it
 * compiled, as a bot that has been up for a while is. The two are reported apart: the first is what a burst right
 * after a restart sees, the later ones what any other burst sees.
 */
final class AckBurst implements BenchScenario {

    static final String LATENCY = "ack latency, first burst p50 / p99 / max";
    static final String LATENCY_LATER = "ack latency, later bursts p50 / p99 / max";
    static final String PER_BURST = "ack latency p99 of each burst, in order";
    static final String ACKED = "acked / within Slack's 3 s";
    static final String BEFORE_HANDLER = "first envelope sent → handler starts p50 / p99, first burst; later bursts";
    static final String HANDLER = "handler time before the ack p50 / p99, first burst; later bursts";
    static final String POSTED = "threads posted; first command → last thread complete, per burst p50";
    static final String WALL = "investigation wall time under this load p50 / max";

    private static final Duration SLACK_LIMIT = Duration.ofSeconds(3);
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);

    /** What one burst measured. */
    private record Burst(List<Duration> acks, List<Double> beforeHandlerMs, List<Duration> handler, double envelopesOutMs,
            List<BenchObserver.Posted> posted, double lastPostedMs) {
    }

    private final int commands;
    private final int bursts;

    AckBurst(int commands, int bursts) {
        this.commands = commands;
        this.bursts = bursts;
    }

    @Override
    public String group() {
        return "acks (" + commands + " concurrent /investigate, " + bursts + (bursts == 1 ? " burst)" : " bursts)");
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) throws InterruptedException {
        List<Burst> measured = new ArrayList<>();
        for (int b = 0; b < bursts; b++) {
            // each burst asks for other windows than the ones before, so none meets an answer it could reuse
            measured.add(burst(pipeline, pipeline.distinctCommands(commands, (b + 1) * commands)));
        }
        Burst first = measured.get(0);
        List<Burst> later = measured.subList(1, measured.size());

        Samples firstAcks = Samples.millis(first.acks());
        Samples laterAcks = Samples.millis(later.stream().flatMap(b -> b.acks().stream()).toList());
        List<Duration> allAcks = measured.stream().flatMap(b -> b.acks().stream()).toList();
        long withinLimit = allAcks.stream().filter(d -> d.compareTo(SLACK_LIMIT) < 0).count();
        double envelopesOut = measured.stream().mapToDouble(Burst::envelopesOutMs).max().orElse(Double.NaN);
        int posted = measured.stream().mapToInt(b -> b.posted().size()).sum();
        Samples lastPosted = Samples.of(measured.stream().map(Burst::lastPostedMs).toList());
        Samples wall = Samples.millis(measured.stream().flatMap(b -> b.posted().stream())
                .map(p -> p.investigation().elapsed()).toList());
        Samples laterBeforeHandler = Samples.of(later.stream().flatMap(b -> b.beforeHandlerMs().stream()).toList());
        Samples laterHandler = Samples.millis(later.stream().flatMap(b -> b.handler().stream()).toList());

        return List.of(
                new BenchTable.Row(LATENCY, percentiles(firstAcks) + " / " + Samples.ms(firstAcks.max())
                        + (later.isEmpty() ? " (target p99 < 50 ms)" : "")),
                new BenchTable.Row(LATENCY_LATER, later.isEmpty() ? "n/a (--bursts 1)"
                        : percentiles(laterAcks) + " / " + Samples.ms(laterAcks.max()) + " over " + laterAcks.count()
                                + " commands (target p99 < 50 ms)"),
                new BenchTable.Row(PER_BURST, String.join(", ", measured.stream()
                        .map(b -> Samples.ms(Samples.millis(b.acks()).percentile(99))).toList())),
                new BenchTable.Row(ACKED, allAcks.size() + " of " + commands * bursts + " / " + withinLimit
                        + (allAcks.isEmpty() ? "" : " (each burst's envelopes went out within " + Samples.ms(envelopesOut) + ")")),
                new BenchTable.Row(BEFORE_HANDLER, percentiles(Samples.of(first.beforeHandlerMs()))
                        + (later.isEmpty() ? "" : "; " + percentiles(laterBeforeHandler))
                        + " (Socket Mode client and Bolt, before our code)"),
                new BenchTable.Row(HANDLER, percentiles(Samples.millis(first.handler()))
                        + (later.isEmpty() ? "" : "; " + percentiles(laterHandler)) + " (our /investigate handler)"),
                new BenchTable.Row(POSTED, posted + " of " + commands * bursts + "; " + Samples.ms(lastPosted.percentile(50))),
                new BenchTable.Row(WALL, Samples.ms(wall.percentile(50)) + " / " + Samples.ms(wall.max())
                        + " (" + pipeline.config().slack().workers() + " investigations at a time)"));
    }

    private Burst burst(BenchPipeline pipeline, List<String> texts) throws InterruptedException {
        FakeSlack slack = pipeline.slack();
        BenchObserver observer = pipeline.observer();
        int postedBefore = observer.postedCount();
        int handledBefore = observer.handlerTimeCount();
        int startedBefore = observer.handlerStartCount();

        long first = System.nanoTime();
        List<String> envelopes = pipeline.investigateAll(texts);

        long ackDeadline = System.nanoTime() + ACK_WAIT.toNanos();
        List<Duration> latencies = new ArrayList<>();
        long firstSent = Long.MAX_VALUE;
        long lastSent = Long.MIN_VALUE;
        for (String envelope : envelopes) {
            try {
                Ack ack = slack.awaitAck(envelope, Duration.ofNanos(Math.max(0, ackDeadline - System.nanoTime())));
                latencies.add(ack.latency());
                firstSent = Math.min(firstSent, ack.sentNanos());
                lastSent = Math.max(lastSent, ack.sentNanos());
            } catch (AssertionError notAcked) {
                // counted as missing in the "acked" row
            }
        }
        List<BenchObserver.Posted> posted = observer.awaitPosted(postedBefore, texts.size(), pipeline.patience(texts.size()));

        // The envelopes go out within a few milliseconds (the "acked" row says how close), so a handler's start
        // measured from the first send is, near enough, how long its envelope waited before our code saw it.
        long burstStart = latencies.isEmpty() ? first : firstSent;
        List<Double> beforeHandler = observer.handlerStartsSince(startedBefore).stream()
                .map(at -> (at - burstStart) / 1e6).toList();
        double lastPostedMs = posted.stream().mapToLong(BenchObserver.Posted::atNanos).max()
                .stream().mapToDouble(at -> (at - first) / 1e6).findFirst().orElse(Double.NaN);
        return new Burst(latencies, beforeHandler, observer.handlerTimesSince(handledBefore),
                latencies.isEmpty() ? Double.NaN : (lastSent - firstSent) / 1e6, posted, lastPostedMs);
    }

    private static String percentiles(Samples samples) {
        return Samples.ms(samples.percentile(50)) + " / " + Samples.ms(samples.percentile(99));
    }
}
