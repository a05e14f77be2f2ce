package dev.investigator;

import dev.investigator.app.Cli;
import java.time.Clock;

/** Entry point: wiring only. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        int code = new Cli(System.getenv(), Clock.systemUTC(), System.out, System.err).run(args);
        System.exit(code);
    }
}
