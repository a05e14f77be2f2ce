package dev.investigator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Configures a fresh Logback context from the real src/main/resources/logback.xml (the tests' own
 * logback-test.xml stays in charge of everything else) and reads what the STDERR appender writes.
 */
class LogbackConfigTest {

    private static final String BOT_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp";
    private static final String SENTRY_TOKEN = "sntrys_eyJpYXQiOjE3MDAwMDAwMDB9_q/Zx+Wp==";

    private final ObjectMapper json = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private LoggerContext context;

    @AfterEach
    void stop() {
        MDC.clear();
        if (context != null) {
            context.stop();
        }
    }

    /** @param properties what the environment would hold (Logback reads context properties before env vars) */
    private Logger configure(Map<String, String> properties) throws JoranException {
        URL file = LogbackConfigTest.class.getResource("/logback.xml");
        assertThat(file).as("the production logback.xml on the classpath").isNotNull();
        assertThat(file.getPath()).endsWith("/classes/logback.xml");
        context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        properties.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(file);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> appender = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(appender).as("the STDERR appender").isNotNull();
        assertThat(appender.getTarget()).isEqualTo("System.err");
        appender.setOutputStream(out);
        return context.getLogger("dev.investigator.slack.SlackApp");
    }

    private List<String> lines() {
        return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> !l.isEmpty()).toList();
    }

    private List<Status> problems() {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getEffectiveLevel() >= Status.WARN).toList();
    }

    @Test
    void byDefaultEachEventIsOneHumanLineWithTheInvestigationId() throws Exception {
        Logger log = configure(Map.of());
        try (var scope = LogContext.investigation("inv-20261120-0500")) {
            log.info("posted parent message");
        }

        assertThat(problems()).isEmpty();
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line)
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  d\\.i\\.slack\\.SlackApp inv-20261120-0500 - posted parent message"));
    }

    @Test
    void logFormatJsonWritesOneJsonObjectPerLineWithTheMdcAndNoCallerData() throws Exception {
        Logger log = configure(Map.of("LOG_FORMAT", "json"));
        try (var scope = LogContext.investigation("inv-json-1")) {
            log.warn("Sentry answered 429 for {}", "checkout");
        }
        log.error("待ってください: 調査が失敗しました", new IllegalStateException("boom"));

        assertThat(problems()).isEmpty();
        List<String> lines = lines();
        assertThat(lines).hasSize(2);
        JsonNode first = json.readTree(lines.get(0));
        assertThat(first.isObject()).isTrue();
        assertThat(first.path("message").asText()).isEqualTo("Sentry answered 429 for checkout");
        assertThat(first.path("level").asText()).isEqualTo("WARN");
        assertThat(first.path("logger_name").asText()).isEqualTo("dev.investigator.slack.SlackApp");
        assertThat(first.path("investigation").asText()).isEqualTo("inv-json-1");
        assertThat(first.has("@timestamp")).isTrue();
        assertThat(first.has("caller_class_name")).isFalse();
        assertThat(first.has("caller_line_number")).isFalse();

        JsonNode second = json.readTree(lines.get(1));
        assertThat(second.path("message").asText()).isEqualTo("待ってください: 調査が失敗しました");
        assertThat(second.path("stack_trace").asText()).startsWith("java.lang.IllegalStateException: boom");
        assertThat(second.has("investigation")).as("the scope had closed").isFalse();
    }

    @Test
    void theFormatNameIsReadCaseInsensitively() throws Exception {
        Logger log = configure(Map.of("LOG_FORMAT", "JSON"));
        log.warn("hello");

        assertThat(json.readTree(lines().get(0)).path("message").asText()).isEqualTo("hello");
    }

    @Test
    void anUnknownFormatFallsBackToTextWithAWarningInsteadOfLosingTheLogs() throws Exception {
        Logger log = configure(Map.of("LOG_FORMAT", "logfmt"));
        log.warn("still visible");

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).endsWith(" - still visible"));
        assertThat(problems()).extracting(Status::getMessage)
                .containsExactly("LOG_FORMAT 'logfmt' is neither text nor json; writing text");
    }

    @Test
    void logLevelSetsTheRootAndOurOwnLoggersWhileVendorsStayAtWarn() throws Exception {
        configure(Map.of("LOG_LEVEL", "DEBUG"));
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        assertThat(context.getLogger("dev.investigator").getLevel()).isEqualTo(Level.DEBUG);
        for (String vendor : List.of("org.apache", "org.glassfish", "software.amazon", "okhttp3", "com.slack.api")) {
            assertThat(context.getLogger(vendor).getLevel()).as(vendor).isEqualTo(Level.WARN);
        }
    }

    @Test
    void withoutLogLevelTheRootIsWarnAndOurOwnLoggersInfo() throws Exception {
        Logger ours = configure(Map.of());
        context.getLogger("com.example.SomeLibrary").info("library chatter");
        ours.info("ours");
        ours.debug("not shown");

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).endsWith(" - ours"));
    }

    @Test
    void secretValuesAreMaskedInTextLinesAndStackTraces() throws Exception {
        Logger log = configure(Map.of("SLACK_BOT_TOKEN", BOT_TOKEN, "SENTRY_AUTH_TOKEN", SENTRY_TOKEN));
        log.warn("auth.test failed for token {}", BOT_TOKEN,
                new IllegalArgumentException("Authorization: Bearer " + SENTRY_TOKEN));

        String written = out.toString(StandardCharsets.UTF_8);
        assertThat(written).doesNotContain(BOT_TOKEN).doesNotContain(SENTRY_TOKEN)
                .contains("auth.test failed for token ***")
                .contains("java.lang.IllegalArgumentException: Authorization: Bearer ***");
    }

    @Test
    void secretValuesAreMaskedInJsonLinesAndTheLineStaysValidJson() throws Exception {
        String quoted = "pa\"ss\\word-0123456789";
        Logger log = configure(Map.of("LOG_FORMAT", "json", "DD_API_KEY", "0123456789abcdef0123456789abcdef",
                "DD_APP_KEY", quoted));
        MDC.put("note", "key=0123456789abcdef0123456789abcdef");
        log.warn("keys {} and {}", "0123456789abcdef0123456789abcdef", quoted);

        String line = lines().get(0);
        assertThat(line).doesNotContain("0123456789abcdef").doesNotContain("ss\\\\word");
        JsonNode event = json.readTree(line);
        assertThat(event.path("message").asText()).isEqualTo("keys *** and ***");
        assertThat(event.path("note").asText()).isEqualTo("key=***");
    }

    @Test
    void aShortOrUnsetSecretVariableMasksNothing() throws Exception {
        Logger log = configure(Map.of("DD_APP_KEY", "short", "SLACK_APP_TOKEN", ""));
        log.warn("a short word stays readable");

        assertThat(lines()).singleElement().satisfies(line -> assertThat(line).endsWith(" - a short word stays readable"));
    }
}
