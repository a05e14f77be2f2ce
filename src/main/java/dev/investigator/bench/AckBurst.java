package dev.investigator.bench;

import dev.investigator.sandbox.slack.Ack;
import dev.investigator.sandbox.slack.FakeSlack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code commands} different {@code /investigate} commands sent back to back over Socket Mode, as Slack would
 * deliver a busy minute: how long each took to be acknowledged (the fake Slack times it from writing the envelope
 * to reading the ack, the way Slack's 3-second limit is measured), and how long until every thread was posted.
 */
final class AckBurst implements BenchScenario {

    static final String LATENCY = "ack latency p50 / p99 / max";
    static final String ACKED = "acked / within Slack's 3 s";
    static final String BEFORE_HANDLER = "first envelope sent → handler starts p50 / p99";
    static final String HANDLER = "handler time before the ack p50 / p99";
    static final String POSTED = "threads posted; first command → last thread complete";
    static final String WALL = "investigation wall time under this load p50 / max";

    private static final Duration SLACK_LIMIT = Duration.ofSeconds(3);
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private final int commands;

    AckBurst(int commands) {
        this.commands = commands;
    }

    @Override
    public String group() {
        return "acks (" + commands + " concurrent /investigate)";
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) throws InterruptedException {
        FakeSlack slack = pipeline.slack();
        BenchObserver observer = pipeline.observer();
        int postedBefore = observer.postedCount();
        int handledBefore = observer.handlerTimeCount();
        int startedBefore = observer.handlerStartCount();

        long first = System.nanoTime();
        List<String> envelopes = pipeline.investigateAll(pipeline.distinctCommands(commands));

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
                // counted below as missing
            }
        }
        List<BenchObserver.Posted> posted = observer.awaitPosted(postedBefore, commands, pipeline.patience(commands));

        Samples acks = Samples.millis(latencies);
        Samples handler = Samples.millis(observer.handlerTimesSince(handledBefore));
        // The envelopes go out within a few milliseconds (the "acked" row says how close), so a handler's start
        // measured from the first send is, near enough, how long its envelope waited before our code saw it.
        long burstStart = latencies.isEmpty() ? first : firstSent;
        Samples beforeHandler = Samples.of(observer.handlerStartsSince(startedBefore).stream()
                .map(at -> (at - burstStart) / 1e6).toList());
        long withinLimit = latencies.stream().filter(d -> d.compareTo(SLACK_LIMIT) < 0).count();
        double lastPostedMs = posted.stream().mapToLong(BenchObserver.Posted::atNanos).max()
                .stream().mapToDouble(at -> (at - first) / 1e6).findFirst().orElse(Double.NaN);
        Samples wall = Samples.millis(posted.stream().map(p -> p.investigation().elapsed()).toList());

        return List.of(
                new BenchTable.Row(LATENCY, Samples.ms(acks.percentile(50)) + " / " + Samples.ms(acks.percentile(99))
                        + " / " + Samples.ms(acks.max()) + " (target p99 < 50 ms)"),
                new BenchTable.Row(ACKED, latencies.size() + " of " + commands + " / " + withinLimit
                        + (latencies.isEmpty() ? "" : " (the envelopes went out within " + Samples.ms((lastSent - firstSent) / 1e6) + ")")),
                new BenchTable.Row(BEFORE_HANDLER, Samples.ms(beforeHandler.percentile(50)) + " / "
                        + Samples.ms(beforeHandler.percentile(99)) + " (Socket Mode client and Bolt, before our code)"),
                new BenchTable.Row(HANDLER, Samples.ms(handler.percentile(50)) + " / " + Samples.ms(handler.percentile(99))
                        + " (our /investigate handler)"),
                new BenchTable.Row(POSTED, posted.size() + " of " + commands + "; " + Samples.ms(lastPostedMs)),
                new BenchTable.Row(WALL, Samples.ms(wall.percentile(50)) + " / " + Samples.ms(wall.max())
                        + " (" + pipeline.config().slack().workers() + " investigations at a time)"));
    }
}
