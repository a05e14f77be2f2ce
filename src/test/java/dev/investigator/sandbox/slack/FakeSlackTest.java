package dev.investigator.sandbox.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.socket_mode.SocketModeClient;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Proves the fake behaves like Slack for the real SDK: the Slack Web API client against its HTTP side, and the
 * real Bolt app over Socket Mode (Java-WebSocket backend) against its WebSocket side.
 */
class FakeSlackTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-20T05:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeSlack fake;
    private Slack slack;

    @BeforeEach
    void startFake() {
        fake = FakeSlack.start(Clock.fixed(NOW, ZoneOffset.UTC));
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        slack = Slack.getInstance(config);
    }

    @AfterEach
    void stopFake() throws Exception {
        slack.close();
        fake.close();
    }

    private MethodsClient bot() {
        return slack.methods(FakeSlack.BOT_TOKEN);
    }

    private static JsonNode parse(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Nested
    class WebApi {

        @Test
        void authTestWithTheBotTokenReportsTheBotIdentityAndRecordsTheToken() throws Exception {
            AuthTestResponse response = bot().authTest(r -> r);

            assertThat(response.isOk()).isTrue();
            assertThat(response.getUserId()).isEqualTo(FakeSlack.BOT_USER_ID);
            assertThat(response.getBotId()).isEqualTo(FakeSlack.BOT_ID);
            assertThat(response.getTeamId()).isEqualTo(FakeSlack.TEAM_ID);
            ApiCall call = fake.calls("auth.test").get(0);
            assertThat(call.token()).isEqualTo(FakeSlack.BOT_TOKEN);
            assertThat(call.at()).isEqualTo(NOW);
        }

        @Test
        void anyOtherTokenIsInvalidAuthWithHttp200() throws Exception {
            AuthTestResponse response = slack.methods("xoxb-someone-elses-token-9").authTest(r -> r);

            assertThat(response.isOk()).isFalse();
            assertThat(response.getError()).isEqualTo("invalid_auth");
            // The SDK itself calls auth.test once more per token it has not resolved yet (its TeamIdCache).
            assertThat(fake.calls("auth.test")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.token()).isEqualTo("xoxb-someone-elses-token-9"));
        }

        @Test
        void theWrongKindOfTokenIsNotAllowed() throws Exception {
            assertThat(slack.methods(FakeSlack.APP_TOKEN).chatPostMessage(r -> r.channel("C1").text("x")).getError())
                    .isEqualTo("not_allowed_token_type");
            assertThat(bot().appsConnectionsOpen(r -> r).getError()).isEqualTo("not_allowed_token_type");
        }

        @Test
        void appsConnectionsOpenGivesALocalSocketModeUrlWithAFreshTicket() throws Exception {
            String first = slack.methods(FakeSlack.APP_TOKEN).appsConnectionsOpen(r -> r).getUrl();
            String second = slack.methods(FakeSlack.APP_TOKEN).appsConnectionsOpen(r -> r).getUrl();

            assertThat(first).matches("ws://127\\.0\\.0\\.1:\\d+/link/\\?ticket=[0-9a-f-]{36}&app_id=A0FAKE");
            assertThat(second).isNotEqualTo(first);
        }

        @Test
        void chatPostMessageAnswersLikeSlackWithIncreasingTs() throws Exception {
            ChatPostMessageResponse first = bot().chatPostMessage(r -> r.channel("C0ALERTS").text("first"));
            ChatPostMessageResponse second = bot().chatPostMessage(r -> r.channel("C0ALERTS").text("second")
                    .threadTs(first.getTs()));

            assertThat(first.isOk()).isTrue();
            assertThat(first.getChannel()).isEqualTo("C0ALERTS");
            assertThat(first.getTs()).matches("\\d{10}\\.\\d{6}");
            // A fixed clock still gives unique, increasing ts, one microsecond apart.
            assertThat(first.getTs()).isEqualTo(NOW.getEpochSecond() + ".000000");
            assertThat(new BigDecimal(second.getTs())).isGreaterThan(new BigDecimal(first.getTs()));
            assertThat(first.getMessage().getText()).isEqualTo("first");
            assertThat(first.getMessage().getBotId()).isEqualTo(FakeSlack.BOT_ID);
            assertThat(first.getMessage().getUser()).isEqualTo(FakeSlack.BOT_USER_ID);
            assertThat(second.getMessage().getThreadTs()).isEqualTo(first.getTs());
        }

        @Test
        void blocksSentAsAFormFieldAreRecordedAsJsonTextAndGetBlockIds() throws Exception {
            List<LayoutBlock> blocks = List.of(ActionsBlock.builder().elements(List.of(ButtonElement.builder()
                    .actionId("rerun").text(PlainTextObject.builder().text("Re-run").build()).value("checkout")
                    .build())).build());

            ChatPostMessageResponse response = bot().chatPostMessage(r -> r.channel("C1").text("t").blocks(blocks));

            JsonNode recorded = parse(fake.calls("chat.postMessage").get(0).param("blocks"));
            assertThat(recorded.get(0).get("elements").get(0).get("action_id").asText()).isEqualTo("rerun");
            assertThat(response.getMessage().getBlocks()).singleElement()
                    .satisfies(b -> assertThat(b.getBlockId()).isNotBlank());
        }

        @Test
        void aJsonBodyIsDecodedIntoTheSameParams() throws Exception {
            String body = "{\"channel\":\"C1\",\"text\":\"hi\",\"unfurl_links\":false,"
                    + "\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"*x*\"}}]}";

            HttpResponse<String> response = postJson("chat.postMessage", FakeSlack.BOT_TOKEN, body);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(parse(response.body()).get("ok").asBoolean()).isTrue();
            ApiCall call = fake.calls("chat.postMessage").get(0);
            assertThat(call.token()).isEqualTo(FakeSlack.BOT_TOKEN);
            assertThat(call.params()).containsEntry("text", "hi").containsEntry("unfurl_links", "false");
            assertThat(parse(call.param("blocks")).get(0).get("text").get("text").asText()).isEqualTo("*x*");
        }

        @Test
        void aMalformedJsonBodyIsInvalidJson() throws Exception {
            HttpResponse<String> response = postJson("chat.postMessage", FakeSlack.BOT_TOKEN, "{\"channel\":");

            assertThat(parse(response.body()).get("error").asText()).isEqualTo("invalid_json");
        }

        @Test
        void anUnknownMethodIsUnknownMethod() throws Exception {
            HttpResponse<String> response = postJson("files.upload", FakeSlack.BOT_TOKEN, "{}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(parse(response.body()).get("error").asText()).isEqualTo("unknown_method");
        }

        @Test
        void aChannelTheBotIsNotInIsNotInChannel() throws Exception {
            fake.botNotIn("C0NOTIN");

            ChatPostMessageResponse response = bot().chatPostMessage(r -> r.channel("C0NOTIN").text("x"));

            assertThat(response.isOk()).isFalse();
            assertThat(response.getError()).isEqualTo("not_in_channel");
        }

        @Test
        void anUnknownChannelOrAPrivateOneTheBotIsNotInIsChannelNotFound() throws Exception {
            fake.unknownChannel("C0GONE").channel("G0SECRET", true).botNotIn("G0SECRET");

            assertThat(bot().chatPostMessage(r -> r.channel("C0GONE").text("x")).getError())
                    .isEqualTo("channel_not_found");
            assertThat(bot().chatPostMessage(r -> r.channel("G0SECRET").text("x")).getError())
                    .isEqualTo("channel_not_found");
            assertThat(bot().conversationsInfo(r -> r.channel("C0GONE")).getError()).isEqualTo("channel_not_found");
        }

        @Test
        void aMessageWithNothingToShowIsNoText() throws Exception {
            assertThat(bot().chatPostMessage(r -> r.channel("C1")).getError()).isEqualTo("no_text");
        }

        @Test
        void aRateLimitSurfacesAsSlackApiException429WithRetryAfterThenPasses() throws Exception {
            fake.rateLimit("chat.postMessage", 1, 7);

            SlackApiException e = catchThrowableOfType(SlackApiException.class,
                    () -> bot().chatPostMessage(r -> r.channel("C1").text("x")));

            assertThat(e.getResponse().code()).isEqualTo(429);
            assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
            assertThat(e.getError().getError()).isEqualTo("ratelimited");
            assertThat(bot().chatPostMessage(r -> r.channel("C1").text("x")).isOk()).isTrue();
            assertThat(fake.calls("chat.postMessage")).hasSize(2);
        }

        @Test
        void failNextFailsExactlyOnceThenServes() throws Exception {
            fake.failNext("chat.update", "edit_window_closed");
            String ts = bot().chatPostMessage(r -> r.channel("C1").text("v1")).getTs();

            assertThat(bot().chatUpdate(r -> r.channel("C1").ts(ts).text("v2")).getError())
                    .isEqualTo("edit_window_closed");
            assertThat(bot().chatUpdate(r -> r.channel("C1").ts(ts).text("v2")).isOk()).isTrue();
        }

        @Test
        void chatUpdateChangesAPostedMessageAndRefusesUnknownOrForeignOnes() throws Exception {
            String ts = bot().chatPostMessage(r -> r.channel("C1").text("running…")).getTs();
            fake.sendMessageEvent(MessageEvent.fromUser("C1", "U0ALICE", "hello").withTs("1763614800.000100"));

            ChatUpdateResponse updated = bot().chatUpdate(r -> r.channel("C1").ts(ts).text("done"));

            assertThat(updated.isOk()).isTrue();
            assertThat(updated.getTs()).isEqualTo(ts);
            assertThat(updated.getText()).isEqualTo("done");
            assertThat(bot().chatUpdate(r -> r.channel("C1").ts("1.000001").text("x")).getError())
                    .isEqualTo("message_not_found");
            assertThat(bot().chatUpdate(r -> r.channel("C1").ts("1763614800.000100").text("x")).getError())
                    .isEqualTo("cant_update_message");
        }

        @Test
        void chatPostEphemeralReturnsAMessageTs() throws Exception {
            var response = bot().chatPostEphemeral(r -> r.channel("C1").user("U0ALICE").text("usage: …"));

            assertThat(response.isOk()).isTrue();
            assertThat(response.getMessageTs()).matches("\\d{10}\\.\\d{6}");
        }

        @Test
        void reactionsAddWorksOnceThenIsAlreadyReacted() throws Exception {
            String ts = bot().chatPostMessage(r -> r.channel("C1").text("x")).getTs();

            assertThat(bot().reactionsAdd(r -> r.channel("C1").timestamp(ts).name("eyes")).isOk()).isTrue();
            assertThat(bot().reactionsAdd(r -> r.channel("C1").timestamp(ts).name("eyes")).getError())
                    .isEqualTo("already_reacted");
            assertThat(bot().reactionsAdd(r -> r.channel("C1").timestamp("1.000009").name("eyes")).getError())
                    .isEqualTo("message_not_found");
        }

        @Test
        void usergroupsUsersListListsTheRegisteredMembers() throws Exception {
            fake.userGroup("S0ONCALL", "U0ALICE", "U0BOB");

            assertThat(bot().usergroupsUsersList(r -> r.usergroup("S0ONCALL")).getUsers())
                    .containsExactly("U0ALICE", "U0BOB");
            assertThat(bot().usergroupsUsersList(r -> r.usergroup("S0NONE")).getError()).isEqualTo("no_such_subteam");
        }

        @Test
        void conversationsInfoTellsPublicFromPrivate() throws Exception {
            fake.channel("C0PRIV", true).channel("C0PUB", false);

            var privateOne = bot().conversationsInfo(r -> r.channel("C0PRIV")).getChannel();
            var publicOne = bot().conversationsInfo(r -> r.channel("C0PUB")).getChannel();

            assertThat(privateOne.isPrivate()).isTrue();
            assertThat(privateOne.isMember()).isTrue();
            assertThat(publicOne.isPrivate()).isFalse();
            assertThat(publicOne.getId()).isEqualTo("C0PUB");
        }

        @Test
        void awaitCallFailsNamingWhatWasSeen() throws Exception {
            bot().authTest(r -> r);

            assertThatThrownBy(() -> fake.awaitCall("chat.postMessage", c -> true, Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("chat.postMessage")
                    .hasMessageContaining("auth.test")
                    // Tokens are masked in what a failure prints.
                    .hasMessageNotContaining(FakeSlack.BOT_TOKEN);
        }

        @Test
        void closeFreesBothPorts() throws Exception {
            String socketUrl = slack.methods(FakeSlack.APP_TOKEN).appsConnectionsOpen(r -> r).getUrl();

            fake.close();

            assertThatThrownBy(() -> postJson("auth.test", FakeSlack.BOT_TOKEN, "{}"))
                    .isInstanceOf(ConnectException.class);
            RecordingClient client = new RecordingClient(URI.create(socketUrl));
            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
        }

        private HttpResponse<String> postJson(String method, String token, String body) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(fake.apiUrl() + method))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Nested
    class RawSocket {

        @Test
        void eachConnectionGetsSlacksHelloAndQueuedEnvelopesFollow() throws Exception {
            String queued = fake.sendSlashCommand(
                    new SlashCommand("/investigate", "checkout", "C1", "alerts", "U0ALICE", "alice"));

            try (RecordingClient client = RecordingClient.connect(newSocketUrl())) {
                JsonNode hello = parse(client.next());
                assertThat(hello.get("type").asText()).isEqualTo("hello");
                assertThat(hello.get("num_connections").asInt()).isEqualTo(1);
                assertThat(hello.get("connection_info").get("app_id").asText()).isEqualTo(FakeSlack.APP_ID);
                assertThat(hello.get("debug_info").get("approximate_connection_time").asInt()).isPositive();

                JsonNode envelope = parse(client.next());
                assertThat(envelope.get("envelope_id").asText()).isEqualTo(queued);
                assertThat(envelope.get("type").asText()).isEqualTo("slash_commands");
                assertThat(envelope.get("accepts_response_payload").asBoolean()).isTrue();
                JsonNode payload = envelope.get("payload");
                assertThat(payload.get("command").asText()).isEqualTo("/investigate");
                assertThat(payload.get("text").asText()).isEqualTo("checkout");
                assertThat(payload.get("team_id").asText()).isEqualTo(FakeSlack.TEAM_ID);
                assertThat(payload.get("response_url").asText()).startsWith(fake.responseUrlBase());
                assertThat(payload.get("trigger_id").asText()).isNotBlank();
            }
        }

        @Test
        void aBurstOfCommandsArrivesInOrderAndEachAckIsTimedFromItsOwnSend() throws Exception {
            try (RecordingClient client = RecordingClient.connect(newSocketUrl())) {
                assertThat(parse(client.next()).get("type").asText()).isEqualTo("hello");
                List<String> ids = fake.sendSlashCommands(List.of(
                        new SlashCommand("/investigate", "checkout", "C1", "alerts", "U0ALICE", "alice"),
                        new SlashCommand("/investigate", "search", "C1", "alerts", "U0ALICE", "alice"),
                        new SlashCommand("/investigate", "catalog", "C1", "alerts", "U0ALICE", "alice")));

                assertThat(ids).doesNotHaveDuplicates().hasSize(3);
                for (String id : ids) {
                    JsonNode envelope = parse(client.next());
                    assertThat(envelope.get("envelope_id").asText()).isEqualTo(id);
                    client.send("{\"envelope_id\":\"" + id + "\"}");
                }
                assertThat(ids).allSatisfy(id -> assertThat(fake.awaitAck(id, WAIT).latency()).isPositive());
                assertThat(fake.acks()).extracting(Ack::envelopeId).containsExactlyElementsOf(ids);
            }
        }

        @Test
        void aSocketModeUrlWorksOnlyOnce() throws Exception {
            String url = newSocketUrl();
            try (RecordingClient first = RecordingClient.connect(url)) {
                assertThat(parse(first.next()).get("type").asText()).isEqualTo("hello");

                RecordingClient second = new RecordingClient(URI.create(url));
                assertThat(second.connectBlocking(5, TimeUnit.SECONDS)).isFalse();
                assertThat(fake.connections()).isEqualTo(1);
            }
        }

        @Test
        void aDisconnectHasSlacksShape() throws Exception {
            try (RecordingClient client = RecordingClient.connect(newSocketUrl())) {
                client.next();
                fake.sendDisconnect("too_many_websockets");

                JsonNode disconnect = parse(client.next());
                assertThat(disconnect.get("type").asText()).isEqualTo("disconnect");
                assertThat(disconnect.get("reason").asText()).isEqualTo("too_many_websockets");
                assertThat(disconnect.get("num_connections").asInt()).isEqualTo(1);
            }
            assertThatThrownBy(() -> fake.sendDisconnect("bye")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void afterADisconnectTheOldConnectionGetsNoNewEnvelopesTheNextOneDoes() throws Exception {
            try (RecordingClient old = RecordingClient.connect(newSocketUrl())) {
                old.next();
                fake.sendDisconnect("warning");
                assertThat(parse(old.next()).get("reason").asText()).isEqualTo("warning");

                String id = fake.sendMessageEvent(MessageEvent.fromUser("C1", "U0ALICE", "during the switch"));

                try (RecordingClient fresh = RecordingClient.connect(newSocketUrl())) {
                    assertThat(parse(fresh.next()).get("num_connections").asInt()).isEqualTo(2);
                    assertThat(parse(fresh.next()).get("envelope_id").asText()).isEqualTo(id);
                }
                // An envelope goes to exactly one connection, and it went to the fresh one.
                assertThat(old.received).isEmpty();
            }
        }

        @Test
        void anAckIsRecordedWithItsPayloadAndLatency() throws Exception {
            try (RecordingClient client = RecordingClient.connect(newSocketUrl())) {
                client.next();
                String id = fake.sendMessageEvent(MessageEvent.fromUser("C1", "U0ALICE", "hi"));
                assertThat(parse(client.next()).get("envelope_id").asText()).isEqualTo(id);

                client.send("{\"envelope_id\":\"" + id + "\",\"payload\":{\"text\":\"ok\"}}");

                Ack ack = fake.awaitAck(id, WAIT);
                assertThat(parse(ack.payloadJson()).get("text").asText()).isEqualTo("ok");
                assertThat(ack.sentNanos()).isPositive();
                assertThat(ack.latency()).isGreaterThanOrEqualTo(Duration.ZERO);
            }
        }

        private String newSocketUrl() throws Exception {
            return slack.methods(FakeSlack.APP_TOKEN).appsConnectionsOpen(r -> r).getUrl();
        }
    }

    @Nested
    class BoltOverSocketMode {

        private SocketModeApp socketMode;
        private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

        @AfterEach
        void stopApp() throws Exception {
            if (socketMode != null) {
                SocketModeClient client = socketMode.getClient();
                socketMode.stop();
                if (client != null) {
                    client.close(); // stop() leaves the client's executors running
                }
            }
        }

        private App app() {
            return new App(AppConfig.builder().singleTeamBotToken(FakeSlack.BOT_TOKEN).slack(slack).build());
        }

        private void start(App app) throws Exception {
            socketMode = new SocketModeApp(FakeSlack.APP_TOKEN, app, SocketModeClient.Backend.JavaWebSocket);
            socketMode.startAsync();
            fake.awaitConnections(1, WAIT);
        }

        private String nextSeen() throws InterruptedException {
            String value = seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(value).as("what the handler saw").isNotNull();
            return value;
        }

        private App investigateApp() {
            App app = app();
            app.command("/investigate", (req, ctx) -> {
                seen.add(req.getPayload().getText() + "|" + req.getPayload().getChannelId());
                return ctx.ack();
            });
            return app;
        }

        @Test
        void aSlashCommandReachesTheHandlerAndIsAcked() throws Exception {
            start(investigateApp());

            String id = fake.sendSlashCommand(
                    new SlashCommand("/investigate", "checkout 30m", "C0ALERTS", "alerts", "U0ALICE", "alice"));

            Ack ack = fake.awaitAck(id, WAIT);
            assertThat(nextSeen()).isEqualTo("checkout 30m|C0ALERTS");
            assertThat(ack.latency()).isLessThan(Duration.ofSeconds(3));
            assertThat(fake.calls("apps.connections.open")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.token()).isEqualTo(FakeSlack.APP_TOKEN));
        }

        @Test
        void anAckWithTextCarriesItsPayloadAndRespondPostsToTheResponseUrl() throws Exception {
            App app = app();
            app.command("/investigate", (req, ctx) -> {
                ctx.respond("usage: /investigate <service> [window]");
                return ctx.ack("Investigating…");
            });
            start(app);

            String id = fake.sendSlashCommand(new SlashCommand("/investigate", "", "C1", "alerts", "U0ALICE", "alice"));

            assertThat(parse(fake.awaitAck(id, WAIT).payloadJson()).get("text").asText()).isEqualTo("Investigating…");
            ResponsePost post = fake.awaitResponse(p -> true, WAIT);
            assertThat(parse(post.json()).get("text").asText()).isEqualTo("usage: /investigate <service> [window]");
            assertThat(fake.responses()).containsExactly(post);
        }

        @Test
        void aBlockActionOnAPostedMessageCarriesThatMessageAndIsAcked() throws Exception {
            App app = app();
            app.blockAction("rerun", (req, ctx) -> {
                var payload = req.getPayload();
                seen.add(payload.getActions().get(0).getValue() + "|" + payload.getActions().get(0).getBlockId()
                        + "|" + payload.getMessage().getTs() + "|" + payload.getMessage().getBlocks().size()
                        + "|" + payload.getContainer().getChannelId() + "|" + payload.getUser().getId());
                return ctx.ack();
            });
            start(app);
            List<LayoutBlock> blocks = List.of(ActionsBlock.builder().blockId("actions").elements(List.of(
                    ButtonElement.builder().actionId("rerun").value("checkout 2h")
                            .text(PlainTextObject.builder().text("Wider window").build()).build())).build());
            String ts = bot().chatPostMessage(r -> r.channel("C0ALERTS").text("summary").blocks(blocks)).getTs();

            String id = fake.sendBlockAction(new BlockAction("rerun", null, "C0ALERTS", "U0ALICE", ts, null));

            fake.awaitAck(id, WAIT);
            assertThat(nextSeen()).isEqualTo("checkout 2h|actions|" + ts + "|1|C0ALERTS|U0ALICE");
        }

        @Test
        void aBlockActionOnAMessageTheFakeNeverSawIsAcked() throws Exception {
            App app = app();
            app.blockAction("mark_checked", (req, ctx) -> {
                seen.add(req.getPayload().getActions().get(0).getValue());
                return ctx.ack();
            });
            start(app);

            String id = fake.sendBlockAction(
                    new BlockAction("mark_checked", "2026-11-20", "C1", "U0ALICE", "1763614800.000100", null));

            fake.awaitAck(id, WAIT);
            assertThat(nextSeen()).isEqualTo("2026-11-20");
        }

        @Test
        void aMessageEventReachesTheHandlerButTheBotsOwnIsIgnoredByBolt() throws Exception {
            App app = app();
            app.event(com.slack.api.model.event.MessageEvent.class, (req, ctx) -> {
                var event = req.getEvent();
                seen.add(event.getText() + "|" + event.getChannel() + "|" + event.getBotId());
                return ctx.ack();
            });
            start(app);

            String own = fake.sendMessageEvent(MessageEvent.fromBot("C0ALERTS", FakeSlack.BOT_ID, "my own summary")
                    .withUser(FakeSlack.BOT_USER_ID));
            String alert = fake.sendMessageEvent(MessageEvent.fromBot("C0ALERTS", "B0GRAFANA", "[FIRING:1] errors"));

            fake.awaitAck(own, WAIT);
            fake.awaitAck(alert, WAIT);
            // Bolt drops the bot's own message using auth.test's bot_id/user_id: the fake's identity is consistent.
            assertThat(nextSeen()).isEqualTo("[FIRING:1] errors|C0ALERTS|B0GRAFANA");
            assertThat(seen).isEmpty();
        }

        @Test
        void refreshRequestedMakesTheClientReconnectAndNothingSentMeanwhileIsLost() throws Exception {
            start(investigateApp());
            // The SDK opens a URL when the client is built and another when it connects: count from here.
            int opensBefore = fake.calls("apps.connections.open").size();

            fake.sendDisconnect("refresh_requested");
            String duringReconnect = fake.sendSlashCommand(
                    new SlashCommand("/investigate", "search 2h", "C1", "alerts", "U0ALICE", "alice"));

            fake.awaitConnections(2, WAIT);
            fake.awaitAck(duringReconnect, WAIT);
            assertThat(nextSeen()).isEqualTo("search 2h|C1");
            assertThat(fake.connections()).isEqualTo(2);
            assertThat(fake.calls("apps.connections.open")).hasSize(opensBefore + 1);
            List<SocketConnection> log = fake.connectionLog();
            assertThat(log).extracting(SocketConnection::number).containsExactly(1, 2);
            assertThat(log.get(1).helloNanos()).as("the reconnect's hello comes later").isGreaterThan(log.get(0).helloNanos());
        }

        @Test
        void aRedeliveredEnvelopeKeepsItsIdAndCountsTheRetry() throws Exception {
            App app = app();
            app.event(com.slack.api.model.event.MessageEvent.class, (req, ctx) -> {
                seen.add(ctx.getRetryNum() + "|" + ctx.getRetryReason());
                return ctx.ack();
            });
            start(app);
            String id = fake.sendMessageEvent(MessageEvent.fromUser("C1", "U0ALICE", "hello"));
            fake.awaitAck(id, WAIT);
            assertThat(nextSeen()).isEqualTo("0|");

            assertThat(fake.redeliver(id)).isEqualTo(id);

            assertThat(nextSeen()).isEqualTo("1|timeout");
            assertThat(fake.awaitAcks(id, 2, WAIT)).hasSize(2);
        }

        @Test
        void afterADroppedConnectionTheClientComesBackAndGetsWhatWasQueued() throws Exception {
            start(investigateApp());
            // Without this the SDK's session monitor reconnects, but only on its 5-second tick.
            socketMode.getClient().setAutoReconnectOnCloseEnabled(true);

            fake.dropConnections();
            String queued = fake.sendSlashCommand(
                    new SlashCommand("/investigate", "payment 14:00-14:30", "C1", "alerts", "U0ALICE", "alice"));

            fake.awaitConnections(2, WAIT);
            fake.awaitAck(queued, WAIT);
            assertThat(nextSeen()).isEqualTo("payment 14:00-14:30|C1");
        }
    }

    /** A bare WebSocket client that keeps what the fake sends, to check shapes without an SDK in between. */
    private static final class RecordingClient extends WebSocketClient implements AutoCloseable {

        private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

        RecordingClient(URI uri) {
            super(uri);
        }

        static RecordingClient connect(String url) throws InterruptedException {
            RecordingClient client = new RecordingClient(URI.create(url));
            assertThat(client.connectBlocking(5, TimeUnit.SECONDS)).as("connected").isTrue();
            return client;
        }

        String next() throws InterruptedException {
            String message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message from the fake").isNotNull();
            return message;
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            received.add(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
        }

        @Override
        public void onError(Exception ex) {
        }

    }
}
