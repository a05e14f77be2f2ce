package dev.investigator.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.investigator.app.Application;
import dev.investigator.config.AppConfig;
import dev.investigator.config.CatalogLoader;
import dev.investigator.config.RotationSettingsReader;
import dev.investigator.config.Secrets;
import dev.investigator.render.Language;
import dev.investigator.render.Messages;
import dev.investigator.sandbox.Sandbox;
import dev.investigator.sandbox.SandboxLatency;
import dev.investigator.sandbox.slack.Ack;
import dev.investigator.sandbox.slack.ApiCall;
import dev.investigator.sandbox.slack.BlockAction;
import dev.investigator.sandbox.slack.FakeSlack;
import dev.investigator.sandbox.slack.SlashCommand;
import dev.investigator.source.xray.XRayConnection;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The morning prompt end to end: the real Bolt app against the fake Slack, the digest from the real vendor
 * clients against the sandbox, the rotation's state in a file — and a clock the test moves.
 */
class DailyCheckEndToEndTest {

    private static final String DAILY = "C0DAILY001";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Friday 2026-11-20, a minute before the prompt; the round robin from Mon 11/02 (11/03 a holiday) gives Bob. */
    private static final Instant BEFORE_TEN = ZonedDateTime.of(2026, 11, 20, 9, 59, 0, 0, TOKYO).toInstant();

    @TempDir
    Path data;

