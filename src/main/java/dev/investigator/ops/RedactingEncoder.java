package dev.investigator.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.util.OptionHelper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Wraps another encoder and masks the values of the secret environment variables in everything it writes —
 * message, MDC, stack trace, in text or JSON — so a token echoed in an exception never reaches the log.
 *
 * <pre>{@code
 * <encoder class="dev.investigator.ops.RedactingEncoder">
 *   <secretVariable>MY_EXTRA_TOKEN</secretVariable>          <!-- optional, adds to SecretRedactor.SECRET_VARIABLES -->
 *   <encoder class="ch.qos.logback.classic.encoder.PatternLayoutEncoder">...</encoder>
 * </encoder>
 * }</pre>
 *
 * <p>Values are looked up like Logback's own {@code ${NAME}}: the logger context's properties, then system
 * properties, then the environment. The wrapped encoder must write UTF-8.
 */
public final class RedactingEncoder extends EncoderBase<ILoggingEvent> {

    private final Set<String> variables = new LinkedHashSet<>(SecretRedactor.SECRET_VARIABLES);
    private Encoder<ILoggingEvent> encoder;
    private volatile SecretRedactor redactor = SecretRedactor.of(List.of());

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** One more variable whose value must never be written. */
    public void addSecretVariable(String name) {
        if (name != null && !name.isBlank()) {
            variables.add(name.strip());
        }
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("RedactingEncoder needs a nested <encoder>; nothing will be written");
            return;
        }
        if (!encoder.isStarted()) {
            encoder.setContext(getContext());
            encoder.start();
        }
        List<String> values = new ArrayList<>();
        for (String name : variables) {
            String value = OptionHelper.propertyLookup(name, getContext(), null);
            if (value != null) {
                values.add(value);
            }
        }
        redactor = SecretRedactor.of(values);
        super.start();
    }

    @Override
    public void stop() {
        if (encoder != null) {
            encoder.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return redacted(encoder == null ? null : encoder.headerBytes());
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return encoder == null ? new byte[0] : redacted(encoder.encode(event));
    }

    @Override
    public byte[] footerBytes() {
        return redacted(encoder == null ? null : encoder.footerBytes());
    }

    private byte[] redacted(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || redactor.isEmpty()) {
            return bytes;
        }
        String line = new String(bytes, StandardCharsets.UTF_8);
        String clean = redactor.redact(line);
        return clean == line ? bytes : clean.getBytes(StandardCharsets.UTF_8);
    }
}
