package dev.investigator.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.status.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The two encoders on their own, for the cases the real logback.xml never produces. */
class LogEncodersTest {

    private final LoggerContext context = new LoggerContext();

    private PatternLayoutEncoder pattern(String p) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(context);
        e.setPattern(p);
        e.setCharset(StandardCharsets.UTF_8);
        return e;
    }

    private LoggingEvent event(String message) {
        return new LoggingEvent("x", context.getLogger("dev.investigator.T"), Level.WARN, message, null, null);
    }

    @Test
    void aRedactingEncoderWithoutANestedEncoderReportsAnErrorAndWritesNothing() {
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.start();

        assertThat(encoder.isStarted()).isFalse();
        assertThat(encoder.encode(event("hello"))).isEmpty();
        assertThat(context.getStatusManager().getCopyOfStatusList()).extracting(Status::getMessage)
                .contains("RedactingEncoder needs a nested <encoder>; nothing will be written");
    }

    @Test
    void anExtraSecretVariableIsMaskedAndItsNameIsNot() {
        context.putProperty("MY_WEBHOOK_SECRET", "whsec_0123456789");
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.addSecretVariable("MY_WEBHOOK_SECRET");
        encoder.setEncoder(pattern("%msg"));
        encoder.start();

        String written = new String(encoder.encode(event("MY_WEBHOOK_SECRET=whsec_0123456789")), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("MY_WEBHOOK_SECRET=***");
    }

    @Test
    void withNoSecretsTheWrappedBytesPassThroughUntouched() {
        RedactingEncoder encoder = new RedactingEncoder();
        encoder.setContext(context);
        encoder.setEncoder(pattern("%msg"));
        encoder.start();

        assertThat(new String(encoder.encode(event("調査を開始します")), StandardCharsets.UTF_8)).isEqualTo("調査を開始します");
    }

    @Test
    void aFormatEncoderWithoutATextEncoderReportsAnError() {
        LogFormatEncoder encoder = new LogFormatEncoder();
        encoder.setContext(context);
        encoder.setFormat("text");
        encoder.start();

        assertThat(encoder.isStarted()).isFalse();
        assertThat(encoder.encode(event("hello"))).isEmpty();
    }

    @Test
    void jsonWithoutAJsonEncoderFallsBackToText() {
        LogFormatEncoder encoder = new LogFormatEncoder();
        encoder.setContext(context);
        encoder.setFormat("json");
        encoder.setText(pattern("%level %msg"));
        encoder.start();

        assertThat(encoder.chosenFormat()).isEqualTo("text");
        assertThat(new String(encoder.encode(event("hello")), StandardCharsets.UTF_8)).isEqualTo("WARN hello");
        assertThat(context.getStatusManager().getCopyOfStatusList()).extracting(Status::getMessage)
                .contains("LOG_FORMAT is json but no <json> encoder is configured; writing text");
    }
}
