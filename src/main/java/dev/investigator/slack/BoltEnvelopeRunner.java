package dev.investigator.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.listener.WebSocketMessageListener;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each Socket Mode envelope through Bolt and sends Bolt's answer back as the envelope's ack, on the dispatch
 * thread that parsed the message ({@link DirectMessageQueue}): no further hand-off before the ack. {@code
 * SocketModeApp} does the same for the SDK's built-in clients, on a pool of its own, but keeps that code private to
 * them; a client of our own ({@link NoDelaySocketModeClient}) needs it as a listener.
 */
final class BoltEnvelopeRunner implements WebSocketMessageListener {

    private static final Logger log = LoggerFactory.getLogger(BoltEnvelopeRunner.class);

    private final App app;
    private final SocketModeClient client;
    private final SocketModeRequestParser parser;
    private final Gson gson;

    BoltEnvelopeRunner(App app, SocketModeClient client) {
        this.app = Objects.requireNonNull(app);
        this.client = Objects.requireNonNull(client);
        this.parser = new SocketModeRequestParser(app.config());
        this.gson = client.getGson();
    }

    @Override
    public void handle(String message) {
        try {
            // hello and disconnect are no envelopes: the parser answers null and there is nothing to ack
            SocketModeRequest request = parser.parse(message);
            if (request == null) {
                return;
            }
            Response response = app.run(request.getBoltRequest());
            if (response.getStatusCode() != 200) {
                // Unacked, Slack delivers the envelope again; the body is not logged, it may quote the user's text.
                log.warn("Bolt answered a Socket Mode envelope with status {}; not acknowledged", response.getStatusCode());
                return;
            }
            client.sendSocketModeResponse(gson.toJson(ack(request.getEnvelope().getEnvelopeId(), response)));
        } catch (Exception e) {
            log.error("Socket Mode envelope not handled: {}", e.toString(), e);
        }
    }

    /** The ack: the envelope id, and Bolt's body (if any) as the payload Slack shows or uses. */
    private JsonObject ack(String envelopeId, Response response) {
        JsonObject ack = new JsonObject();
        ack.addProperty("envelope_id", envelopeId);
        String body = response.getBody();
        if (body != null) {
            String type = response.getContentType();
            if (type != null && type.startsWith("application/json")) {
                ack.add("payload", gson.fromJson(body, JsonElement.class));
            } else {
                JsonObject text = new JsonObject();
                text.addProperty("text", body);
                ack.add("payload", text);
            }
        }
        return ack;
    }
}
