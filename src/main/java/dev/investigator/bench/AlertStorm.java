package dev.investigator.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.sandbox.slack.ApiCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An alert storm: Datadog monitor posts for several services, spread over a minute, into the watched alert
 * channels (one per service, as teams often route them). Reports investigations started (one per service is the
 * goal, not one per alert), the Slack Web API calls the storm cost, and the time until every alert's thread had
 * its answer — which Slack's one-post-per-second-per-channel pace bounds from below.
 */
final class AlertStorm implements BenchScenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int alerts;
    private final Duration spread;

    AlertStorm(int alerts, Duration spread) {
        this.alerts = alerts;
        this.spread = spread;
    }

    @Override
    public String group() {
        return "alert storm (" + alerts + " alert posts, " + BenchPipeline.ALERT_CHANNELS.size() + " services, "
                + spread.toSeconds() + " s)";
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) throws InterruptedException {
        List<String> services = pipeline.services().subList(0, BenchPipeline.ALERT_CHANNELS.size());
        int callsBefore = pipeline.slack().calls().size();
        int investigationsBefore = pipeline.observer().postedCount();
        long started = System.nanoTime();
        List<Post> posts = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
        try {
            long step = spread.toNanos() / Math.max(1, alerts);
            for (int i = 0; i < alerts; i++) {
                int n = i;
                sender.schedule(() -> posts.add(post(pipeline, services, n)), step * i, TimeUnit.NANOSECONDS);
            }
            sender.shutdown();
            sender.awaitTermination(spread.toSeconds() + 30, TimeUnit.SECONDS);
        } finally {
            sender.shutdownNow();
        }

        Duration patience = spread.plus(Duration.ofSeconds(alerts / BenchPipeline.ALERT_CHANNELS.size() + 60));
        long until = started + patience.toNanos();
        Set<String> unanswered = new HashSet<>();
        posts.forEach(p -> unanswered.add(p.channel() + "/" + p.ts()));
        long lastReply = started;
        while (!unanswered.isEmpty() && System.nanoTime() < until) {
            List<ApiCall> replies;
            try {
                replies = pipeline.slack().awaitCalls("chat.postMessage",
                        pipeline.slack().calls("chat.postMessage").size() + 1, Duration.ofSeconds(5));
            } catch (AssertionError quiet) {
                // the fake saw no post for a while: take stock of everything posted so far
                replies = pipeline.slack().calls("chat.postMessage");
            }
            for (ApiCall c : replies) {
                if (c.param("thread_ts") != null && unanswered.remove(c.param("channel") + "/" + c.param("thread_ts"))) {
                    lastReply = Math.max(lastReply, c.nanoTime());
                }
            }
        }
        // the lead threads' summaries finish after their first reply; wait for them too
        pipeline.observer().awaitPosted(investigationsBefore, services.size(), Duration.ofSeconds(60));

        List<ApiCall> calls = pipeline.slack().calls().subList(callsBefore, pipeline.slack().calls().size());
        int investigations = pipeline.observer().postedCount() - investigationsBefore;
        return List.of(
                new BenchTable.Row("alert posts sent", posts.size() + " over " + spread.toSeconds() + " s into "
                        + BenchPipeline.ALERT_CHANNELS.size() + " channels"),
                new BenchTable.Row("investigations run", investigations + " (one per service: " + services.size() + ")"),
                new BenchTable.Row("alert threads answered", (posts.size() - unanswered.size()) + " of " + posts.size()),
                new BenchTable.Row("Slack Web API calls", calls.size() + " (" + byMethod(calls) + ")"),
                new BenchTable.Row("time to the last reply", Samples.ms((lastReply - started) / 1e6)
                        + " after the first post (Slack's pace: 1 post/s per channel)"));
    }

    /** "25 chat.postMessage, 5 chat.update, ...", most frequent first. */
    private static String byMethod(List<ApiCall> calls) {
        java.util.Map<String, Long> counts = calls.stream().collect(java.util.stream.Collectors.groupingBy(ApiCall::method,
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        return counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getValue() + " " + e.getKey()).collect(java.util.stream.Collectors.joining(", "));
    }

    private record Post(String channel, String ts) {
    }

    /** A Datadog monitor alert in the service's channel, as Slack delivers it to the app. */
    private static Post post(BenchPipeline pipeline, List<String> services, int n) {
        String service = services.get(n % services.size());
        String channel = BenchPipeline.ALERT_CHANNELS.get(n % services.size());
        long now = System.currentTimeMillis() / 1000;
        String ts = now + "." + String.format("%06d", n);
        ObjectNode event = JSON.createObjectNode()
                .put("type", "message").put("text", "").put("bot_id", "B0DATADOG1").put("app_id", "A0DATADOG1")
                .put("ts", ts).put("event_ts", ts).put("channel", channel).put("channel_type", "channel");
        event.putObject("bot_profile").put("id", "B0DATADOG1").put("name", "Datadog").put("app_id", "A0DATADOG1");
        String title = "[P2] [Triggered on {service:" + service + ",env:prod}] " + service + " p99 latency is high";
        event.putArray("attachments").addObject()
                .put("color", "#e01e5a").put("fallback", title).put("title", title)
                .put("title_link", "https://app.datadoghq.com/monitors/" + (4000 + n % services.size()))
                .put("text", "p99 latency of *" + service + "* is above 1.5s over the last 5m.")
                .put("footer", "Datadog").put("ts", now);
        pipeline.slack().sendEvent(event.toString());
        return new Post(channel, ts);
    }
}
