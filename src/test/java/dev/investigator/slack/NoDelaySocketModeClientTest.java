package dev.investigator.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.socket_mode.response.AckResponse;
import dev.investigator.sandbox.slack.FakeSlack;
import dev.investigator.sandbox.slack.SlashCommand;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Socket Mode client against the fake Slack's Socket Mode server, without Bolt: connection, hand-off, reconnects. */
class NoDelaySocketModeClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CHANNEL = "C0INCIDENT";

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private FakeSlack slack;
    private ThreadPoolExecutor dispatch;
    private NoDelaySocketModeClient client;

    @BeforeEach
    void start() {
        slack = FakeSlack.start().channel(CHANNEL, false);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        dispatch = DirectMessageQueue.newDispatchExecutor(2);
        client = new NoDelaySocketModeClient(Slack.getInstance(config), FakeSlack.APP_TOKEN, dispatch);
        client.addWebSocketMessageListener(received::add);
    }

    @AfterEach
    void stop() {
        client.close();
        dispatch.shutdownNow();
        slack.close();
    }

    @Test
    void connectsWithoutNagleAndHandsEveryMessageToTheListenersAndAcksInSlacksShape() throws Exception {
        client.connectToNewEndpoint();

        assertThat(client.sendsWithoutDelay()).as("TCP_NODELAY on the open socket").isTrue();
        assertThat(next()).contains("\"type\":\"hello\"");
        String envelope = slack.sendSlashCommand(help());
        assertThat(next()).contains(envelope).contains("slash_commands");

        client.sendSocketModeResponse(new AckResponse(envelope));
        assertThat(slack.awaitAck(envelope, WAIT).envelopeId()).isEqualTo(envelope);
        assertThat(client.verifyConnection()).isTrue();
        assertThat(client.getMessageQueue().poll()).as("nothing is left for pollers").isNull();
    }

    @Test
    void slacksDisconnectMovesToANewConnectionAndClosesTheOldWithoutLosingAnEnvelope() throws Exception {
        client.connectToNewEndpoint();
        assertThat(next()).contains("hello");

        slack.sendDisconnect("refresh_requested");
        slack.awaitConnections(2, WAIT);
        String envelope = slack.sendSlashCommand(help());

        awaitTrue(() -> slack.openConnections() == 1, "the old connection closed");
        assertThat(drainUntil(envelope)).as("the envelope sent during the move arrived").isTrue();
        assertThat(client.sendsWithoutDelay()).isTrue();
        client.sendSocketModeResponse(new AckResponse(envelope));
        assertThat(slack.awaitAck(envelope, WAIT).envelopeId()).isEqualTo(envelope);
    }

    @Test
    void afterADroppedConnectionTheSessionCheckFailsAndMaintenanceOpensANewOne() throws Exception {
        client.connectToNewEndpoint();
        client.setAutoReconnectEnabled(true);
        assertThat(client.verifyConnection()).isTrue();

        slack.dropConnections();
        awaitTrue(() -> !client.verifyConnection(), "the drop noticed");
        client.maintainCurrentSession();

        slack.awaitConnections(2, WAIT);
        assertThat(client.verifyConnection()).isTrue();
        String envelope = slack.sendSlashCommand(help());
        assertThat(drainUntil(envelope)).isTrue();
    }

    @Test
    void disconnectClosesTheConnectionAndLaterSendsFailLoudly() throws Exception {
        client.connectToNewEndpoint();
        client.setAutoReconnectEnabled(true);

        client.disconnect();

        assertThat(client.isAutoReconnectEnabled()).as("the session monitor must not reopen it").isFalse();
        awaitTrue(() -> slack.openConnections() == 0, "the fake saw the close");
        assertThat(client.verifyConnection()).isFalse();
        assertThatThrownBy(() -> client.sendWebSocketMessage("{}")).isInstanceOf(WebsocketNotConnectedException.class);
    }

    @Test
    void aConnectionTheServerRefusesIsAnIOExceptionAndNothingIsLeftOpen() throws Exception {
        client.connectToNewEndpoint();
        URI used = client.getWssUri();

        // Slack's tickets are single use: the same URL again is refused at the handshake
        client.setWssUri(used);
        assertThatThrownBy(client::connect).isInstanceOf(IOException.class).hasMessageContaining("did not open");

        assertThat(slack.openConnections()).as("the first connection is still the one in use").isEqualTo(1);
        assertThat(client.verifyConnection()).isTrue();
    }

    @Test
    void connectWithoutAUrlSaysHowToGetOne() {
        assertThatThrownBy(client::connect).isInstanceOf(IOException.class).hasMessageContaining("apps.connections.open");
    }

    private static SlashCommand help() {
        return new SlashCommand("/investigate", "help", CHANNEL, "incident", "U0SRE", "sre");
    }

    private String next() throws InterruptedException {
        String message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within " + WAIT).isNotNull();
        return message;
    }

    private boolean drainUntil(String envelopeId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String message = received.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (message != null && message.contains(envelopeId)) {
                return true;
            }
        }
        return false;
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
