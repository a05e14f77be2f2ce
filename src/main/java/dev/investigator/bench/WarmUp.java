package dev.investigator.bench;

import java.util.List;

/**
 * A few complete investigations through Slack before anything is measured, so class loading, JIT and the
 * clients' first connections are not counted as latency.
 */
final class WarmUp implements BenchScenario {

    static final String GROUP = "warm-up";
    static final String FIGURE = "/investigate commands run first, not counted";

    private final int commands;

    WarmUp(int commands) {
        this.commands = commands;
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) throws InterruptedException {
        if (commands == 0) {
            return List.of(new BenchTable.Row(FIGURE, "none (--warm-up 0)"));
        }
        int before = pipeline.observer().postedCount();
        long started = System.nanoTime();
        pipeline.investigateAll(pipeline.distinctCommands(commands));
        int posted = pipeline.observer().awaitPosted(before, commands, pipeline.patience(commands)).size();
        double ms = (System.nanoTime() - started) / 1e6;
        return List.of(new BenchTable.Row(FIGURE, commands + " at once; " + posted + " of " + commands
                + " threads posted in " + Samples.ms(ms)));
    }
}
