package dev.investigator.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated Datadog, Sentry and AWS X-Ray HTTP APIs, each on its own 127.0.0.1 port, serving scripted
 * scenarios in the vendors' real formats so that the real clients run a full investigation without accounts.
 *
 * <p>The scenarios are a pure function of (service, timestamp, clock): the incident onset is {@code clock}'s
 * now, truncated to the minute, minus twelve minutes. checkout has an error spike caused by payment-gateway
 * timeouts; search a latency regression after a deploy; catalog a traffic surge; payment and inventory (and any
 * other service name) are healthy. For the daily check, the metrics and traces of the same incidents also ran
 * overnight (12 to 2 hours before the onset), so a digest over the last 24 hours flags checkout, search and
 * catalog against last week and the 7-day median, and their Datadog monitors are alerting while the incidents
 * run. The service catalog that matches them is the classpath resource {@value #CATALOG_RESOURCE}.
 *
 * <p>Clients: Datadog wants DD-API-KEY and DD-APPLICATION-KEY (any values), Sentry {@code Authorization: Bearer
 * <anything>} and organization {@code sandbox-org}, X-Ray any SigV4-signed request (static credentials, region
 * ap-northeast-1). Latency is simulated without holding threads (see {@link VendorServer}).
 */
public final class Sandbox implements AutoCloseable {

    /** The sandbox's service catalog, in the same format as config/investigator.example.yml. */
    public static final String CATALOG_RESOURCE = "/sandbox/investigator.yml";
    /** The Sentry organization the sandbox serves. */
    public static final String SENTRY_ORGANIZATION = SentryProjects.ORGANIZATION;
    public static final String XRAY_REGION = "ap-northeast-1";

    private static final int WORKER_THREADS = 8;

    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final Map<String, VendorServer> servers;

    private Sandbox(ExecutorService workers, ScheduledExecutorService scheduler, Map<String, VendorServer> servers) {
        this.workers = workers;
        this.scheduler = scheduler;
        this.servers = servers;
    }

    /** Starts the three fake APIs on free loopback ports. */
    public static Sandbox start(Clock clock, SandboxLatency latency) throws IOException {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(latency, "latency");
        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads("sandbox-http"));
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(daemonThreads("sandbox-latency"));

        Json json = new Json();
        Scenarios scenarios = new Scenarios(clock);

        DatadogErrors datadogErrors = new DatadogErrors(json);
        DatadogApi datadog = new DatadogApi(
                new DatadogTimeseries(json, scenarios, new MetricModel(scenarios), datadogErrors),
                new DatadogEvents(json, scenarios, new EventScript(scenarios), datadogErrors),
                new DatadogMonitors(json, scenarios, datadogErrors),
                datadogErrors);

        SentryProjects projects = new SentryProjects();
        SentryErrors sentryErrors = new SentryErrors(json);
        SentryApi sentry = new SentryApi(json, projects,
                new SentryIssues(json, scenarios, projects, new IssueScripts(), sentryErrors), sentryErrors);

        TraceModel traces = new TraceModel(scenarios);
        XRayTraceSummaries summaries = new XRayTraceSummaries(json, scenarios, traces, new TraceSummaryWriter(json));
        XRayApi xray = new XRayApi(json, summaries, new XRayServiceGraph(json, scenarios, traces),
                new XRayBatchTraces(json, scenarios, traces, summaries, new SegmentDocuments(json)),
                new XRayErrors(json));

        Map<String, VendorServer> servers = Map.of(
                "datadog", new VendorServer("datadog", datadog, latency.datadog(), workers, scheduler),
                "sentry", new VendorServer("sentry", sentry, latency.sentry(), workers, scheduler),
                "xray", new VendorServer("xray", xray, latency.xray(), workers, scheduler));
        Sandbox sandbox = new Sandbox(workers, scheduler, servers);
        try {
            for (VendorServer server : servers.values()) {
                server.start();
            }
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
        return sandbox;
    }

    /** Base URL of the Datadog API, e.g. http://127.0.0.1:40123 (use server index 1: protocol + name). */
    public URI datadogUrl() {
        return servers.get("datadog").url();
    }

    /** Base URL of the Sentry API; the client appends /api/0/... */
    public URI sentryUrl() {
        return servers.get("sentry").url();
    }

    /** Endpoint override for the X-Ray client. */
    public URI xrayUrl() {
        return servers.get("xray").url();
    }

    /** How many HTTP requests one vendor ("datadog", "sentry" or "xray") has received so far. */
    public long requests(String vendor) {
        VendorServer server = servers.get(vendor);
        if (server == null) {
            throw new IllegalArgumentException("unknown vendor '" + vendor + "'; expected one of "
                    + List.of("datadog", "sentry", "xray"));
        }
        return server.requests();
    }

    @Override
    public void close() {
        servers.values().forEach(VendorServer::close);
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "Sandbox[datadog=" + datadogUrl() + ", sentry=" + sentryUrl() + ", xray=" + xrayUrl() + "]";
    }

    /** When the scripted incidents start for this clock: now, truncated to the minute, minus 12 minutes. */
    public static Instant incidentOnset(Clock clock) {
        return new Scenarios(clock).onset();
    }
}
