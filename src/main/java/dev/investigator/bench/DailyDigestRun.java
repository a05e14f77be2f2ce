package dev.investigator.bench;

import dev.investigator.digest.DailyDigest;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The daily check's digest of every sandbox service over the last 24 hours, as the morning prompt collects it:
 * how long it takes and how many API calls each source needs for all services together (the digest batches
 * services wherever the vendor's API allows it, so calls per service fall as the catalog grows).
 */
final class DailyDigestRun implements BenchScenario {

    @Override
    public String group() {
        return "daily digest (every sandbox service, last 24 h)";
    }

    @Override
    public List<BenchTable.Row> run(BenchPipeline pipeline) throws InterruptedException {
        int services = pipeline.config().catalog().services().size();
        DigestQuery query = DigestQuery.everyService("bench-digest", pipeline.config().catalog(),
                TimeWindow.ending(java.time.Instant.now(), Duration.ofHours(24)));
        long started = System.nanoTime();
        DailyDigest digest;
        try {
            digest = pipeline.digests().collect(query).get(2, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            return List.of(new BenchTable.Row("digest", "not collected: " + e));
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        List<BenchTable.Row> rows = new ArrayList<>();
        rows.add(new BenchTable.Row("wall time", Samples.ms(wall.toNanos() / 1e6) + " for " + services + " services, "
                + digest.flagged().size() + " flagged"));
        int total = 0;
        for (DigestReport report : digest.reports()) {
            total += report.apiCalls();
            rows.add(new BenchTable.Row(report.source().displayName() + ": API calls",
                    report.apiCalls() + " for all " + services + " services (" + Samples.ms(report.elapsed().toNanos() / 1e6)
                            + (report.gap().map(g -> "; gap " + g.reason()).orElse("") + ")")));
        }
        rows.add(new BenchTable.Row("API calls per service", String.format(java.util.Locale.ROOT, "%.1f (%d in all)",
                (double) total / services, total)));
        return rows;
    }
}
