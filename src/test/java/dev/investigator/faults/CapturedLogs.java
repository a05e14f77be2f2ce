package dev.investigator.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Every log line the process writes, as production writes it with {@code LOG_LEVEL=DEBUG}: the levels of
 * {@code logback.xml}, java.util.logging bridged as {@code Main} does, and each event encoded at once with both of
 * its encoders (the text pattern, stack traces included, and the JSON one with the MDC) but without the
 * redacting wrapper: what must hold is that no code logs a secret, not that the last line of defence catches it.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    /** logback.xml's levels with LOG_LEVEL=DEBUG; the vendor libraries stay at WARN there whatever LOG_LEVEL says. */
    private static final Map<String, Level> PRODUCTION_DEBUG = Map.of(
            Logger.ROOT_LOGGER_NAME, Level.DEBUG,
            "dev.investigator", Level.DEBUG,
            "org.apache", Level.WARN,
            "org.glassfish", Level.WARN,
            "software.amazon", Level.WARN,
            "okhttp3", Level.WARN,
            "com.slack.api", Level.WARN,
            // test-only: the fake servers' own chatter is not the product's
            "mockwebserver3", Level.WARN);

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    private final PatternLayoutEncoder text = new PatternLayoutEncoder();
    private final LogstashEncoder json = new LogstashEncoder();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Map<String, Level> savedLevels = new LinkedHashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

    private CapturedLogs() {
    }

    static CapturedLogs capture() {
        CapturedLogs logs = new CapturedLogs();
        logs.attach();
        return logs;
    }

    private void attach() {
        text.setContext(context);
        text.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{20} %X{investigation} - %msg%n");
        text.setCharset(StandardCharsets.UTF_8);
        text.start();
        json.setContext(context);
        json.setIncludeCallerData(false);
        json.setIncludeMdc(true);
        json.start();
        setContext(context);
        setName("captured-logs");
        start();

        PRODUCTION_DEBUG.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            savedLevels.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        // The console appender would print every DEBUG line of the run; it is put back afterwards.
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            detached.add(it.next());
        }
        detached.forEach(root::detachAppender);
        root.addAppender(this);
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // Encoded now, on the logging thread, so the MDC is the one the line was written with.
        lines.add(new String(text.encode(event), StandardCharsets.UTF_8));
        lines.add(new String(json.encode(event), StandardCharsets.UTF_8));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        SLF4JBridgeHandler.uninstall();
        root.detachAppender(this);
        detached.forEach(root::addAppender);
        savedLevels.forEach((name, level) -> context.getLogger(name).setLevel(level));
        stop();
        text.stop();
        json.stop();
    }
}
