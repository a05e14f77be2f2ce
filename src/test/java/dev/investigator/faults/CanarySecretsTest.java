package dev.investigator.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.app.Application;
import dev.investigator.config.AppConfig;
import dev.investigator.config.Secrets;
import dev.investigator.model.Gap;
import dev.investigator.model.Investigation;
import dev.investigator.render.BlockKitRenderer;
import dev.investigator.render.Language;
import dev.investigator.render.Messages;
import dev.investigator.render.SlackMessage;
import dev.investigator.render.SlackThread;
import dev.investigator.render.TerminalRenderer;
import dev.investigator.slack.SlackBot;
import dev.investigator.slack.SlackObserver;
import dev.investigator.sandbox.slack.Ack;
import dev.investigator.sandbox.slack.ApiCall;
import dev.investigator.sandbox.slack.FakeSlack;
import dev.investigator.sandbox.slack.ResponsePost;
import dev.investigator.sandbox.slack.SlashCommand;
import dev.investigator.source.xray.XRayConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every credential gets a canary value, the app is wired as in production ({@link Application} and the Slack
 * bot over Socket Mode against the fake Slack), and every vendor fails in a way that echoes the credentials it
 * received back: in its error message, in response headers, and as a body that is not JSON but starts with the
 * credential (so a JSON parser's "unrecognized token" error quotes it). Then every log line (text and JSON
 * encodings, stack traces included), every gap, the investigation itself, both renderings and every Slack
 * payload are searched: a canary may appear only in the auth header sent to its own vendor.
 */
class CanarySecretsTest {

    private static final String CHANNEL = "C0INCIDENT";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a vendor throws the credentials back. */
    enum Echo {
        /** 401, its error message quoting every request header. */
        REJECTED_QUOTING_HEADERS,
        /** 503, then 429, then 403: each retried or reported, each quoting the credentials. */
        RETRIED_THEN_FORBIDDEN,
        /** 200 whose "JSON" body starts with the credential itself. */
        CREDENTIAL_AS_BODY
    }

    private static CapturedLogs logs;
    private static FakeSlack slack;
    private static final Map<Vendor, VendorFake> vendors = new EnumMap<>(Vendor.class);
    private static Application app;
    private static SlackBot bot;

    @BeforeAll
    static void start() throws Exception {
        logs = CapturedLogs.capture(); // first, so start-up lines are searched too
        slack = FakeSlack.start().channel(CHANNEL, false);
        for (Vendor vendor : Vendor.values()) {
            vendors.put(vendor, vendor.fake());
        }
        AppConfig loaded = ExampleCatalog.load(Map.of(
                "DD_SITE", vendors.get(Vendor.DATADOG).server.baseUrl(),
                "SENTRY_URL", vendors.get(Vendor.SENTRY).server.baseUrl(),
                "SENTRY_ORG", ExampleCatalog.SENTRY_ORG,
                "AWS_ENDPOINT_URL_XRAY", vendors.get(Vendor.XRAY).server.baseUrl(),
                "SLACK_API_URL", slack.apiUrl()));
        // The example's 20 s / 15 s deadlines, shortened: retries on 503 and 429 still fit.
        AppConfig config = new AppConfig(loaded.origin(), loaded.locale(), loaded.zone(), loaded.defaultWindow(),
                Duration.ofSeconds(8), Duration.ofSeconds(6), loaded.datadogSite(), loaded.sentryUrl(),
                loaded.sentryOrganization(), loaded.xrayRegion(), loaded.xrayEndpoint(), loaded.slack(), loaded.catalog(),
                loaded.rotation(), loaded.alerts());
        Secrets secrets = new Secrets(Canary.SLACK_BOT_TOKEN, Canary.SLACK_APP_TOKEN, Canary.DD_API_KEY, Canary.DD_APP_KEY,
                Canary.SENTRY_TOKEN);
        assertThat(Canary.foundIn(secrets.toString())).as("Secrets.toString").isEmpty();
        assertThat(Canary.foundIn(config.describe())).as("the printed configuration").isEmpty();

        app = Application.create(config, secrets, CLOCK,
                Optional.of(new XRayConnection.StaticKeys(Canary.AWS_ACCESS_KEY_ID, Canary.AWS_SECRET)));
        bot = SlackBot.create(config, secrets, app.investigator(), Messages.load(Language.EN), CLOCK, SlackObserver.NONE);
        bot.start();
        slack.awaitConnections(1, WAIT);
    }

