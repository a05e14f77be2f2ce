package dev.investigator.bench;

import java.util.List;

/**
 * Holds the alert storm's place in the table until the alert-channel feature lands. Its replacement posts 200
 * alert messages for 5 services within 60 s through {@code FakeSlack.sendMessageEvent} and reports investigations
 * started, Slack Web API calls made and the time to the last reply — one class, swapped in {@link BenchCommand}.
 */
final class AlertStormPending implements BenchScenario {

    static final String GROUP = "alert storm (200 alert posts, 5 services, 60 s)";

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) {
        return List.of(new BenchTable.Row("investigations started / Slack Web API calls / time to the last reply",
                "not measured yet: the alert-channel feature has not landed"));
    }
}