    private final MovableClock clock = new MovableClock(BEFORE_TEN);
    private FakeSlack slack;
    private Sandbox sandbox;
    private AppConfig config;
    private Secrets secrets;
    private Application app;
    private SlackBot bot;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlack.start().channel(DAILY, false);
        sandbox = Sandbox.start(Clock.systemUTC(), new SandboxLatency(Duration.ZERO, Duration.ZERO, Duration.ZERO));
        AppConfig base = new CatalogLoader().loadResource("/sandbox/investigator.yml", Map.of(
                "DD_SITE", sandbox.datadogUrl().toString(),
                "SENTRY_URL", sandbox.sentryUrl().toString(),
                "AWS_ENDPOINT_URL_XRAY", sandbox.xrayUrl().toString(),
                "SLACK_API_URL", slack.apiUrl()));
        JsonNode rotation = new ObjectMapper(new YAMLFactory()).readTree("""
                members: [U0ALICE01, U0BOB0001, U0CAROL01]
                start_date: 2026-11-02
                channel: C0DAILY001
                remind_after: 60m
                escalate_after: 120m
                backup: S0SRE0001
                data_dir: %s
                """.formatted(data.toString()));
        config = base.withRotation(RotationSettingsReader.read(rotation, Map.of(), "test"));
        secrets = new Secrets(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN, "e2e-datadog-api-key", "e2e-datadog-app-key", "e2e-sentry-token");
        boot();
    }

    private void boot() throws Exception {
        app = Application.create(config, secrets, clock, Optional.of(new XRayConnection.StaticKeys("E2EACCESSKEY", "e2e-secret")));
        bot = SlackBot.create(config, secrets, new SlackBot.Engine(app.investigator(), app.digests(), app.dailyCheck()),
                Messages.load(Language.EN), clock, SlackObserver.NONE);
        int before = slack.connections();
        bot.start();
        slack.awaitConnections(before + 1, WAIT);
    }

    private void shutDown() {
        bot.close();
        app.close();
    }

    @AfterEach
    void stop() {
        shutDown();
        sandbox.close();
        slack.close();
    }

    /** Top-level messages in the rotation channel. */
    private List<JsonNode> prompts() {
        return slack.messages(DAILY).stream().filter(m -> !m.has("thread_ts")).toList();
    }

    private List<ApiCall> threadPosts(String ts) {
        return slack.calls("chat.postMessage").stream().filter(c -> ts.equals(c.param("thread_ts"))).toList();
    }

    @Test
    void thePromptMentionsTodaysOwnerAndItsButtonsRemindersAndARestartBehave() throws Exception {
        bot.dailyTick();
        assertThat(prompts()).as("nothing before 10:00").isEmpty();

        clock.set(BEFORE_TEN.plusSeconds(90));
        bot.dailyTick();
        assertThat(prompts()).hasSize(1);
        JsonNode prompt = prompts().get(0);
        String ts = prompt.path("ts").asText();
        assertThat(prompt.path("text").asText()).contains("<@U0BOB0001>");
        assertThat(prompt.path("blocks").toString()).contains("is on duty today").contains("daily_checked").contains("daily_handoff")
                .contains("checkout");

        // Bob hands off: the prompt now names Carol, and Carol is mentioned in the thread (an edit notifies nobody)
        slack.awaitAck(slack.sendBlockAction(new BlockAction("daily_handoff", "{\"day\":\"2026-11-20\"}", DAILY, "U0BOB0001", ts, null)), WAIT);
        ApiCall handedOff = slack.awaitCall("chat.update", c -> ts.equals(c.param("ts")), WAIT);
        assertThat(handedOff.param("blocks")).contains("<@U0CAROL01>").contains("daily_checked");
        assertThat(slack.awaitCall("chat.postMessage", c -> ts.equals(c.param("thread_ts")), WAIT).param("text")).contains("<@U0CAROL01>");
        // a second press by Bob changes nothing and tells him why, privately
        slack.awaitAck(slack.sendBlockAction(new BlockAction("daily_handoff", "{\"day\":\"2026-11-20\"}", DAILY, "U0BOB0001", ts, null)), WAIT);
        assertThat(slack.awaitResponse(r -> r.json().contains("Only today"), WAIT).json()).contains("U0CAROL01");

        // an hour after Carol got it: a reminder in the thread; another hour: the backup group is asked
        clock.set(clock.instant().plus(Duration.ofMinutes(61)));
        bot.dailyTick();
        assertThat(threadPosts(ts)).hasSize(2);
        assertThat(threadPosts(ts).get(1).param("text")).contains("<@U0CAROL01>").contains("reminder");
        clock.set(clock.instant().plus(Duration.ofMinutes(61)));
        bot.dailyTick();
        assertThat(threadPosts(ts)).hasSize(3);
        assertThat(threadPosts(ts).get(2).param("text")).contains("<!subteam^S0SRE0001>");

        // Carol checks: recorded and shown, the Checked and Hand off buttons gone
        slack.awaitAck(slack.sendBlockAction(new BlockAction("daily_checked", "{\"day\":\"2026-11-20\"}", DAILY, "U0CAROL01", ts, null)), WAIT);
        ApiCall checked = slack.awaitCall("chat.update", c -> c.param("blocks").contains("Checked by"), WAIT);
        assertThat(checked.param("blocks")).contains("<@U0CAROL01>").doesNotContain("daily_checked").doesNotContain("daily_handoff");

        // a restart the same day posts nothing again: the state is in the data directory
        shutDown();
        int posts = slack.calls("chat.postMessage").size();
        clock.set(clock.instant().plus(Duration.ofMinutes(5)));
        boot();
        bot.dailyTick();
        assertThat(prompts()).hasSize(1);
        assertThat(slack.calls("chat.postMessage")).hasSize(posts);
    }

    @Test
    void aSwapTypedInSlackIsAnnouncedAndTodaysPromptFollowsIt() {
        Ack ack = slack.awaitAck(slack.sendSlashCommand(new SlashCommand("/investigate", "rotation swap <@U0CAROL01|carol>",
                DAILY, "daily", "U0BOB0001", "bob")), WAIT);
        assertThat(ack.payloadJson()).contains("swapped days").contains("U0CAROL01");
        ApiCall announced = slack.awaitCall("chat.postMessage", c -> c.param("text").contains("swapped"), WAIT);
        assertThat(announced.param("channel")).isEqualTo(DAILY);
        assertThat(announced.param("text")).contains("<@U0BOB0001>").contains("<@U0CAROL01>");

        Ack refused = slack.awaitAck(slack.sendSlashCommand(new SlashCommand("/investigate", "rotation swap <@U0BOB0001|bob> 2026-11-01",
                DAILY, "daily", "U0ALICE01", "alice")), WAIT);
        assertThat(refused.payloadJson()).contains("is over");

        clock.set(BEFORE_TEN.plusSeconds(90));
        bot.dailyTick();
        assertThat(prompts()).filteredOn(m -> m.path("text").asText().contains("Daily check")).singleElement()
                .satisfies(m -> assertThat(m.path("text").asText()).contains("<@U0CAROL01>").doesNotContain("U0BOB0001"));
    }

    /** A clock the test moves forward by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
