package dev.investigator.bench;

import java.util.List;

/** Start to connected: from {@code Application.create} to the Socket Mode {@code hello} the fake Slack sent. */
final class StartUp implements BenchScenario {

    static final String GROUP = "start";
    static final String CONNECTED = "start to connected (Application.create → Socket Mode hello)";

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) {
        BenchPipeline.Startup s = pipeline.startup();
        return List.of(new BenchTable.Row(CONNECTED, Samples.ms(millis(s.total()))
                + " (app and vendor clients " + Samples.ms(millis(s.application()))
                + ", Slack app " + Samples.ms(millis(s.slackBot()))
                + ", token check and connect " + Samples.ms(millis(s.connect())) + ")"));
    }

    private static double millis(java.time.Duration d) {
        return d.toNanos() / 1e6;
    }
}
