package dev.investigator.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.investigator.config.AppConfig;
import dev.investigator.config.CatalogLoader;
import dev.investigator.investigation.ChangePointDetector;
import dev.investigator.investigation.Correlator;
import dev.investigator.investigation.Deadline;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.investigation.Investigator;
import dev.investigator.model.Evidence;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.Origin;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.TraceStats;
import dev.investigator.render.BlockKitRenderer;
import dev.investigator.render.Language;
import dev.investigator.render.Messages;
import dev.investigator.sandbox.slack.ApiCall;
import dev.investigator.sandbox.slack.FakeSlack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown through the real publisher against the fake Slack: a run that can finish within the grace
 * posts its verdict; one that cannot is marked interrupted exactly once, so nobody waits on a placeholder.
 */
class SlackShutdownTest {

    private static final String CHANNEL = "C0INCIDENT";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Clock clock = Clock.systemUTC();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch sourceStarted = new CountDownLatch(1);
    private FakeSlack slack;
    private Slack client;
    private ExecutorService sourcePool;
    private SlackInvestigations investigations;
    private ThreadPoolExecutor workers;
    private AppConfig config;

    /** A source that answers only when the test releases it, as a slow vendor would. */
    private final EvidenceSource gated = new EvidenceSource() {
        @Override
        public SourceKind kind() {
            return SourceKind.XRAY;
        }

        @Override
        public SourceReport collect(InvestigationQuery query, Deadline deadline) {
            sourceStarted.countDown();
            try {
                release.await(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SourceReport.found(SourceKind.XRAY, new Evidence.Traces(new TraceStats(0, 0, 0, 0, 0, false, Optional.empty(),
                    List.of(), List.of(), List.of(), List.of())), Duration.ZERO, 1, "");
        }
    };

    @BeforeEach
    void start() {
        slack = FakeSlack.start().channel(CHANNEL, false);
        config = new CatalogLoader().loadResource("/sandbox/investigator.yml", Map.of("SLACK_API_URL", slack.apiUrl()));
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
        client = Slack.getInstance(slackConfig);
        sourcePool = Executors.newCachedThreadPool();
        Investigator investigator = new Investigator(List.of(gated), new Correlator(new ChangePointDetector()), sourcePool,
                clock, Duration.ofSeconds(30), Duration.ofSeconds(30));
        Messages messages = Messages.load(Language.EN);
        SlackTexts texts = new SlackTexts(messages);
        SlackGateway gateway = new SlackGateway(client, client.methods(FakeSlack.BOT_TOKEN), (m, o) -> { }, ChannelPacer.slack());
        workers = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
        investigations = new SlackInvestigations(investigator,
                new ReportPublisher(gateway, new BlockKitRenderer(messages, config.zone()), texts),
                gateway, texts, workers, new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4)),
                Duration.ofSeconds(30), result -> { });
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        sourcePool.shutdownNow();
        client.close();
        slack.close();
    }

    private void submitCheckout() throws InterruptedException {
        InvestigationQuery query = new InvestigationQuery("shutdown-1", config.catalog().find("checkout").orElseThrow(),
                TimeWindow.ending(Instant.now(), Duration.ofMinutes(30)), Origin.SLASH_COMMAND);
        assertThat(investigations.submit(new SlackInvestigations.Request(query, CHANNEL, Optional.empty(), "U0SRE", "")))
                .isTrue();
        slack.awaitCall("chat.postMessage", c -> true, WAIT);
        assertThat(sourceStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
    }

    @Test
    void anInvestigationThatFinishesWithinTheGraceIsPostedBeforeShutdownReturns() throws Exception {
        submitCheckout();
        Thread releaser = new Thread(() -> {
            // the vendor answers only once shutdown has begun, so the verdict is posted during the grace period
            long until = System.nanoTime() + WAIT.toNanos();
            while (!workers.isShutdown() && System.nanoTime() < until) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            release.countDown();
        });
        releaser.start();

        investigations.shutdown(Duration.ofSeconds(20));

        List<ApiCall> updates = slack.calls("chat.update");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).param("text")).doesNotContain("Interrupted").contains("checkout");
        assertThat(investigations.inFlight()).isZero();
        releaser.join();
    }

    @Test
    void anInvestigationCutShortIsMarkedInterruptedExactlyOnce() throws Exception {
        submitCheckout();

        investigations.shutdown(Duration.ofMillis(200));

        List<ApiCall> updates = slack.calls("chat.update");
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).param("text")).contains("Interrupted by a restart");
        assertThat(investigations.submit(new SlackInvestigations.Request(null, CHANNEL, Optional.empty(), "U0SRE", "")))
                .as("no work is taken after shutdown").isFalse();
    }
}
