package dev.investigator.bench;

import java.util.List;

/**
 * One group of rows in the bench table: it drives the running pipeline from the fake Slack's side and reports
 * what it saw. A new figure (the alert storm, say) is one more implementation added to {@link BenchCommand}'s
 * list, nothing else. A scenario reports a poor or missing figure as a value; it never fails the run.
 */
interface BenchScenario {

    /** The group's title in the table, e.g. "acks (50 concurrent /investigate)". */
    String group();

    /** Runs after the scenarios before it, on the same pipeline; returns its rows in order. */
    List<BenchTable.Row> run(BenchPipeline pipeline) throws InterruptedException;
}
