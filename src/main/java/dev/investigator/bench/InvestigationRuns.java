package dev.investigator.bench;

import dev.investigator.model.Gap;
import dev.investigator.model.Investigation;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.sandbox.SandboxLatency;
import dev.investigator.sandbox.slack.ApiCall;
import dev.investigator.sandbox.slack.FakeSlack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The same {@code /investigate} run {@code runs} times, one after another, each waited for until its thread is
 * posted: how the investigation's wall time compares with the slowest source's configured latency (1.0 is the
 * floor, the three one after another would be about the sum), and why — each source's own time, and how many of
 * its requests that is in a row — plus the vendor and Slack Web API calls each investigation cost.
 */
final class InvestigationRuns implements BenchScenario {

    static final String WALL = "wall time p50 / p90";
    static final String RATIO = "wall ÷ slowest source's latency p50 / p90";
    static final String OVERLAP = "wall ÷ slowest source's own time p50";
    static final String SLACK_CALLS = "Slack Web API calls per investigation";
    static final String COMMAND = "command → thread posted p50 / p90";
    static final String GAPS = "gaps in the reports";

    private static final String WINDOW = "30m";

    private final String service;
    private final int runs;

    InvestigationRuns(String service, int runs) {
        this.service = service;
        this.runs = runs;
    }

    static String callsFigure(SourceKind kind) {
        return kind.displayName() + ": API calls per investigation";
    }

    static String timeFigure(SourceKind kind) {
        return kind.displayName() + ": own time p50 ÷ its latency per request; wall ÷ own time";
    }

