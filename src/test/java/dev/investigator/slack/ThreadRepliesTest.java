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
import dev.investigator.model.Investigation;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A thread's replies wait for their channel's pace on a pool of their own: the worker that showed the verdict is
 * free for the next investigation at once, and a thread counts as complete only once its replies are posted.
 * Real publisher and gateway against the fake Slack.
 */
class ThreadRepliesTest {

    private static final String FIRST = "C0FIRST";
    private static final String SECOND = "C0SECOND";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Clock clock = Clock.systemUTC();
    private final BlockingQueue<Integer> postsWhenFinished = new LinkedBlockingQueue<>();
    private FakeSlack slack;
    private Slack client;
    private ExecutorService sourcePool;
    private AppConfig config;
    private SlackInvestigations investigations;

    /** A source that answers at once with an empty trace summary: one reply under each verdict. */
    private final EvidenceSource quick = new EvidenceSource() {
        @Override
        public SourceKind kind() {
            return SourceKind.XRAY;
        }

        @Override
        public SourceReport collect(InvestigationQuery query, Deadline deadline) {
            return SourceReport.found(SourceKind.XRAY, new Evidence.Traces(new TraceStats(0, 0, 0, 0, 0, false, Optional.empty(),
                    List.of(), List.of(), List.of(), List.of())), Duration.ZERO, 1, "");
        }
    };

    @BeforeEach
    void start() {
        slack = FakeSlack.start().channel(FIRST, false).channel(SECOND, false);
        config = new CatalogLoader().loadResource("/sandbox/investigator.yml", Map.of("SLACK_API_URL", slack.apiUrl()));
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(slack.apiUrl());
        client = Slack.getInstance(slackConfig);
        sourcePool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() throws Exception {
        if (investigations != null) {
            investigations.shutdown(Duration.ofMillis(100));
        }
        sourcePool.shutdownNow();
        client.close();
        slack.close();
    }

    private SlackInvestigations investigations(ChannelPacer pacer, ThreadPoolExecutor replies) {
        Investigator investigator = new Investigator(List.of(quick), new Correlator(new ChangePointDetector()), sourcePool,
                clock, Duration.ofSeconds(30), Duration.ofSeconds(30));
        Messages messages = Messages.load(Language.EN);
        SlackTexts texts = new SlackTexts(messages);
        SlackGateway gateway = new SlackGateway(client, client.methods(FakeSlack.BOT_TOKEN), (m, o) -> { }, pacer);
        // one worker: the second investigation runs only once the first has let it go
        ThreadPoolExecutor workers = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
        Consumer<Investigation> finished = result -> postsWhenFinished.add(slack.calls("chat.postMessage").size());
        investigations = new SlackInvestigations(investigator, new ReportPublisher(gateway, new BlockKitRenderer(messages, config.zone()), texts),
                gateway, texts, workers, replies, Duration.ofSeconds(30), finished);
        return investigations;
    }

    private static ThreadPoolExecutor replyPool() {
        return new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4));
    }

    private void submit(String id, String channel) {
        InvestigationQuery query = new InvestigationQuery(id, config.catalog().find("checkout").orElseThrow(),
                TimeWindow.ending(Instant.now(), Duration.ofMinutes(30)), Origin.SLASH_COMMAND);
        assertThat(investigations.submit(new SlackInvestigations.Request(query, channel, Optional.empty(), "U0SRE", ""))).isTrue();
    }

    @Test
    void theWorkerTakesTheNextInvestigationWhileThePreviousRepliesWaitForTheirChannel() throws Exception {
        // a pace so slow that no second post into a channel can happen during the test
        investigations(new ChannelPacer(Duration.ofMinutes(5)), replyPool());

        submit("first", FIRST);
        submit("second", SECOND);

        ApiCall secondVerdict = slack.awaitCall("chat.update", c -> SECOND.equals(c.param("channel")), WAIT);
        assertThat(secondVerdict.param("text")).doesNotContain("Interrupted");
        assertThat(slack.calls("chat.update")).as("both verdicts shown").hasSize(2);
        assertThat(slack.calls("chat.postMessage")).as("only the two heads: each reply waits for its channel's turn")
                .extracting(c -> c.param("channel")).containsExactlyInAnyOrder(FIRST, SECOND);
        assertThat(postsWhenFinished).as("no thread is complete while its reply waits").isEmpty();
    }

    @Test
    void aThreadIsCompleteOnlyOnceItsRepliesArePosted() throws Exception {
        investigations(new ChannelPacer(Duration.ZERO), replyPool());

        submit("only", FIRST);

        Integer posts = postsWhenFinished.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(posts).as("head and its one reply were posted when the thread was reported complete").isEqualTo(2);
        List<ApiCall> messages = slack.calls("chat.postMessage");
        assertThat(messages.get(1).param("thread_ts")).isEqualTo(slack.calls("chat.update").get(0).param("ts"));
    }

    @Test
    void whenTheReplyPoolRefusesTheWorkerPostsTheRepliesItself() throws Exception {
        ThreadPoolExecutor refusing = replyPool();
        refusing.shutdown();
        investigations(new ChannelPacer(Duration.ZERO), refusing);

        submit("only", FIRST);

        assertThat(postsWhenFinished.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(2);
    }

    @Test
    void shutdownDropsRepliesStillWaitingForTheirTurnButKeepsTheVerdicts() throws Exception {
        ThreadPoolExecutor replies = replyPool();
        SlackInvestigations running = investigations(new ChannelPacer(Duration.ofMinutes(5)), replies);
        submit("first", FIRST);
        slack.awaitCall("chat.update", c -> true, WAIT);

        long started = System.nanoTime();
        running.shutdown(Duration.ofMillis(300));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a reply waiting 5 minutes does not hold shutdown")
                .isLessThan(Duration.ofSeconds(10));
        assertThat(replies.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(slack.calls("chat.update")).singleElement()
                .satisfies(update -> assertThat(update.param("text")).doesNotContain("Interrupted"));
        assertThat(slack.calls("chat.postMessage")).hasSize(1);
        assertThat(postsWhenFinished).isEmpty();
    }
}
