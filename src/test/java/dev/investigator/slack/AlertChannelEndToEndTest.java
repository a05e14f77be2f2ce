package dev.investigator.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.investigator.app.Application;
import dev.investigator.config.AlertSettingsReader;
import dev.investigator.config.AppConfig;
import dev.investigator.config.CatalogLoader;
import dev.investigator.config.Secrets;
import dev.investigator.model.Investigation;
import dev.investigator.render.Language;
import dev.investigator.render.Messages;
import dev.investigator.sandbox.Sandbox;
import dev.investigator.sandbox.SandboxLatency;
import dev.investigator.sandbox.slack.ApiCall;
import dev.investigator.sandbox.slack.FakeSlack;
import dev.investigator.source.xray.XRayConnection;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert channels end to end: the real Bolt app reads alert posts (events_api message envelopes) from the fake
 * Slack, investigates with the real vendor clients against the sandbox, and answers in the alerts' threads.
 */
class AlertChannelEndToEndTest {

    private static final String ALERTS = "C0ALERTS01";
    private static final Duration VENDOR_LATENCY = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger investigations = new AtomicInteger();
    private final AtomicInteger decided = new AtomicInteger();
    private FakeSlack slack;
    private Sandbox sandbox;
    private Application app;
    private SlackBot bot;
    private JsonNode triggered;

    @BeforeEach
    void start() throws Exception {
        slack = FakeSlack.start().channel(ALERTS, false);
        sandbox = Sandbox.start(clock, new SandboxLatency(VENDOR_LATENCY, VENDOR_LATENCY, VENDOR_LATENCY));
        AppConfig base = new CatalogLoader().loadResource("/sandbox/investigator.yml", Map.of(
                "DD_SITE", sandbox.datadogUrl().toString(),
                "SENTRY_URL", sandbox.sentryUrl().toString(),
                "AWS_ENDPOINT_URL_XRAY", sandbox.xrayUrl().toString(),
                "SLACK_API_URL", slack.apiUrl()));
        JsonNode alerts = new ObjectMapper(new YAMLFactory()).readTree("""
                defaults: { storm_window: 10m, max_age: 15m }
                channels:
                  C0ALERTS01: { aliases: { checkout-api: checkout } }
                """);
        AppConfig config = base.withAlerts(AlertSettingsReader.read(alerts, base.catalog(), "test"));
        Secrets secrets = new Secrets(FakeSlack.BOT_TOKEN, FakeSlack.APP_TOKEN, "e2e-datadog-api-key", "e2e-datadog-app-key",
                "e2e-sentry-token");
        app = Application.create(config, secrets, clock, Optional.of(new XRayConnection.StaticKeys("E2EACCESSKEY", "e2e-secret")));
        bot = SlackBot.create(config, secrets, app.investigator(), Messages.load(Language.EN), clock, new SlackObserver() {
            @Override
            public void investigationFinished(Investigation investigation) {
                investigations.incrementAndGet();
            }

            @Override
            public void commandReceived(String kind) {
                if (kind.startsWith("alert.")) {
                    decided.incrementAndGet();
                }
            }
        });
        bot.start();
        slack.awaitConnections(1, Duration.ofSeconds(30));
        try (InputStream in = getClass().getResourceAsStream("/fixtures/alerts/datadog/triggered_checkout.json")) {
            triggered = JSON.readTree(in);
        }
    }

    @AfterEach
    void stop() {
        bot.close();
        app.close();
        sandbox.close();
        slack.close();
    }

    /** The Datadog fixture, retitled for {@code service}, posted now with a ts of its own. */
    private String datadogAlert(String state, String service, int n) {
        ObjectNode event = triggered.deepCopy();
        Instant now = clock.instant();
        String ts = now.getEpochSecond() + "." + String.format("%06d", n);
        event.put("ts", ts).put("event_ts", ts).put("channel", ALERTS);
        ObjectNode attachment = (ObjectNode) event.path("attachments").get(0);
        String title = "[P2] [" + state + " on {service:" + service + ",env:prod}] " + service + " p99 latency is high";
        attachment.put("title", title).put("fallback", title).put("ts", now.getEpochSecond());
        attachment.put("title_link", "https://app.datadoghq.com/monitors/" + (1000 + service.length()) + "?group=service%3A" + service);
        slack.sendEvent(event.toString());
        return ts;
    }

    private List<ApiCall> repliesIn(String threadTs) {
        return slack.calls("chat.postMessage").stream().filter(c -> threadTs.equals(c.param("thread_ts"))).toList();
    }

    @Test
    void aStormOfAHundredAlertsForThreeServicesRunsThreeInvestigationsAndAnswersEveryThreadAtSlacksPace() {
        List<String> services = List.of("checkout", "search", "catalog");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            posted.add(datadogAlert("Triggered", services.get(i % 3), i));
        }