    @Override
    public String group() {
        return "investigations (" + service + " " + WINDOW + ", " + runs + " one at a time)";
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) throws InterruptedException {
        FakeSlack slack = pipeline.slack();
        Map<SourceKind, Long> vendorBefore = vendorRequests(pipeline);
        int slackCallsBefore = slack.calls().size();
        List<Investigation> done = new ArrayList<>();
        List<Duration> commandToPosted = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int postedBefore = pipeline.observer().postedCount();
            String envelope = pipeline.investigate(service + " " + WINDOW);
            List<BenchObserver.Posted> posted = pipeline.observer().awaitPosted(postedBefore, 1, pipeline.patience(1));
            if (posted.isEmpty()) {
                continue; // reported as fewer runs than asked
            }
            done.add(posted.get(0).investigation());
            long sent = slack.awaitAck(envelope, Duration.ofSeconds(5)).sentNanos();
            commandToPosted.add(Duration.ofNanos(posted.get(0).atNanos() - sent));
        }
        Map<SourceKind, Long> vendorAfter = vendorRequests(pipeline);
        List<ApiCall> allCalls = slack.calls();
        List<ApiCall> slackCalls = allCalls.subList(Math.min(slackCallsBefore, allCalls.size()), allCalls.size());
        return rows(pipeline.latency(), done, commandToPosted, vendorBefore, vendorAfter, slackCalls);
    }

    private List<BenchTable.Row> rows(SandboxLatency latency, List<Investigation> done, List<Duration> commandToPosted,
            Map<SourceKind, Long> vendorBefore, Map<SourceKind, Long> vendorAfter, List<ApiCall> slackCalls) {
        int n = done.size();
        Samples wall = Samples.millis(done.stream().map(Investigation::elapsed).toList());
        SourceKind slowestKind = slowest(latency);
        double slowestMs = latencyOf(latency, slowestKind).toNanos() / 1e6;
        Samples ratio = Samples.of(done.stream().map(inv -> inv.elapsed().toNanos() / 1e6 / slowestMs).toList());
        Samples serial = Samples.of(done.stream().map(inv -> inv.reports().stream()
                .mapToDouble(r -> r.elapsed().toNanos() / 1e6).sum() / slowestMs).toList());
        Samples overlap = Samples.of(done.stream().map(inv -> inv.elapsed().toNanos() / (double) Math.max(1,
                inv.reports().stream().mapToLong(r -> r.elapsed().toNanos()).max().orElse(1))).toList());

        List<BenchTable.Row> rows = new ArrayList<>();
        rows.add(new BenchTable.Row(WALL, Samples.ms(wall.percentile(50)) + " / " + Samples.ms(wall.percentile(90))
                + (n < runs ? " (only " + n + " of " + runs + " runs finished)" : "")));
        rows.add(new BenchTable.Row(RATIO, slowestMs == 0 ? "n/a (no simulated latency)"
                : Samples.ratio(ratio.percentile(50)) + " / " + Samples.ratio(ratio.percentile(90))
                        + " (" + slowestKind.displayName() + " " + Samples.ms(slowestMs) + "; floor 1.0; the sources one after another: "
                        + Samples.ratio(serial.percentile(50)) + ")"));
        rows.add(new BenchTable.Row(OVERLAP, Samples.ratio(overlap.percentile(50))
                + " (1.0: the wall time is the slowest source's own time, the others overlap it)"));
        for (SourceKind kind : SourceKind.values()) {
            rows.add(new BenchTable.Row(callsFigure(kind), calls(kind, done, vendorAfter.get(kind) - vendorBefore.get(kind))));
            rows.add(new BenchTable.Row(timeFigure(kind), time(kind, latencyOf(latency, kind), done)));
        }
        rows.add(new BenchTable.Row(SLACK_CALLS, slackCalls(slackCalls, n)));
        Samples command = Samples.millis(commandToPosted);
        rows.add(new BenchTable.Row(COMMAND, Samples.ms(command.percentile(50)) + " / " + Samples.ms(command.percentile(90))));
        rows.add(new BenchTable.Row(GAPS, gaps(done)));
        return rows;
    }

    private static String calls(SourceKind kind, List<Investigation> done, long vendorSaw) {
        Samples calls = Samples.of(done.stream().map(inv -> inv.report(kind).map(SourceReport::apiCalls).orElse(0)).toList());
        return Samples.oneDecimal(calls.mean()) + " (the simulated API received " + vendorSaw + " in " + done.size() + " runs)";
    }

    private static String time(SourceKind kind, Duration latency, List<Investigation> done) {
        Samples own = Samples.millis(done.stream().flatMap(inv -> inv.report(kind).stream()).map(SourceReport::elapsed).toList());
        Samples wallOverOwn = Samples.of(done.stream().flatMap(inv -> inv.report(kind).stream()
                .map(r -> inv.elapsed().toNanos() / (double) Math.max(1, r.elapsed().toNanos()))).toList());
        double ownMs = own.percentile(50);
        double latencyMs = latency.toNanos() / 1e6;
        String inARow = latencyMs == 0 ? "n/a" : Samples.ratio(ownMs / latencyMs)
                + " (about " + Math.round(ownMs / latencyMs) + " request" + (Math.round(ownMs / latencyMs) == 1 ? "" : "s") + " in a row)";
        return Samples.ms(ownMs) + " ÷ " + Samples.ms(latencyMs) + " = " + inARow + "; " + Samples.ratio(wallOverOwn.percentile(50));
    }

    private static String slackCalls(List<ApiCall> calls, int investigations) {
        if (investigations == 0) {
            return "n/a (no run finished)";
        }
        long parents = calls.stream().filter(c -> c.method().equals("chat.postMessage") && c.param("thread_ts") == null).count();
        long replies = calls.stream().filter(c -> c.method().equals("chat.postMessage") && c.param("thread_ts") != null).count();
        long updates = calls.stream().filter(c -> c.method().equals("chat.update")).count();
        Map<String, Long> other = calls.stream()
                .filter(c -> !c.method().equals("chat.postMessage") && !c.method().equals("chat.update"))
                .collect(Collectors.groupingBy(ApiCall::method, TreeMap::new, Collectors.counting()));
        String text = perRun(calls.size(), investigations) + ": chat.postMessage " + perRun(parents, investigations)
                + " parent + " + perRun(replies, investigations) + " replies, chat.update " + perRun(updates, investigations);
        return other.isEmpty() ? text : text + ", other " + other;
    }

    private static String gaps(List<Investigation> done) {
        Map<String, Long> counted = done.stream().flatMap(inv -> inv.gaps().stream())
                .collect(Collectors.groupingBy(InvestigationRuns::describe, TreeMap::new, Collectors.counting()));
        if (counted.isEmpty()) {
            return "none";
        }
        return counted.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String describe(Gap gap) {
        return gap.source().displayName() + " " + gap.reason().name().toLowerCase(Locale.ROOT);
    }

    private static String perRun(long total, int runs) {
        return Samples.oneDecimal(total / (double) runs);
    }

    private static Map<SourceKind, Long> vendorRequests(BenchPipeline pipeline) {
        Map<SourceKind, Long> counts = new EnumMap<>(SourceKind.class);
        counts.put(SourceKind.DATADOG, pipeline.sandbox().requests("datadog"));
        counts.put(SourceKind.SENTRY, pipeline.sandbox().requests("sentry"));
        counts.put(SourceKind.XRAY, pipeline.sandbox().requests("xray"));
        return counts;
    }

    private static SourceKind slowest(SandboxLatency latency) {
        SourceKind slowest = SourceKind.DATADOG;
        for (SourceKind kind : SourceKind.values()) {
            if (latencyOf(latency, kind).compareTo(latencyOf(latency, slowest)) > 0) {
                slowest = kind;
            }
        }
        return slowest;
    }

    static Duration latencyOf(SandboxLatency latency, SourceKind kind) {
        return switch (kind) {
            case DATADOG -> latency.datadog();
            case SENTRY -> latency.sentry();
            case XRAY -> latency.xray();
        };
    }
}
