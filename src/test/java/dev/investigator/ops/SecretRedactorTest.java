package dev.investigator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    private static final String BOT = "xoxb-1234567890-0987654321-AbCdEfGhIjKl";
    private static final String APP = "xapp-1-A0123456789-1234567890123-abcdef";
    private static final String B64 = "q/Zx+Wp9Rt==";

    static Stream<Arguments> table() {
        return Stream.of(
                // name, text, secrets, expected
                Arguments.of("one occurrence", "token " + BOT + " rejected", List.of(BOT), "token *** rejected"),
                Arguments.of("every occurrence", BOT + "," + BOT + ";" + BOT, List.of(BOT), "***,***;***"),
                Arguments.of("several secrets", "bot=" + BOT + " app=" + APP, List.of(BOT, APP), "bot=*** app=***"),
                Arguments.of("no secret in the text", "HTTP 401 Unauthorized", List.of(BOT), "HTTP 401 Unauthorized"),
                Arguments.of("no secrets given", "token " + BOT, List.of(), "token " + BOT),
                Arguments.of("blank secret ignored", "a   b", List.of("        "), "a   b"),
                Arguments.of("secret under 8 chars ignored", "Password: hunter2", List.of("hunter2"), "Password: hunter2"),
                Arguments.of("8 chars is enough", "key=abcdefgh!", List.of("abcdefgh"), "key=***!"),
                Arguments.of("surrounding whitespace of the secret ignored", "key=abcdefgh", List.of("  abcdefgh\n"), "key=***"),
                Arguments.of("longer secret masked whole when it contains a shorter one",
                        "k=" + BOT + "-suffix", List.of(BOT, BOT + "-suffix"), "k=***"),
                Arguments.of("URL-encoded form", "GET /api?token=q%2FZx%2BWp9Rt%3D%3D&x=1", List.of(B64), "GET /api?token=***&x=1"),
                Arguments.of("JSON-escaped form", "{\"k\":\"ab\\\"cdefgh\"}", List.of("ab\"cdefgh"), "{\"k\":\"***\"}"),
                Arguments.of("multi-line stack trace",
                        "java.lang.IllegalStateException: bad " + BOT + "\n\tat x.Y.z(Y.java:1)", List.of(BOT),
                        "java.lang.IllegalStateException: bad ***\n\tat x.Y.z(Y.java:1)"),
                Arguments.of("Japanese text around it", "トークン" + BOT + "が無効です", List.of(BOT), "トークン***が無効です"),
                Arguments.of("case matters (a different value is not the secret)", BOT.toUpperCase(), List.of(BOT), BOT.toUpperCase()),
                Arguments.of("empty text", "", List.of(BOT), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void redacts(String name, String text, List<String> secrets, String expected) {
        assertThat(SecretRedactor.redact(text, secrets)).isEqualTo(expected);
    }

    @Test
    void nullTextAndNullSecretsAreTolerated() {
        assertThat(SecretRedactor.redact(null, List.of(BOT))).isNull();
        assertThat(SecretRedactor.redact("x " + BOT, Arrays.asList(null, BOT))).isEqualTo("x ***");
    }

    @Test
    void textWithoutASecretComesBackAsTheSameInstance() {
        String text = "nothing to hide here";
        assertThat(SecretRedactor.of(List.of(BOT)).redact(text)).isSameAs(text);
    }

    @Test
    void fromEnvironmentTakesTheKnownSecretVariablesAndExtras() {
        Map<String, String> env = Map.of(
                "SLACK_BOT_TOKEN", BOT,
                "DD_API_KEY", "0123456789abcdef",
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "MY_WEBHOOK_SECRET", "whsec_0123456789",
                "HOME", "/home/investigator");
        SecretRedactor redactor = SecretRedactor.fromEnvironment(env, List.of("MY_WEBHOOK_SECRET"));

        assertThat(redactor.redact(BOT + " 0123456789abcdef wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY whsec_0123456789 /home/investigator"))
                .isEqualTo("*** *** *** *** /home/investigator");
    }

    @Test
    void toStringNeverShowsASecret() {
        SecretRedactor redactor = SecretRedactor.of(List.of(BOT, APP));

        assertThat(redactor.toString()).doesNotContain(BOT).doesNotContain(APP).doesNotContain("xox");
        assertThat(SecretRedactor.of(List.of()).isEmpty()).isTrue();
        assertThat(redactor.isEmpty()).isFalse();
    }
}
