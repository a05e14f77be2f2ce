package dev.investigator.app;

import dev.investigator.digest.DigestCollector;
import dev.investigator.digest.DigestRules;
import dev.investigator.rotation.DailyCheck;
import dev.investigator.rotation.JapaneseHolidays;
import dev.investigator.rotation.RotationSchedule;
import dev.investigator.rotation.RotationStore;
import dev.investigator.source.datadog.DatadogDigestSource;
import dev.investigator.source.sentry.SentryDigestSource;
import dev.investigator.source.xray.XRayDigestSource;
import dev.investigator.config.AppConfig;
import dev.investigator.config.Secrets;
import dev.investigator.investigation.ChangePointDetector;
import dev.investigator.investigation.Correlator;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.investigation.Investigator;
import dev.investigator.investigation.QueryParser;
import dev.investigator.render.BlockKitRenderer;
import dev.investigator.render.Language;
import dev.investigator.render.Messages;
import dev.investigator.render.TerminalRenderer;
import dev.investigator.source.Retries;
import dev.investigator.source.datadog.DatadogConnection;
import dev.investigator.source.datadog.DatadogSource;
import dev.investigator.source.sentry.SentryConnection;
import dev.investigator.source.sentry.SentrySource;
import dev.investigator.source.xray.XRayClients;
import dev.investigator.source.xray.XRayConnection;
import dev.investigator.source.xray.XRaySource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.xray.XRayClient;

/**
 * The wiring: configuration and secrets in, a ready investigator, parser and renderers out. The only place
 * that knows every package; it owns the threads and clients it creates and closes them.
 */
public final class Application implements AutoCloseable {

    /** Source calls block on HTTP; three per investigation, a few investigations at once. */
    private static final int SOURCE_THREADS = 24;
    private static final int SOURCE_QUEUE = 512;
    /** Requests a source runs beside its main chain: X-Ray's service graph and its older time slices (two or three per investigation). */
    private static final int SUB_REQUEST_THREADS = 24;

    private final AppConfig config;
    private final Clock clock;
    private final ThreadPoolExecutor sourceExecutor;
    private final XRayClient xrayClient;
    private final ExecutorService subRequests;
    private final DatadogSource datadog;
    private final DatadogDigestSource datadogDigest;
    private final Investigator investigator;
    private final DigestCollector digests;
    private final Optional<DailyCheck> dailyCheck;
    private final Messages messages;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Application(AppConfig config, Clock clock, ThreadPoolExecutor sourceExecutor, XRayClient xrayClient,
            ExecutorService subRequests, DatadogSource datadog, DatadogDigestSource datadogDigest, Investigator investigator,
            DigestCollector digests, Optional<DailyCheck> dailyCheck, Messages messages) {
        this.config = config;
        this.clock = clock;
        this.sourceExecutor = sourceExecutor;
        this.xrayClient = xrayClient;
        this.subRequests = subRequests;
        this.datadog = datadog;
        this.datadogDigest = datadogDigest;
        this.investigator = investigator;
        this.digests = digests;
        this.dailyCheck = dailyCheck;
        this.messages = messages;
    }

    /**
     * @param awsKeys static AWS keys (the sandbox); empty to use the standard AWS credential chain
     */
    public static Application create(AppConfig config, Secrets secrets, Clock clock, Optional<XRayConnection.StaticKeys> awsKeys) {
        Retries retries = Retries.standard();
        var timeout = config.sourceDeadline();
        DatadogConnection datadogConnection = new DatadogConnection(config.datadogSite(), secrets.datadogApiKey(),
                secrets.datadogAppKey(), timeout);
        DatadogSource datadog = new DatadogSource(datadogConnection, clock, retries);
        SentryConnection sentryConnection = new SentryConnection(config.sentryUrl(), config.sentryOrganization(),
                secrets.sentryAuthToken(), timeout);
        EvidenceSource sentry = new SentrySource(sentryConnection, clock, retries);
        XRayClient xrayClient = XRayClients.create(new XRayConnection(config.xrayRegion(), config.xrayEndpoint(), awsKeys, timeout));
        ExecutorService subRequests = Executors.newFixedThreadPool(SUB_REQUEST_THREADS, daemonThreads("xray-graph-"));
        EvidenceSource xray = new XRaySource(xrayClient, config.xrayRegion(), clock, retries, XRaySource.DEFAULT_MAX_PAGES, subRequests);

        ThreadPoolExecutor executor = new ThreadPoolExecutor(SOURCE_THREADS, SOURCE_THREADS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(SOURCE_QUEUE), daemonThreads("source-"), new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        // The investigation id (MDC) follows the work onto the source threads, so every log line carries it.
        Investigator investigator = new Investigator(List.of(datadog, sentry, xray), new Correlator(new ChangePointDetector()),
                dev.investigator.ops.LogContext.propagating((java.util.concurrent.Executor) executor), clock, config.sourceDeadline(), config.investigationDeadline());
        // The daily digest asks every service at once over eight days, so its sources get twice the time.
        DatadogDigestSource datadogDigest = new DatadogDigestSource(datadogConnection, clock, retries);
        DigestCollector digests = new DigestCollector(
                List.of(datadogDigest, new SentryDigestSource(sentryConnection, clock, retries), new XRayDigestSource(xrayClient, clock, retries)),
                new DigestRules(), dev.investigator.ops.LogContext.propagating((java.util.concurrent.Executor) executor), clock,
                config.sourceDeadline().multipliedBy(2), config.investigationDeadline().multipliedBy(2));
        Optional<DailyCheck> dailyCheck = config.rotation().map(r -> new DailyCheck(
                new RotationSchedule(r, JapaneseHolidays.load()), RotationStore.open(r.dataDir()), clock));
        return new Application(config, clock, executor, xrayClient, subRequests, datadog, datadogDigest, investigator, digests,
                dailyCheck, Messages.load(Language.parse(config.locale())));
    }

    public AppConfig config() {
        return config;
    }

    public Investigator investigator() {
        return investigator;
    }

    public DigestCollector digests() {
        return digests;
    }

    /** The rotation's daily check, when the config has a rotation. */
    public Optional<DailyCheck> dailyCheck() {
        return dailyCheck;
    }

    public QueryParser parser() {
        return new QueryParser(config.catalog(), config.zone(), clock, config.defaultWindow());
    }

    public Messages messages() {
        return messages;
    }

    public BlockKitRenderer blockKit() {
        return new BlockKitRenderer(messages, config.zone());
    }

    public TerminalRenderer terminal(boolean ansiColor) {
        return new TerminalRenderer(messages, config.zone(), ansiColor);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sourceExecutor.shutdown();
        try {
            if (!sourceExecutor.awaitTermination(config.investigationDeadline().toMillis(), TimeUnit.MILLISECONDS)) {
                sourceExecutor.shutdownNow();
            }
        } catch (InterruptedException e) {
            sourceExecutor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        subRequests.shutdownNow();
        xrayClient.close();
        datadog.close();
        datadogDigest.close();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
