package dev.investigator.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.app.Application;
import dev.investigator.config.AppConfig;
import dev.investigator.config.CatalogLoader;
import dev.investigator.config.Secrets;
import dev.investigator.config.SlackSettings;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Bolt app over Socket Mode against a local fake Slack (Web API + WebSocket), with the real vendor
 * clients against the sandbox's simulated APIs, each answering after {@link #VENDOR_LATENCY}.
 */
class SlackEndToEndTest {

    private static final Duration VENDOR_LATENCY = Duration.ofMillis(700);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHANNEL = "C0INCIDENT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock = Clock.systemUTC();
    private FakeSlack slack;
    private Sandbox sandbox;
    private Application app;
    private SlackBot bot;
    private AppConfig config;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlack.start().channel(CHANNEL, false);
        sandbox = Sandbox.start(clock, new SandboxLatency(VENDOR_LATENCY, VENDOR_LATENCY, VENDOR_LATENCY));
        config = new CatalogLoader().loadResource("/sandbox/investigator.yml", Map.of(
                "DD_SITE", sandbox.datadogUrl().toString(),
                "SENTRY_URL", sandbox.sentryUrl().toString(),
                "AWS_ENDPOINT_URL_XRAY", sandbox.xrayUrl().toString(),
                "SLACK_API_URL", slack.apiUrl()));
        app = Application.create(config, secrets(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN), clock,
                Optional.of(new XRayConnection.StaticKeys("E2EACCESSKEY", "e2e-secret")));
        bot = SlackBot.create(config, secrets(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN), app.investigator(),
                Messages.load(Language.EN), clock, SlackObserver.NONE);
        bot.start();
        slack.awaitConnections(1, WAIT);
    }

    @AfterEach
    void stop() {
        if (bot != null) {
            bot.close();
        }
        app.close();
        sandbox.close();
        slack.close();
    }

    private static Secrets secrets(String bot, String appToken) {
        return new Secrets(bot, appToken, "e2e-datadog-api-key", "e2e-datadog-app-key", "e2e-sentry-token");
    }

    private String command(String text, String channel) {
        return slack.sendSlashCommand(new SlashCommand("/investigate", text, channel, "incident", "U0SRE", "sre"));
    }

    /** Top-level messages (thread heads) the bot posted. */
    private List<ApiCall> heads() {
        return slack.calls("chat.postMessage").stream().filter(c -> c.param("thread_ts") == null).toList();
    }

    @Test
    void theCommandIsAckedAtOnceAndTheReportIsOneThread() throws Exception {
        String envelope = command("checkout 30m", CHANNEL);
        Ack ack = slack.awaitAck(envelope, WAIT);
        // acknowledged before any simulated vendor could have answered
        assertThat(ack.latency()).isLessThan(VENDOR_LATENCY);
        assertThat(ack.payloadJson()).contains("checkout");

        ApiCall update = slack.awaitCall("chat.update", c -> true, WAIT);
        List<ApiCall> posts = slack.awaitCalls("chat.postMessage", 4, WAIT);
        String head = posts.get(0).param("ts") != null ? posts.get(0).param("ts") : update.param("ts");
        assertThat(heads()).hasSize(1);
        assertThat(update.param("ts")).isEqualTo(head);
        assertThat(update.param("text")).contains("Incident").contains("payment-gateway");
        assertThat(posts.subList(1, 4)).extracting(c -> c.param("thread_ts")).containsOnly(head);
        assertThat(posts).extracting(c -> c.param("channel")).containsOnly(CHANNEL);
        assertThat(posts).extracting(ApiCall::token).containsOnly(FakeSlack.BOT_TOKEN);
    }

    @Test
    void aRedeliveredCommandIsNotRunTwiceAndTheRerunButtonAnswersInTheSameThread() throws Exception {
        String envelope = command("checkout 30m", CHANNEL);
        slack.awaitAck(envelope, WAIT);
        slack.redeliver(envelope);
        slack.awaitAcks(envelope, 2, WAIT);
        ApiCall update = slack.awaitCall("chat.update", c -> true, WAIT);
        slack.awaitCalls("chat.postMessage", 4, WAIT);
        String head = update.param("ts");

        String value = buttonValue(update.param("blocks"), "investigate_rerun_wider");
        JsonNode window = JSON.readTree(value);
        assertThat(window.path("service").asText()).isEqualTo("checkout");
        slack.awaitAck(slack.sendBlockAction(new BlockAction("investigate_rerun_wider", value, CHANNEL, "U0SRE", head, null)), WAIT);

        List<ApiCall> posts = slack.awaitCalls("chat.postMessage", 8, WAIT);
        slack.awaitCalls("chat.update", 2, WAIT);
        assertThat(heads()).as("one thread head, the redelivery and the re-run added none").hasSize(1);
        assertThat(posts.subList(1, 8)).extracting(c -> c.param("thread_ts")).containsOnly(head);
    }

    @Test
    void badInputAndHelpAnswerPrivatelyAndPostNothing() {
        Ack typo = slack.awaitAck(command("chekout 30m", CHANNEL), WAIT);
        assertThat(typo.payloadJson()).contains("chekout").contains("Did you mean checkout");
        Ack help = slack.awaitAck(command("help", CHANNEL), WAIT);
        assertThat(help.payloadJson()).contains("Usage").contains("checkout");
        Ack longWindow = slack.awaitAck(command("checkout 9d", CHANNEL), WAIT);
        assertThat(longWindow.payloadJson()).contains("too long");
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void whenTheBotIsNotInTheChannelTheUserIsToldHowToInviteIt() {
        slack.botNotIn("C0NOTJOINED");
        slack.awaitAck(command("search 30m", "C0NOTJOINED"), WAIT);
        assertThat(slack.awaitResponse(r -> r.json().contains("/invite"), WAIT).json()).contains("@investigator");
        assertThat(slack.calls("chat.update")).isEmpty();
    }

    @Test
    void aDisconnectMidRunLosesNothing() {
        String first = command("checkout 30m", CHANNEL);
        slack.awaitAck(first, WAIT);
        int before = slack.connections();
        slack.sendDisconnect("refresh_requested");
        String second = command("search 30m", CHANNEL); // sent while the client reconnects
        slack.awaitConnections(before + 1, WAIT);
        slack.awaitAck(second, WAIT);
        List<ApiCall> updates = slack.awaitCalls("chat.update", 2, WAIT);
        assertThat(updates).extracting(c -> c.param("text")).anySatisfy(t -> assertThat(t).contains("checkout"))
                .anySatisfy(t -> assertThat(t).contains("search"));
        slack.awaitCalls("chat.postMessage", 8, WAIT);
        assertThat(heads()).hasSize(2);
    }

    @Test
    void refusedChannelsAndUsersAreToldWhyPrivatelyAndNothingIsPosted() throws Exception {
        bot.close();
        slack.userGroup("S0ONCALL01", "U0ONCALL");
        AppConfig restricted = config.withSlack(new SlackSettings(slack.apiUrl(), List.of(CHANNEL), List.of("S0ONCALL01"), 2));
        bot = SlackBot.create(restricted, secrets(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN), app.investigator(),
                Messages.load(Language.EN), clock, SlackObserver.NONE);
        int before = slack.connections();
        bot.start();
        slack.awaitConnections(before + 1, WAIT);

        Ack elsewhere = slack.awaitAck(slack.sendSlashCommand(
                new SlashCommand("/investigate", "checkout 30m", "C0RANDOM01", "random", "U0ONCALL", "oncall")), WAIT);
        assertThat(elsewhere.payloadJson()).contains("not enabled in this channel").contains("<#" + CHANNEL + ">");
        Ack outsider = slack.awaitAck(slack.sendSlashCommand(
                new SlashCommand("/investigate", "checkout 30m", CHANNEL, "incident", "U0VISITOR", "visitor")), WAIT);
        assertThat(outsider.payloadJson()).contains("limited to members of").contains("S0ONCALL01");
        assertThat(slack.calls("chat.postMessage")).as("a refusal posts nothing in any channel").isEmpty();

        slack.awaitAck(slack.sendSlashCommand(
                new SlashCommand("/investigate", "checkout 30m", CHANNEL, "incident", "U0ONCALL", "oncall")), WAIT);
        assertThat(slack.awaitCall("chat.update", c -> true, WAIT).param("text")).contains("checkout");
        assertThat(heads()).extracting(c -> c.param("channel")).containsOnly(CHANNEL);
    }

    @Test
    void rateLimitedRepliesWaitForRetryAfterAndStayInOrder() {
        slack.rateLimit("chat.postMessage", 2, 1);
        slack.awaitAck(command("checkout 30m", CHANNEL), WAIT);
        slack.awaitCall("chat.update", c -> true, WAIT);
        // the fake records every attempt: the head was refused twice (429) and retried, then the replies
        List<ApiCall> posts = slack.awaitCalls("chat.postMessage", 6, WAIT);
        assertThat(heads()).hasSize(3).extracting(c -> c.param("text")).containsOnly(heads().get(0).param("text"));
        assertThat(Duration.ofNanos(posts.get(2).nanoTime() - posts.get(0).nanoTime()))
                .as("two Retry-After: 1 waits").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        // replies arrive Datadog, Sentry, X-Ray: the order the renderer made them in
        assertThat(posts.subList(3, 6)).extracting(c -> c.param("text"))
                .satisfiesExactly(t -> assertThat(t).contains("Datadog"), t -> assertThat(t).contains("Sentry"),
                        t -> assertThat(t).contains("X-Ray"));
    }

    @Test
    void wrongTokensStopStartUpNamingTheToken() {
        SlackBot badBot = SlackBot.create(config, secrets("xoxb-not-a-valid-token-1", FakeSlack.APP_TOKEN), app.investigator(),
                Messages.load(Language.EN), clock, SlackObserver.NONE);
        assertThatThrownBy(badBot::start).isInstanceOf(SlackStartupException.class)
                .hasMessageContaining("SLACK_BOT_TOKEN was rejected").hasMessageNotContaining("not-a-valid");
        SlackBot badApp = SlackBot.create(config, secrets(FakeSlack.BOT_TOKEN, "xapp-not-a-valid-token-1"), app.investigator(),
                Messages.load(Language.EN), clock, SlackObserver.NONE);
        assertThatThrownBy(badApp::start).isInstanceOf(SlackStartupException.class)
                .hasMessageContaining("SLACK_APP_TOKEN was rejected");
        SlackBot swapped = SlackBot.create(config, secrets(FakeSlack.APP_TOKEN, FakeSlack.BOT_TOKEN), app.investigator(),
                Messages.load(Language.EN), clock, SlackObserver.NONE);
        assertThatThrownBy(swapped::start).isInstanceOf(SlackStartupException.class)
                .hasMessageContaining("SLACK_BOT_TOKEN must be a bot token");
    }

    private static String buttonValue(String blocksJson, String actionId) throws Exception {
        for (JsonNode block : JSON.readTree(blocksJson)) {
            for (JsonNode element : block.path("elements")) {
                if (actionId.equals(element.path("action_id").asText())) {
                    return element.path("value").asText();
                }
            }
        }
        throw new AssertionError("no button " + actionId + " in " + blocksJson);
    }
}