        // every alert thread gets its answer: the lead threads their investigation, the others a line pointing to it
        Set<String> unanswered = new HashSet<>(posted);
        long until = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (!unanswered.isEmpty() && System.nanoTime() < until) {
            slack.awaitCalls("chat.postMessage", slack.calls("chat.postMessage").size() + 1, Duration.ofSeconds(30));
            unanswered.removeIf(ts -> !repliesIn(ts).isEmpty());
        }
        assertThat(unanswered).as("alert threads without an answer").isEmpty();
        slack.awaitCalls("chat.update", 3, Duration.ofSeconds(60));

        assertThat(investigations.get()).as("one investigation per service, not one per alert").isEqualTo(3);
        assertThat(slack.calls("chat.update")).hasSize(3);
        // the lead threads hold the summary and one reply per source; every other alert one line pointing to its lead
        List<String> leads = posted.stream().filter(ts -> repliesIn(ts).size() > 1).toList();
        assertThat(leads).hasSize(3).allSatisfy(lead -> assertThat(repliesIn(lead)).hasSize(4));
        assertThat(leads.stream().map(lead -> services.get(posted.indexOf(lead) % 3))).containsExactlyInAnyOrderElementsOf(services);
        for (String follower : posted) {
            if (!leads.contains(follower)) {
                assertThat(repliesIn(follower)).hasSize(1);
                String lead = leads.stream().filter(l -> posted.indexOf(l) % 3 == posted.indexOf(follower) % 3).findFirst().orElseThrow();
                assertThat(repliesIn(follower).get(0).param("text")).contains("alert storm")
                        .contains("investigator-fake.slack.com/archives/" + ALERTS + "/p" + lead.replace(".", ""));
            }
        }
        assertThat(slack.calls()).as("no Web API call per alert beyond the answer (no bots.info lookups)")
                .extracting(ApiCall::method).containsOnly("auth.test", "apps.connections.open", "chat.postMessage", "chat.update");
        assertThat(slack.calls("chat.postMessage")).as("nothing is posted outside the alert threads")
                .allSatisfy(c -> assertThat(posted).contains(c.param("thread_ts")));

        // Slack's pace for one channel: about one message a second
        List<ApiCall> posts = slack.calls("chat.postMessage");
        for (int i = 1; i < posts.size(); i++) {
            assertThat(Duration.ofNanos(posts.get(i).nanoTime() - posts.get(i - 1).nanoTime()))
                    .as("gap before post %d", i).isGreaterThan(Duration.ofMillis(900));
        }
    }

    @Test
    void aRecoveryIsNotedInTheInvestigationsThreadAndUnknownServicesAreToldOnce() throws Exception {
        String firing = datadogAlert("Triggered", "checkout", 1);
        ApiCall summary = slack.awaitCall("chat.update", c -> true, Duration.ofSeconds(60));
        assertThat(summary.param("blocks")).contains("Started by the Datadog alert");
        slack.awaitCalls("chat.postMessage", 4, Duration.ofSeconds(60));

        datadogAlert("Recovered", "checkout", 2);
        ApiCall note = slack.awaitCall("chat.postMessage", c -> c.param("text") != null && c.param("text").contains("Recovered after"),
                Duration.ofSeconds(30));
        assertThat(note.param("thread_ts")).as("noted in the first alert's thread").isEqualTo(firing);
        ApiCall banner = slack.awaitCall("chat.update", c -> c.param("blocks").contains("Recovered after"), Duration.ofSeconds(30));
        assertThat(banner.param("ts")).isEqualTo(summary.param("ts"));

        // the triage knows the bot's ids (from auth.test) and ignores its own posts
        String own = ownPost(5);
        String unknown1 = datadogAlert("Triggered", "billing", 3);
        String unknown2 = datadogAlert("Triggered", "billing", 4);
        ApiCall told = slack.awaitCall("chat.postMessage",
                c -> unknown1.equals(c.param("thread_ts")) || unknown2.equals(c.param("thread_ts")), Duration.ofSeconds(30));
        assertThat(told.param("text")).contains("could not tell which service").contains("alerts.channels." + ALERTS + ".aliases");
        awaitDecisions(5);
        assertThat(repliesIn(unknown1).size() + repliesIn(unknown2).size()).as("told once, not once per alert").isEqualTo(1);
        assertThat(repliesIn(own)).as("the bot's own posts never trigger it").isEmpty();
    }

    /** Waits until the triage has decided on {@code n} posts (it decides every post exactly once). */
    private void awaitDecisions(int n) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (decided.get() < n && System.nanoTime() < until) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        assertThat(decided.get()).isEqualTo(n);
    }

    /** A post by this bot that looks like an alert (it quotes one): must be ignored. */
    private String ownPost(int n) {
        ObjectNode event = triggered.deepCopy();
        String ts = clock.instant().getEpochSecond() + "." + String.format("%06d", n);
        event.put("ts", ts).put("event_ts", ts).put("channel", ALERTS).put("bot_id", FakeSlack.BOT_ID).put("user", FakeSlack.BOT_USER_ID);
        slack.sendEvent(event.toString());
        return ts;
    }
}
