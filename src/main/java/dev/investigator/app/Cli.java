package dev.investigator.app;

import dev.investigator.config.AppConfig;
import dev.investigator.digest.DailyDigest;
import dev.investigator.digest.DigestQuery;
import dev.investigator.model.TimeWindow;
import dev.investigator.config.CatalogLoader;
import dev.investigator.config.ConfigException;
import dev.investigator.config.Secrets;
import dev.investigator.investigation.Command;
import dev.investigator.investigation.UserFacingException;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.render.Language;
import dev.investigator.render.Messages;
import dev.investigator.render.SlackThread;
import dev.investigator.render.UsageText;
import dev.investigator.sandbox.Sandbox;
import dev.investigator.sandbox.SandboxLatency;
import dev.investigator.ops.Health;
import dev.investigator.ops.InvestigatorMetrics;
import dev.investigator.ops.OpsServer;
import dev.investigator.slack.SlackBot;
import dev.investigator.slack.SlackStartupException;
import dev.investigator.source.xray.XRayConnection;
import java.util.concurrent.CountDownLatch;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The command line: {@code demo} (the embedded sandbox, no accounts), {@code investigate} (real APIs),
 * {@code config}. Prints the terminal rendering, or the Block Kit JSON with {@code --format blocks}.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int CONFIG = 3;
    public static final int SLACK = 4;


    private final Map<String, String> env;
    private final Clock clock;
    private final PrintStream out;
    private final PrintStream err;

    public Cli(Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        List<String> words = new ArrayList<>();
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--lang") || a.equals("--format")) && i + 1 < args.length) {
                if (a.equals("--lang")) {
                    options.language = args[++i];
                } else {
                    options.format = args[++i];
                }
            } else if (a.equals("--no-color")) {
                options.color = false;
            } else {
                words.add(a);
            }
        }
        if (!options.format.equals("text") && !options.format.equals("blocks")) {
            err.println("--format is text or blocks");
            return USAGE;
        }
        String command = words.isEmpty() ? "help" : words.get(0);
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        try {
            return switch (command) {
                case "demo" -> demo(rest, options);
                case "investigate" -> investigate(rest, options);
                case "config" -> showConfig();
                case "run" -> runSlack(rest);
                case "bench" -> new dev.investigator.bench.BenchCommand(clock, out, err).run(rest);
                case "help", "--help", "-h" -> help();
                default -> {
                    err.println("unknown command '" + command + "'");
                    help();
                    yield USAGE;
                }
            };
        } catch (ConfigException e) {
            err.println("configuration error: " + e.getMessage());
            return CONFIG;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        }
    }

    private int demo(List<String> rest, Options options) {
        List<String> args = rest.isEmpty() ? List.of("checkout", "30m") : rest;
        try (Sandbox sandbox = Sandbox.start(clock, SandboxLatency.none())) {
            AppConfig config = SandboxWiring.config(sandbox, Map.of());
            Secrets secrets = SandboxWiring.secrets(Secrets.fromEnvironment(Map.of()));
            err.println("sandbox: simulated Datadog " + sandbox.datadogUrl() + ", Sentry " + sandbox.sentryUrl()
                    + ", X-Ray " + sandbox.xrayUrl() + " — services: " + String.join(", ", config.catalog().names()));
            return investigateWith(config, secrets, Optional.of(SandboxWiring.AWS_KEYS), args, options);
        } catch (IOException e) {
            err.println("could not start the sandbox: " + e.getMessage());
            return FAILED;
        }
    }

    private int investigate(List<String> rest, Options options) {
        AppConfig config = new CatalogLoader().load(configPath(), env);
        return investigateWith(config, Secrets.fromEnvironment(env), Optional.empty(), rest, options);
    }

    private int investigateWith(AppConfig config, Secrets secrets, Optional<XRayConnection.StaticKeys> keys,
            List<String> args, Options options) {
        Messages messages = Messages.load(Language.parse(options.language == null ? config.locale() : options.language));
        try (Application app = Application.create(config, secrets, clock, keys)) {
            Command command;
            try {
                command = app.parser().parse(String.join(" ", args));
            } catch (UserFacingException e) {
                err.println(new UsageText(messages).problem(e));
                return USAGE;
            }
            if (command instanceof Command.Daily) {
                return digest(app, config, messages, options);
            }
            if (!(command instanceof Command.Investigate inv)) {
                out.println(new UsageText(messages).help(config.catalog().names()));
                return OK;
            }
            InvestigationQuery query = new InvestigationQuery(newId(), inv.service(), inv.window(), Origin.COMMAND_LINE);
            Investigation result = app.investigator().investigate(query)
                    .get(config.investigationDeadline().toMillis() + 5_000, TimeUnit.MILLISECONDS);
            if (options.format.equals("blocks")) {
                SlackThread thread = new dev.investigator.render.BlockKitRenderer(messages, config.zone()).render(result);
                out.println(BlocksJson.of(thread));
            } else {
                out.println(new dev.investigator.render.TerminalRenderer(messages, config.zone(), options.color && System.console() != null)
                        .render(result));
            }
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (ExecutionException | TimeoutException e) {
            err.println("investigation failed: " + e);
            return FAILED;
        }
    }

    /** {@code demo daily} / {@code investigate daily}: the daily check's digest of every service, last 24 hours. */
    private int digest(Application app, AppConfig config, Messages messages, Options options)
            throws InterruptedException, ExecutionException, TimeoutException {
        DigestQuery query = DigestQuery.everyService(newId(), config.catalog(),
                TimeWindow.ending(clock.instant(), java.time.Duration.ofHours(24)));
        DailyDigest digest = app.digests().collect(query)
                .get(config.investigationDeadline().multipliedBy(2).toMillis() + 5_000, TimeUnit.MILLISECONDS);
        if (options.format.equals("blocks")) {
            java.time.LocalDate today = clock.instant().atZone(config.zone()).toLocalDate();
            out.println(new dev.investigator.render.DailyPromptRenderer(messages, config.zone())
                    .prompt(digest, dev.investigator.render.DailyPromptView.onDemand(today, "U0CLI")).blocksJson());
        } else {
            out.println(new dev.investigator.render.DigestTerminalRenderer(messages, config.zone(),
                    options.color && System.console() != null).render(digest));
        }
        return OK;
    }

    /**
     * The Slack app: connects over Socket Mode and serves until SIGTERM/SIGINT, then stops gracefully.
     * {@code run --sandbox} answers from the embedded sandbox instead of real vendor APIs (try the Slack app
     * without Datadog, Sentry or AWS accounts).
     */
    private int runSlack(List<String> rest) throws IOException, InterruptedException {
        boolean sandboxed = rest.contains("--sandbox");
        Sandbox sandbox = sandboxed ? Sandbox.start(clock, SandboxLatency.none()) : null;
        AppConfig config;
        Secrets secrets = Secrets.fromEnvironment(env);
        Optional<XRayConnection.StaticKeys> keys = Optional.empty();
        if (sandbox != null) {
            config = SandboxWiring.config(sandbox, env);
            secrets = SandboxWiring.secrets(secrets);
            keys = Optional.of(SandboxWiring.AWS_KEYS);
        } else {
            config = new CatalogLoader().load(configPath(), env);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        InvestigatorMetrics metrics = InvestigatorMetrics.create();
        Optional<java.net.InetSocketAddress> opsAddress = OpsServer.address(env);
        try (Application app = Application.create(config, secrets, clock, keys);
             SlackBot bot = SlackBot.create(config, secrets, new SlackBot.Engine(app.investigator(), app.digests(), app.dailyCheck()),
                     app.messages(), clock, new MetricsObserver(metrics))) {
            metrics.inFlight(bot::inFlight);
            OpsServer ops = opsAddress.map(a -> OpsServer.start(a, metrics,
                    () -> new Health(bot.connected(), bot.shuttingDown(), bot.inFlight()))).orElse(null);
            if (ops != null) {
                err.println("health and metrics on port " + ops.port() + " (/healthz, /readyz, /metrics)");
            }
            try {
                bot.start();
            } catch (SlackStartupException e) {
                err.println("Slack: " + e.getMessage());
                return SLACK;
            } catch (Exception e) {
                err.println("Slack: could not connect: " + e);
                return SLACK;
            }
            err.println("connected to Slack over Socket Mode; " + config.catalog().names().size() + " services"
                    + (sandbox != null ? " (answering from the sandbox)" : "") + "; Ctrl-C to stop");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                bot.close(); // stop taking work; let running investigations post (or mark them interrupted)
                app.close();
                if (ops != null) {
                    ops.close();
                }
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return OK;
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private int showConfig() {
        AppConfig config = new CatalogLoader().load(configPath(), env);
        out.println(config.describe());
        out.println("  secrets " + Secrets.fromEnvironment(env));
        return OK;
    }

    private int help() {
        out.println("""
                Investigator — the first ten minutes of an incident investigation.

                usage:
                  investigator demo [service] [window]         the embedded sandbox: simulated Datadog, Sentry
                                                               and X-Ray with scripted incidents; no accounts
                                                               (services: checkout, search, catalog, payment, inventory)
                  investigator demo daily                      the daily check's digest of every sandbox service
                  investigator investigate daily               the same against real APIs
                  investigator investigate <service> [window]  real APIs; INVESTIGATOR_CONFIG and credentials from env
                  investigator run [--sandbox]                 the Slack app over Socket Mode (SLACK_BOT_TOKEN, SLACK_APP_TOKEN);
                                                               --sandbox answers from the simulated vendor APIs
                  investigator config                          print the loaded configuration (secrets redacted)
                  investigator bench [options]                 the whole app against a local fake Slack and simulated
                                                               vendor APIs: start-up, ack latency, wall time vs the
                                                               slowest source, API calls, memory (bench --help)

                window: 15m, 30m, 2h, 1d (default 30m, 1m to 7d), 14:00-14:30, or 2026-11-20 14:00-15:10 (team's zone)
                options: --lang en|ja   --format text|blocks   --no-color
                """);
        return OK;
    }

    private Optional<Path> configPath() {
        String path = env.get("INVESTIGATOR_CONFIG");
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    private String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static final class Options {
        String language;
        String format = "text";
        boolean color = true;
    }
}
