package dev.investigator.alert;

import static dev.investigator.alert.AlertFixtures.inline;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertPostTest {

    @Test
    void readsTheEventOfASocketModeEnvelope() throws Exception {
        // The Python SDK's captured events_api envelope: the event is payload.event.
        JsonNode envelope = AlertFixtures.JSON.readTree(
                AlertPostTest.class.getResourceAsStream("/sandbox/slack/socket/events_api_message_envelope.json"));
        AlertPost post = AlertPost.fromEvent(envelope.path("payload").path("event")).orElseThrow();

        assertThat(post.channel()).isEqualTo("C111");
        assertThat(post.user()).isEqualTo("U222");
        assertThat(post.postedAt()).isEqualTo(Instant.parse("2021-01-10T01:22:21.000200Z"));
        assertThat(post.isNewPost()).isTrue();
        assertThat(post.fromBot()).isFalse();
        assertThat(post.plainText()).isEqualTo("@U111 Hi here!");
    }

    @ParameterizedTest(name = "subtype={0} thread_ts={1}")
    @CsvSource(textBlock = """
            '',                  '',                  true
            bot_message,         '',                  true
            bot_message,         1776161390.000100,   true
            '',                  1776161000.000100,   false
            thread_broadcast,    1776161000.000100,   false
            message_changed,     '',                  false
            message_deleted,     '',                  false
            channel_join,        '',                  false
            file_share,          '',                  false
            """)
    void onlyTopLevelPlainOrBotPostsAreNew(String subtype, String threadTs, boolean isNew) {
        AlertPost post = inline("""
                {"subtype": "%s", "thread_ts": "%s", "ts": "1776161390.000100", "bot_id": "B1", "text": "x"}
                """.formatted(subtype, threadTs));

        assertThat(post.isNewPost()).isEqualTo(isNew);
    }

    @Test
    void anEventThatIsNotAMessageOrHasNoTimestampIsNoPost() {
        assertThat(AlertPost.fromEvent(AlertFixtures.JSON.createObjectNode().put("type", "app_mention").put("ts", "1.2")
                .put("channel", "C1"))).isEmpty();
        assertThat(AlertPost.fromEvent(AlertFixtures.JSON.createObjectNode().put("type", "message").put("channel", "C1")
                .put("ts", "not-a-ts"))).isEmpty();
        assertThat(AlertPost.fromEvent(null)).isEmpty();
    }

    @Test
    void richTextHeadersContextsAndFieldsAllBecomeText() {
        AlertPost post = inline("""
                {"bot_id": "B1", "blocks": [
                  {"type": "header", "text": {"type": "plain_text", "text": "A < B & C"}},
                  {"type": "rich_text", "elements": [{"type": "rich_text_section", "elements": [
                     {"type": "emoji", "name": "fire"}, {"type": "text", "text": " errors on "},
                     {"type": "link", "url": "https://x.example/checkout", "text": "checkout"},
                     {"type": "user", "user_id": "U9"}]},
                     {"type": "rich_text_list", "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": "item"}]}]}]},
                  {"type": "section", "fields": [{"type": "mrkdwn", "text": "*Service*\\nsearch"}]},
                  {"type": "context", "elements": [{"type": "image", "alt_text": "logo"}, {"type": "mrkdwn", "text": "footer"}]}]}
                """);

        assertThat(post.plainText()).isEqualTo("A < B & C\n:fire: errors on checkout@U9\nitem\n*Service*\nsearch\nfooter");
        assertThat(post.links()).extracting(AlertPost.Link::url).containsExactly("https://x.example/checkout");
        assertThat(post.headlines()).containsExactly("A < B & C", ":fire: errors on checkout@U9", "*Service*", "footer");
    }

    @Test
    void theSenderIsTheBotProfileNameElseTheUsernameOverride() {
        assertThat(inline("{\"bot_id\": \"B1\", \"bot_profile\": {\"name\": \"Sentry\"}, \"username\": \"x\"}").senderName())
                .isEqualTo("Sentry");
        assertThat(inline("{\"subtype\": \"bot_message\", \"username\": \"Grafana\"}").senderName()).isEqualTo("Grafana");
        assertThat(inline("{\"subtype\": \"bot_message\", \"username\": \"Grafana\"}").fromBot()).isTrue();
    }

    @Test
    void attachmentTimesAreReadAsNumbersOrStrings() {
        AlertPost post = inline("""
                {"bot_id": "B1", "attachments": [{"ts": 1776161000}, {"ts": "1776161001.5"}, {"ts": "soon"}]}
                """);

        assertThat(post.attachments()).extracting(AlertPost.Attachment::ts).containsExactly(
                java.util.Optional.of(Instant.ofEpochSecond(1776161000)), java.util.Optional.of(Instant.ofEpochSecond(1776161001, 500_000_000)),
                java.util.Optional.empty());
    }
}