    @AfterAll
    static void stop() {
        try {
            if (bot != null) {
                bot.close();
            }
            if (app != null) {
                app.close();
            }
            vendors.values().forEach(VendorFake::close);
            if (slack != null) {
                slack.close();
            }
        } finally {
            logs.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Echo.class)
    void noCanaryLeavesItsAuthHeader(Echo echo) throws Exception {
        vendors.forEach((vendor, fake) -> {
            fake.answerPrimaryWith(echoing(echo, vendor));
            fake.server.reset();
        });

        // The terminal path: the investigation, its gaps and both renderings.
        Investigation investigation = app.investigator()
                .investigate(ExampleCatalog.query(ExampleCatalog.service("checkout"), ExampleCatalog.WINDOW))
                .get(20, TimeUnit.SECONDS);
        assertThat(investigation.gaps()).as("every vendor failed").hasSize(3);
        for (Gap gap : investigation.gaps()) {
            assertThat(Canary.foundIn(gap.detail())).as("%s gap detail: %s", gap.source(), gap.detail()).isEmpty();
        }
        assertThat(Canary.foundIn(investigation.toString())).as("Investigation.toString").isEmpty();
        Messages en = Messages.load(Language.EN);
        assertThat(Canary.foundIn(new TerminalRenderer(en, ExampleCatalog.load(Map.of()).zone(), false).render(investigation)))
                .as("terminal report").isEmpty();
        SlackThread thread = new BlockKitRenderer(en, ExampleCatalog.load(Map.of()).zone()).render(investigation);
        List<SlackMessage> rendered = new ArrayList<>(thread.replies());
        rendered.add(thread.parent());
        for (SlackMessage message : rendered) {
            assertThat(Canary.foundIn(message.text() + message.blocksJson())).as("Block Kit").isEmpty();
        }

        // The Slack path: a slash command, its ack, the report thread.
        int updates = slack.calls("chat.update").size();
        int posts = slack.calls("chat.postMessage").size();
        Ack ack = slack.awaitAck(slack.sendSlashCommand(
                new SlashCommand("/investigate", "checkout 30m", CHANNEL, "incident", "U0SRE", "sre")), WAIT);
        assertThat(ack.payloadJson()).as("the command was accepted").contains("checkout");
        slack.awaitCalls("chat.update", updates + 1, WAIT);
        slack.awaitCalls("chat.postMessage", posts + 4, WAIT);

        assertVendorsSawOnlyTheirOwnCredentials();
        assertSlackSawOnlyItsTokens();
        List<String> lines = logs.lines();
        assertThat(lines).as("the capture works: the gaps were logged")
                .anySatisfy(line -> assertThat(line).contains("Datadog gap"))
                .anySatisfy(line -> assertThat(line).contains("Sentry gap"))
                .anySatisfy(line -> assertThat(line).contains("X-Ray gap"));
        for (String line : lines) {
            assertThat(Canary.foundIn(line)).as("log line %s", line).isEmpty();
        }
    }

    /** Each vendor got its own credential in its auth header, and no credential anywhere else. */
    private static void assertVendorsSawOnlyTheirOwnCredentials() {
        vendors.forEach((vendor, fake) -> {
            List<RecordingServer.Hit> hits = fake.server.hits();
            assertThat(hits).as("%s was asked", vendor).isNotEmpty();
            for (RecordingServer.Hit hit : hits) {
                assertThat(Canary.foundIn(hit.requestText())).as("%s request line and body", vendor).isEmpty();
                Headers headers = hit.headers();
                for (int i = 0; i < headers.size(); i++) {
                    String name = headers.name(i);
                    String value = headers.value(i);
                    List<String> expected = authHeader(vendor, name);
                    assertThat(Canary.foundIn(value)).as("%s header %s", vendor, name).containsExactlyElementsOf(expected);
                }
                List<String> sent = new ArrayList<>();
                for (int i = 0; i < headers.size(); i++) {
                    sent.addAll(Canary.foundIn(headers.value(i)));
                }
                assertThat(sent).as("%s got its credentials", vendor).containsExactlyInAnyOrderElementsOf(ownCredentials(vendor));
            }
        });
    }

    /** Slack got the bot token (and the app token to open the socket) in Authorization, nothing in any payload. */
    private static void assertSlackSawOnlyItsTokens() {
        for (ApiCall call : slack.calls()) {
            // Start-up checks each token with auth.test; the app token opens the socket; everything else is the bot's.
            List<String> expected = switch (call.method()) {
                case "auth.test" -> List.of(Canary.SLACK_BOT_TOKEN, Canary.SLACK_APP_TOKEN);
                case "apps.connections.open" -> List.of(Canary.SLACK_APP_TOKEN);
                default -> List.of(Canary.SLACK_BOT_TOKEN);
            };
            assertThat(call.token()).as("token of %s", call.method()).isIn(expected);
            call.params().forEach((name, value) ->
                    assertThat(Canary.foundIn(value)).as("%s %s", call.method(), name).isEmpty());
        }
        for (Ack ack : slack.acks()) {
            assertThat(Canary.foundIn(ack.payloadJson())).as("ack payload").isEmpty();
        }
        for (ResponsePost response : slack.responses()) {
            assertThat(Canary.foundIn(response.json())).as("response_url post").isEmpty();
        }
    }

    /** The canaries a header of a request to {@code vendor} may carry: its own credential, in its auth header. */
    private static List<String> authHeader(Vendor vendor, String header) {
        return switch (vendor) {
            case DATADOG -> header.equalsIgnoreCase("DD-API-KEY") ? List.of(Canary.DD_API_KEY)
                    : header.equalsIgnoreCase("DD-APPLICATION-KEY") ? List.of(Canary.DD_APP_KEY) : List.of();
            case SENTRY -> header.equalsIgnoreCase("Authorization") ? List.of(Canary.SENTRY_TOKEN) : List.of();
            // The access key id names the key in the signature; the secret itself never travels.
            case XRAY -> header.equalsIgnoreCase("Authorization") ? List.of(Canary.AWS_ACCESS_KEY_ID) : List.of();
        };
    }

    private static List<String> ownCredentials(Vendor vendor) {
        return switch (vendor) {
            case DATADOG -> List.of(Canary.DD_API_KEY, Canary.DD_APP_KEY);
            case SENTRY -> List.of(Canary.SENTRY_TOKEN);
            case XRAY -> List.of(Canary.AWS_ACCESS_KEY_ID);
        };
    }

    /** A vendor answering its main endpoint with the credentials it was sent, the {@code echo} way. */
    private static RecordingServer.Responder echoing(Echo echo, Vendor vendor) {
        return (request, path, attempt) -> {
            String credential = credential(vendor, request);
            String headers = headerText(request);
            return switch (echo) {
                case REJECTED_QUOTING_HEADERS -> error(vendor, 401, "invalid credentials " + credential + " in " + headers, credential);
                case RETRIED_THEN_FORBIDDEN -> switch (attempt) {
                    case 1 -> error(vendor, 503, "upstream rejected " + credential, credential);
                    case 2 -> new MockResponse.Builder(error(vendor, 429, "slow down, " + credential, credential))
                            .addHeader("Retry-After", "1").addHeader("X-RateLimit-Reset", "1").build();
                    default -> error(vendor, 403, credential + " may not read this (" + headers + ")", credential);
                };
                case CREDENTIAL_AS_BODY -> new MockResponse.Builder().code(200)
                        .addHeader("Content-Type", "application/json")
                        .addHeader("X-Echo-Credential", credential)
                        .body(credential + "\n" + headers).build();
            };
        };
    }

    /** The vendor's own error shape, with the credential in the message and in the response headers. */
    private static MockResponse error(Vendor vendor, int status, String message, String credential) {
        ObjectNode body = JSON.createObjectNode();
        MockResponse.Builder response = new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\", error_description=\"" + credential + "\"")
                .addHeader("X-Echo-Credential", credential);
        switch (vendor) {
            case DATADOG -> body.putArray("errors").add(message);
            case SENTRY -> body.put("detail", message);
            case XRAY -> {
                String type = switch (status) {
                    case 401 -> "UnrecognizedClientException";
                    case 403 -> "AccessDeniedException";
                    case 429 -> "ThrottledException";
                    default -> "ServiceUnavailableException";
                };
                body.put("__type", type).put("message", message);
                response.addHeader("x-amzn-ErrorType", type);
            }
        }
        return response.body(body.toString()).build();
    }

    /** What the vendor was sent as a credential, as it would quote it back. */
    private static String credential(Vendor vendor, RecordedRequest request) {
        return switch (vendor) {
            case DATADOG -> request.getHeaders().get("DD-API-KEY") + " " + request.getHeaders().get("DD-APPLICATION-KEY");
            case SENTRY -> String.valueOf(request.getHeaders().get("Authorization")).replaceFirst("^Bearer ", "");
            case XRAY -> String.valueOf(request.getHeaders().get("Authorization")).replaceFirst("^.*Credential=", "");
        };
    }

    private static String headerText(RecordedRequest request) {
        StringBuilder b = new StringBuilder();
        Headers headers = request.getHeaders();
        for (int i = 0; i < headers.size(); i++) {
            b.append(headers.name(i)).append(": ").append(headers.value(i)).append("; ");
        }
        return b.toString();
    }
}
