package dev.investigator.bench;

import dev.investigator.app.Application;
import dev.investigator.app.MetricsObserver;
import dev.investigator.app.SandboxWiring;
import dev.investigator.config.AlertSettingsReader;
import dev.investigator.config.AppConfig;
import dev.investigator.config.Secrets;
import dev.investigator.ops.InvestigatorMetrics;
import dev.investigator.sandbox.Sandbox;
import dev.investigator.sandbox.SandboxLatency;
import dev.investigator.sandbox.slack.FakeSlack;
import dev.investigator.sandbox.slack.SlashCommand;
import dev.investigator.sandbox.slack.SocketConnection;
import dev.investigator.slack.SlackBot;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole app as {@code investigator run --sandbox} wires it — {@link Application} (real Datadog, Sentry and
 * X-Ray clients against the {@link Sandbox}'s simulated APIs) and {@link SlackBot} (the real Bolt app over Socket
 * Mode) — talking to a {@link FakeSlack} on localhost instead of Slack. Scenarios drive it from the fake's side,
 * as Slack would, and read what the fake recorded.
 */
final class BenchPipeline implements AutoCloseable {

    static final String CHANNEL = "C0BENCH";
    /**
     * Channels a burst of commands comes from, one per command of a 50-command burst: many teams at once. Slack
     * takes about one post a second per channel, so fifty investigations answered in one channel would take
     * minutes to post, whatever the app does; in fifty, a burst is posted in about as long as one investigation.
     */
    static final List<String> COMMAND_CHANNELS = java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> "C0BENCH" + i).toList();
    /** Alert channels the storm posts into, one per service, watched with the default alert settings. */
    static final List<String> ALERT_CHANNELS = List.of("C0ALERTS1", "C0ALERTS2", "C0ALERTS3", "C0ALERTS4", "C0ALERTS5");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** How long start-up took, split where the wiring has seams. */
    record Startup(Duration application, Duration slackBot, Duration connect) {
        Duration total() {
            return application.plus(slackBot).plus(connect);
        }
    }

    private final Sandbox sandbox;
    private final FakeSlack slack;
    private final Application app;
    private final SlackBot bot;
    private final BenchObserver observer;
    private final SandboxLatency latency;
    private final Startup startup;

    private BenchPipeline(Sandbox sandbox, FakeSlack slack, Application app, SlackBot bot, BenchObserver observer,
            SandboxLatency latency, Startup startup) {
        this.sandbox = sandbox;
        this.slack = slack;
        this.app = app;
        this.bot = bot;
        this.observer = observer;
        this.latency = latency;
        this.startup = startup;
    }

    /**
     * Starts the simulated vendors and the fake Slack, then the app, and returns once the app holds a Socket Mode
     * connection. Start-up is timed from {@code Application.create} to the fake's {@code hello}.
     */
    static BenchPipeline start(Clock clock, SandboxLatency latency) throws IOException {
        Sandbox sandbox = Sandbox.start(clock, latency);
        FakeSlack slack = null;
        Application app = null;
        SlackBot bot = null;
        try {
            slack = FakeSlack.start(clock).channel(CHANNEL, false);
            for (String channel : COMMAND_CHANNELS) {
                slack.channel(channel, false);
            }
            for (String alerts : ALERT_CHANNELS) {
                slack.channel(alerts, false);
            }
            AppConfig sandboxConfig = SandboxWiring.config(sandbox, Map.of("SLACK_API_URL", slack.apiUrl()));
            AppConfig config = sandboxConfig.withAlerts(AlertSettingsReader.read(alertSection(), sandboxConfig.catalog(), "bench"));
            Secrets secrets = SandboxWiring.secrets(new Secrets(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN, "", "", ""));
            BenchObserver observer = new BenchObserver(new MetricsObserver(InvestigatorMetrics.create()));

            long started = System.nanoTime();
            app = Application.create(config, secrets, clock, Optional.of(SandboxWiring.AWS_KEYS));
            long appReady = System.nanoTime();
            bot = SlackBot.create(config, secrets, app.investigator(), app.messages(), clock, observer);
            long botReady = System.nanoTime();
            bot.start();
            slack.awaitConnections(1, CONNECT_TIMEOUT);
            SocketConnection first = slack.connectionLog().get(0);
            Startup startup = new Startup(Duration.ofNanos(appReady - started), Duration.ofNanos(botReady - appReady),
                    Duration.ofNanos(first.helloNanos() - botReady));
            return new BenchPipeline(sandbox, slack, app, bot, observer, latency, startup);
        } catch (Exception | AssertionError e) {
            closeQuietly(bot, app, slack, sandbox);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("the bench could not start the app against the fake Slack: " + e, e);
        }
    }

    /** {@code alerts: channels: {C0ALERTS1: {}, ...}}: every storm channel watched with the defaults. */
    private static com.fasterxml.jackson.databind.JsonNode alertSection() {
        com.fasterxml.jackson.databind.node.ObjectNode alerts = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode channels = alerts.putObject("channels");
        ALERT_CHANNELS.forEach(channels::putObject);
        return alerts;
    }

    dev.investigator.digest.DigestCollector digests() {
        return app.digests();
    }

    FakeSlack slack() {
        return slack;
    }

    Sandbox sandbox() {
        return sandbox;
    }

    AppConfig config() {
        return app.config();
    }

    BenchObserver observer() {
        return observer;
    }

    SandboxLatency latency() {
        return latency;
    }

    Startup startup() {
        return startup;
    }

    /** The sandbox's services, in catalog order. */
    List<String> services() {
        return List.copyOf(app.config().catalog().names());
    }

    /** How long a batch of {@code investigations} may take before the bench stops waiting and reports what it has. */
    Duration patience(int investigations) {
        int rounds = (investigations + config().slack().workers() - 1) / config().slack().workers();
        return config().investigationDeadline().plusSeconds(5).multipliedBy(Math.max(1, rounds)).plusSeconds(30);
    }

    /**
     * {@code n} command texts that are all different investigations (service and window), so none joins
     * another's run: checkout 30m, search 30m, ... then checkout 31m, ...
     */
    List<String> distinctCommands(int n) {
        return distinctCommands(n, 0);
    }

    /** As {@link #distinctCommands(int)}, starting {@code skip} commands further on: other windows again. */
    List<String> distinctCommands(int n, int skip) {
        List<String> services = services();
        return java.util.stream.IntStream.range(skip, skip + n)
                .mapToObj(i -> services.get(i % services.size()) + " " + (30 + i / services.size()) + "m")
                .toList();
    }

    /** Types {@code /investigate <text>} in the bench channel, as Slack delivers it; returns the envelope id. */
    String investigate(String text) {
        return slack.sendSlashCommand(new SlashCommand("/investigate", text, CHANNEL, "bench", "U0BENCH", "bench"));
    }

    /** Types all of them at once, from the command channels in turn; Slack delivers the envelopes back to back. Returns the envelope ids, in order. */
    List<String> investigateAll(List<String> texts) {
        return slack.sendSlashCommands(java.util.stream.IntStream.range(0, texts.size())
                .mapToObj(i -> new SlashCommand("/investigate", texts.get(i), COMMAND_CHANNELS.get(i % COMMAND_CHANNELS.size()),
                        "bench", "U0BENCH", "bench")).toList());
    }

    /** Stops the bot first (so it does not reconnect to a fake that is going away), then everything else. */
    @Override
    public void close() {
        closeQuietly(bot, app, slack, sandbox);
    }

    private static void closeQuietly(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                // Closing what the bench started; a failure here changes no figure.
            }
        }
    }
}
