package dev.investigator.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.util.Locale;

/**
 * Writes each event with the {@code text} or the {@code json} encoder, whichever {@code format} names
 * ({@code ${LOG_FORMAT:-text}} in logback.xml). Logback has no conditionals without Janino; this switch also means a
 * mistyped LOG_FORMAT falls back to text with a warning instead of silently dropping every log line, which is
 * what an {@code <appender-ref ref="${LOG_FORMAT}"/>} naming no appender would do.
 */
public final class LogFormatEncoder extends EncoderBase<ILoggingEvent> {

    private String format = "text";
    private Encoder<ILoggingEvent> text;
    private Encoder<ILoggingEvent> json;
    private volatile Encoder<ILoggingEvent> chosen;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setText(Encoder<ILoggingEvent> text) {
        this.text = text;
    }

    public void setJson(Encoder<ILoggingEvent> json) {
        this.json = json;
    }

    /** "text" or "json", once started. */
    public String chosenFormat() {
        return chosen == null ? "" : chosen == json ? "json" : "text";
    }

    @Override
    public void start() {
        String wanted = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("json") && json != null) {
            chosen = json;
        } else {
            if (wanted.equals("json")) {
                addWarn("LOG_FORMAT is json but no <json> encoder is configured; writing text");
            } else if (!wanted.isEmpty() && !wanted.equals("text")) {
                addWarn("LOG_FORMAT '" + format + "' is neither text nor json; writing text");
            }
            chosen = text;
        }
        if (chosen == null) {
            addError("LogFormatEncoder needs a nested <text> encoder (and <json> for LOG_FORMAT=json)");
            return;
        }
        if (!chosen.isStarted()) {
            chosen.setContext(getContext());
            chosen.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (text != null) {
            text.stop();
        }
        if (json != null) {
            json.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return chosen == null ? null : chosen.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        Encoder<ILoggingEvent> e = chosen;
        return e == null ? new byte[0] : e.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return chosen == null ? null : chosen.footerBytes();
    }
}
