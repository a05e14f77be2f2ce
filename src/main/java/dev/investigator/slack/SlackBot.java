package dev.investigator.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageChannelJoinEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import dev.investigator.alert.AlertRecognizer;
import dev.investigator.alert.AlertTriage;
import dev.investigator.digest.DigestCollector;
import dev.investigator.digest.DigestRules;
import dev.investigator.render.DailyActions;
import dev.investigator.render.DailyPromptRenderer;
import dev.investigator.render.RotationRenderer;
import dev.investigator.rotation.DailyCheck;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import dev.investigator.config.AppConfig;
import dev.investigator.config.Secrets;
import dev.investigator.investigation.Investigator;
import dev.investigator.investigation.QueryParser;
import dev.investigator.render.BlockKitRenderer;
import dev.investigator.render.Messages;
import dev.investigator.render.UsageText;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack app: Bolt over Socket Mode (no public endpoint), the {@code /investigate} command and the report's
 * buttons, wired to the investigation engine. Only this package knows Slack; the engine does not know it exists.
 */
public final class SlackBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackBot.class);
    private static final int QUEUE = 100;
    /**
     * Envelopes processed at once, from the WebSocket message to the ack; handlers only ack and enqueue, so a few
     * threads are plenty (more only queue for the same two cores).
     */
    private static final int SOCKET_CONCURRENCY = 4;
    /** Alert posts and on-demand digests waiting for the background threads; a storm beyond this is dropped. */
    private static final int BACKGROUND_QUEUE = 1_000;
    /**
     * Threads whose replies are being posted at once. They mostly wait for their channel's turn (one post a
     * second), so there can be more of them than workers; when all are busy a worker posts its replies itself.
     */
    private static final int REPLY_THREADS = 16;
    /** Replies to alerts wait for their channel's turn (one post a second), so several channels need several threads. */
    private static final int BACKGROUND_THREADS = 8;
    /** How often the daily check looks at the clock: a prompt is at most this late. */
    private static final Duration DAILY_TICK = Duration.ofSeconds(30);

    private final AppConfig config;
    private final Secrets secrets;
    private final Slack slack;
    private final SlackInvestigations investigations;
    private final SocketModeConnector connector;
    private final AlertResponder alerts;
    private final DailyPrompts daily;
    private final ThreadPoolExecutor background;
    private final ScheduledExecutorService timer;
    private volatile boolean shuttingDown;

    /**
     * What the bot drives: the investigation engine, the digest collector, and the rotation's daily check (when
     * the config has a rotation).
     */
    public record Engine(Investigator investigator, DigestCollector digests, Optional<DailyCheck> dailyCheck) {
        public Engine {
            Objects.requireNonNull(investigator, "investigator");
            Objects.requireNonNull(digests, "digests");
            Objects.requireNonNull(dailyCheck, "dailyCheck");
        }
    }

    private SlackBot(AppConfig config, Secrets secrets, Slack slack, SlackInvestigations investigations, SocketModeConnector connector,
            AlertResponder alerts, DailyPrompts daily, ThreadPoolExecutor background, ScheduledExecutorService timer) {
        this.config = config;
        this.secrets = secrets;
        this.slack = slack;
        this.investigations = investigations;
        this.connector = connector;
        this.alerts = alerts;
        this.daily = daily;
        this.background = background;
        this.timer = timer;
    }

    /** A bot with investigations only: no digest sources, no rotation (tests and tools). */
    public static SlackBot create(AppConfig config, Secrets secrets, Investigator investigator, Messages messages,
            Clock clock, SlackObserver observer) {
        DigestCollector none = new DigestCollector(List.of(), new DigestRules(), Runnable::run, clock,
                config.sourceDeadline(), config.investigationDeadline());
        return create(config, secrets, new Engine(investigator, none, Optional.empty()), messages, clock, observer);
    }

    public static SlackBot create(AppConfig config, Secrets secrets, Engine engine, Messages messages, Clock clock,
            SlackObserver observer) {
        Objects.requireNonNull(observer);
        Investigator investigator = engine.investigator();
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl());
        slackConfig.setPrettyResponseLoggingEnabled(false);
        Slack slack = Slack.getInstance(slackConfig);

        SlackGateway gateway = new SlackGateway(slack, slack.methods(secrets.slackBotToken()), observer::slackCall, ChannelPacer.slack());
        BlockKitRenderer renderer = new BlockKitRenderer(messages, config.zone());
        SlackTexts texts = new SlackTexts(messages);
        ThreadPoolExecutor workers = new ThreadPoolExecutor(config.slack().workers(), config.slack().workers(),
                60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), named("investigation-"), new ThreadPoolExecutor.AbortPolicy());
        ThreadPoolExecutor replies = new ThreadPoolExecutor(REPLY_THREADS, REPLY_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), named("thread-replies-"), new ThreadPoolExecutor.AbortPolicy());
        replies.allowCoreThreadTimeOut(true);
        SlackInvestigations investigations = new SlackInvestigations(investigator, new ReportPublisher(gateway, renderer, texts),
                gateway, texts, workers, replies, config.investigationDeadline(), observer::investigationFinished);
        AccessPolicy access = new AccessPolicy(config.slack(), gateway::userGroupMembers, clock);
        RecentDeliveries seen = new RecentDeliveries(clock, Duration.ofMinutes(30), 10_000);
        Supplier<String> ids = () -> UUID.randomUUID().toString().substring(0, 8);
        Supplier<QueryParser> parser = () -> new QueryParser(config.catalog(), config.zone(), clock, config.defaultWindow());

        // Bolt's own self-event filter asks bots.info once per unknown bot (a Tier 2 method, and a failure is never
        // cached): an alert storm from a monitoring app would cost a call per alert. The alert triage knows the
        // bot's ids from auth.test and ignores its own posts itself.
        App app = new App(com.slack.api.bolt.AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(secrets.slackBotToken())
                .ignoringSelfEventsEnabled(false)
                // Bolt checks the bot token with auth.test inside the first envelope after its cached answer is
                // 10 minutes old: a round trip to Slack inside that envelope's 3-second ack window (and, in a burst,
                // one per envelope until it returns). start() has checked the token; a revoked one fails every
                // Web API call, and the reports say so.
                .authTestCacheExpirationMillis(-1L)
                .build());
        ThreadPoolExecutor background = new ThreadPoolExecutor(BACKGROUND_THREADS, BACKGROUND_THREADS, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(BACKGROUND_QUEUE),
                named("slack-background-"), new ThreadPoolExecutor.AbortPolicy());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("daily-check-"));
        DailyPromptRenderer dailyRenderer = new DailyPromptRenderer(messages, config.zone());
        DailyPrompts daily = new DailyPrompts(engine.dailyCheck(), config.rotation().map(r -> r.channel()), engine.digests(),
                config.catalog(), dailyRenderer, gateway, clock, config.zone(), config.investigationDeadline().multipliedBy(2), ids);
        RotationAnswer rotation = new RotationAnswer(engine.dailyCheck(), config.rotation().map(r -> r.channel()),
                new RotationRenderer(messages), messages, texts, gateway, background);
        InvestigateCommand command = new InvestigateCommand(parser, config.catalog(), access, seen, investigations, renderer,
                new UsageText(messages), texts, ids, observer::acked, daily, rotation, background);
        app.command("/investigate", (req, ctx) -> {
            observer.commandReceived("slash");
            return command.apply(req, ctx);
        });
        RerunAction rerun = new RerunAction(config.catalog(), access, seen, investigations, gateway, texts, clock, ids);
        app.blockAction(Pattern.compile("^investigate_rerun_(wider|previous)$"), (req, ctx) -> {
            observer.commandReceived("action");
            return rerun.apply(req, ctx);
        });
        // Link buttons open the vendor console in the browser; Slack still sends the click, which only needs an ack.
        app.blockAction(Pattern.compile("^open_[a-z]+$"), (req, ctx) -> ctx.ack());
        app.blockAction(DailyActions.INVESTIGATE_PATTERN, (req, ctx) -> {
            observer.commandReceived("action");
            return rerun.apply(req, ctx);
        });
        engine.dailyCheck().ifPresent(check -> {
            DailyButtons buttons = new DailyButtons(check, dailyRenderer, gateway, texts, seen);
            app.blockAction(Pattern.compile("^(" + DailyActions.CHECKED + "|" + DailyActions.HAND_OFF + ")$"), (req, ctx) -> {
                observer.commandReceived("action");
                return buttons.apply(req, ctx);
            });
        });

        // Alert channels: every message event is acked at once; those in watched channels go to the triage.
        AlertRecognizer recognizer = AlertRecognizer.standard();
        AlertResponder alerts = new AlertResponder(
                self -> new AlertTriage<>(config.alerts(), config.catalog(), recognizer, clock, config.zone(), self),
                investigations, gateway, texts, background, ids, kind -> observer.commandReceived("alert." + kind));
        app.event(MessageEvent.class, (payload, ctx) -> {
            alerts.onEvent(payload.getEvent().getChannel(), payload.getEvent());
            return ctx.ack();
        });
        // Integrations that post through incoming webhooks arrive as bot_message, a class of its own in Bolt.
        app.event(MessageBotEvent.class, (payload, ctx) -> {
            alerts.onEvent(payload.getEvent().getChannel(), payload.getEvent());
            return ctx.ack();
        });
        // Edits, deletions and joins are not new alerts; they only need an ack.
        app.event(MessageChangedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageDeletedEvent.class, (payload, ctx) -> ctx.ack());
        app.event(MessageChannelJoinEvent.class, (payload, ctx) -> ctx.ack());

        SocketModeConnector connector = new SocketModeConnector(secrets.slackAppToken(), app, SOCKET_CONCURRENCY);
        return new SlackBot(config, secrets, slack, investigations, connector, alerts, daily, background, timer);
    }

    /**
     * Checks both tokens, then connects. Returns once connected or throws {@link SlackStartupException}
     * naming the token at fault.
     */
    public void start() throws Exception {
        StartupCheck.BotIdentity bot = new StartupCheck(slack).verify(secrets.slackBotToken(), secrets.slackAppToken());
        log.info("Slack: bot user {} in team {}; {} services; connecting over Socket Mode", bot.userId(), bot.teamId(),
                config.catalog().names().size());
        alerts.begin(bot);
        connector.start();
        if (config.rotation().isPresent()) {
            timer.scheduleWithFixedDelay(daily::tick, 0, DAILY_TICK.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** One look at the daily check, as the timer does every 30 seconds (tests drive it with their own clock). */
    void dailyTick() {
        daily.tick();
    }

    public boolean connected() {
        return !shuttingDown && connector.connected();
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    public int inFlight() {
        return investigations.inFlight();
    }

    /**
     * Graceful stop: no new work is taken, running investigations get their deadline to finish and post,
     * and any still unfinished are marked interrupted in Slack.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (shuttingDown) {
                return;
            }
            shuttingDown = true;
        }
        try {
            connector.close();
        } catch (Exception e) {
            log.warn("closing the Socket Mode connection: {}", e.toString());
        }
        timer.shutdownNow();
        background.shutdown();
        investigations.shutdown(config.investigationDeadline().plusSeconds(5));
        try {
            // alert replies still waiting for their channel's turn get a moment, then are dropped: Slack's thread
            // already holds the investigation they point to
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            slack.close();
        } catch (Exception e) {
            log.debug("closing the Slack client: {}", e.toString());
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
