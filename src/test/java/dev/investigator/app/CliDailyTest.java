package dev.investigator.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code investigator demo daily}: the digest of every sandbox service, problems first, from the command line. */
class CliDailyTest {

    @Test
    void theDigestOfTheSandboxPutsItsThreeScriptedProblemsFirst() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(Map.of(), Clock.systemUTC(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("demo", "daily", "--no-color");

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("Daily check").contains("Needs a look (3)").contains("All other services healthy: payment, inventory");
        assertThat(text.indexOf("checkout")).isLessThan(text.indexOf("All other services healthy"));
        assertThat(text).contains("CHECKOUT-1F3").contains("possible attack");
    }
}
