package dev.investigator.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The traced requests of each service, minute by minute: about six a minute (catalog four times that during
 * its surge), each a pure function of (service, minute, onset). While the incidents run (from the onset, and
 * overnight, see {@link Scenarios#incidentAt}): checkout's POSTs fail,
 * mostly on payment-gateway connect timeouts; search's /api/search turns slow; catalog's DynamoDB table
 * throttles; everything else stays healthy.
 */
final class TraceModel {

    static final double TRACES_PER_MINUTE = 6;
    private static final String HOST = "https://api.example-shop.jp";
    private static final String[] USER_AGENTS = {
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        "ExampleShop/4.12.0 (Android 14; Pixel 8)",
    };

    private final Scenarios scenarios;

    TraceModel(Scenarios scenarios) {
        this.scenarios = scenarios;
    }

    /** The traces of {@code service} that started in [from, to) and had finished by {@code now}, oldest first. */
    List<SimTrace> traces(String service, Instant from, Instant to, Instant onset, Instant now) {
        List<SimTrace> out = new ArrayList<>();
        long first = Math.floorDiv(from.getEpochSecond(), 60);
        long last = Math.floorDiv(to.getEpochSecond() - 1, 60);
        for (long m = first; m <= last; m++) {
            for (SimTrace t : minute(service, m, onset)) {
                if (!t.start().isBefore(from) && t.start().isBefore(to) && !t.end().isAfter(now)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Finds a trace by id among the given services' traces (the id carries its start second). */
    Optional<SimTrace> find(String traceId, Collection<String> services, Instant onset) {
        String[] parts = traceId.split("-");
        if (parts.length != 3 || !parts[0].equals("1") || parts[1].length() != 8 || parts[2].length() != 24) {
            return Optional.empty();
        }
        long epochSecond;
        try {
            epochSecond = Long.parseLong(parts[1], 16);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        for (String service : services) {
            for (SimTrace t : minute(service, Math.floorDiv(epochSecond, 60), onset)) {
                if (t.id().equals(traceId)) {
                    return Optional.of(t);
                }
            }
        }
        return Optional.empty();
    }

    List<SimTrace> minute(String service, long epochMinute, Instant onset) {
        ServiceProfile profile = scenarios.profile(service);
        boolean after = Scenarios.incidentAt(Instant.ofEpochSecond(epochMinute * 60), onset);
        double rate = TRACES_PER_MINUTE
                * (profile.incident() == Incident.TRAFFIC_SURGE && after
                        ? profile.after().requestsPerMinute() / profile.before().requestsPerMinute() : 1);
        double g = Noise.gaussian(Noise.seed(service, "traces", epochMinute));
        double u = Noise.uniform(Noise.seed(service, "traces:u", epochMinute));
        int n = (int) Math.floor(Math.max(0, rate * (1 + 0.2 * g)) + u);
        List<SimTrace> traces = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = new SplittableRandom(Noise.seed(service, "trace:" + i, epochMinute));
            Instant start = Instant.ofEpochMilli(epochMinute * 60_000 + r.nextInt(60_000));
            boolean onsetMinute = epochMinute == Math.floorDiv(onset.getEpochSecond(), 60);
            traces.add(build(profile, start, Scenarios.incidentAt(start, onset), onsetMinute, r));
        }
        traces.sort((a, b) -> a.start().compareTo(b.start()));
        return traces;
    }

    private SimTrace build(ServiceProfile p, Instant start, boolean after, boolean onsetMinute, SplittableRandom r) {
        String id = "1-" + hex(start.getEpochSecond(), 8) + "-" + hex(r.nextLong(), 12) + hex(r.nextLong(), 12);
        TraceBuilder b = new TraceBuilder(p.name(), id, hex16(r), start, r);
        switch (p.incident()) {
            case ERROR_SPIKE -> checkout(b, after, onsetMinute, r);
            case LATENCY_REGRESSION -> search(b, after, r);
            case TRAFFIC_SURGE -> catalog(b, after, r);
            case HEALTHY -> healthy(b, p, r);
        }
        return b.build(USER_AGENTS[r.nextInt(USER_AGENTS.length)], "203.0.113." + (1 + r.nextInt(254)));
    }

    /**
     * checkout: every request checks stock; POSTs authorize at payment-gateway, which times out from the onset
     * on: every POST in the onset minute, a quarter of them later; 80% of failures are the timeout itself.
     */
    private void checkout(TraceBuilder b, boolean after, boolean onsetMinute, SplittableRandom r) {
        boolean post = r.nextDouble() < 0.7;
        b.request(post ? "POST" : "GET", HOST + (post ? "/api/checkout" : "/api/checkout/cart"));
        b.work(0.02 + 0.01 * r.nextDouble());
        b.call("inventory", SimTrace.SERVICE_TYPE, "remote", "GET", "http://inventory.internal/api/stock", null,
                0.02 + 0.015 * r.nextDouble(), 200, null);
        if (!post) {
            b.respond(r.nextDouble() < 0.01 ? 404 : 200);
            return;
        }
        boolean fails = after && (onsetMinute || r.nextDouble() < 0.25);
        boolean timesOut = r.nextDouble() < 0.8 || onsetMinute;
        if (fails && timesOut) {
            b.call("payment-gateway", "remote", "remote", "POST", "https://payment-gateway.example.net/v1/authorize",
                    null, 3.0 + 0.004 * r.nextDouble(), 0, new SimTrace.Failure("ConnectTimeoutException",
                            "Connect to payment-gateway.example.net:443 timed out after 3000ms"));
            b.work(0.01);
            b.respond(504);
        } else if (fails) {
            b.call("payment-gateway", "remote", "remote", "POST", "https://payment-gateway.example.net/v1/authorize",
                    null, 2.1 + 0.5 * r.nextDouble(), 200, null);
            b.work(0.01);
            b.fail(500, new SimTrace.Failure("PaymentAuthorizationException",
                    "authorization state unknown after slow payment-gateway reply"));
        } else {
            b.call("payment-gateway", "remote", "remote", "POST", "https://payment-gateway.example.net/v1/authorize",
                    null, 0.09 + (after ? 0.25 : 0.06) * r.nextDouble(), 200, null);
            b.work(0.01);
            b.respond(r.nextDouble() < 0.005 ? 400 : 200);
        }
    }

    /** search: v2.14.0 made /api/search slow inside the service itself; nothing fails. */
    private void search(TraceBuilder b, boolean after, SplittableRandom r) {
        boolean main = r.nextDouble() < 0.7;
        b.request("GET", HOST + (main ? "/api/search" : "/api/search/suggest"));
        b.call("search-opensearch", "remote", "remote", "POST", "https://search-opensearch.internal/products/_search",
                null, (main ? 0.05 : 0.02) + 0.02 * r.nextDouble(), 200, null);
        if (main && after) {
            b.work(0.75 + 0.3 * r.nextDouble());
            b.slow(0.85);
        } else {
            b.work((main ? 0.16 : 0.06) + 0.04 * r.nextDouble());
        }
        b.respond(r.nextDouble() < 0.005 ? 400 : 200);
    }

    /** catalog: four times the traffic, nearly all on /api/items; the DynamoDB table throttles. */
    private void catalog(TraceBuilder b, boolean after, SplittableRandom r) {
        boolean items = r.nextDouble() < (after ? 0.95 : 0.75);
        b.request("GET", HOST + (items ? "/api/items" : "/api/categories"));
        b.work(0.01 + 0.01 * r.nextDouble());
        boolean throttled = after && items && r.nextDouble() < 0.12;
        if (!throttled) {
            b.call("catalog-items", "AWS::DynamoDB::Table", "aws", null, null, "GetItem",
                    (after ? 0.05 : 0.02) + 0.02 * r.nextDouble(), 200, null);
            b.work(0.02 + 0.01 * r.nextDouble());
            b.respond(r.nextDouble() < 0.002 ? 404 : 200);
            return;
        }
        b.call("catalog-items", "AWS::DynamoDB::Table", "aws", null, null, "GetItem",
                0.08 + 0.05 * r.nextDouble(), 400, new SimTrace.Failure("ProvisionedThroughputExceededException",
                        "The level of configured provisioned throughput for the table was exceeded."));
        b.work(0.01);
        b.respond(r.nextDouble() < 0.12 ? 503 : 200);
    }

    private void healthy(TraceBuilder b, ServiceProfile p, SplittableRandom r) {
        double typical = p.before().p95Ms() / 1000 * 0.45;
        switch (p.name()) {
            case "payment" -> {
                boolean post = r.nextDouble() < 0.6;
                b.request(post ? "POST" : "GET", HOST + (post ? "/api/payments" : "/api/payments/status"));
                b.call("payments-db", "Database::SQL", "remote", null, null, null, 0.01 + 0.02 * r.nextDouble(),
                        200, null);
            }
            case "inventory" -> {
                boolean get = r.nextDouble() < 0.8;
                b.request(get ? "GET" : "POST", HOST + (get ? "/api/stock" : "/api/reservations"));
                b.call("inventory-db", "Database::SQL", "remote", null, null, null, 0.005 + 0.01 * r.nextDouble(),
                        200, null);
            }
            default -> b.request("GET", HOST + "/api/" + p.name());
        }
        b.work(typical * (0.6 + 0.8 * r.nextDouble()));
        b.respond(r.nextDouble() < 0.01 ? 404 : 200);
    }

    static String hex16(SplittableRandom r) {
        return hex(r.nextLong(), 16);
    }

    /** The low {@code digits} hex digits of {@code v}, zero-padded (String.format is slow for many traces). */
    static String hex(long v, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = Character.forDigit((int) (v & 0xF), 16);
            v >>>= 4;
        }
        return new String(out);
    }

    /** Lays calls and work out one after another on the root segment's timeline. */
    private static final class TraceBuilder {
        private final String service;
        private final String id;
        private final String rootSegmentId;
        private final Instant start;
        private final SplittableRandom r;
        private final List<SimTrace.Call> calls = new ArrayList<>();
        private String method = "GET";
        private String url = HOST;
        private int status = 200;
        private double elapsed;
        private SimTrace.Failure ownException;
        private double slowCoverage;

        TraceBuilder(String service, String id, String rootSegmentId, Instant start, SplittableRandom r) {
            this.service = service;
            this.id = id;
            this.rootSegmentId = rootSegmentId;
            this.start = start;
            this.r = r;
        }

        void request(String m, String u) {
            method = m;
            url = u;
        }

        void work(double seconds) {
            elapsed += seconds;
        }

        void call(String target, String type, String namespace, String m, String u, String operation,
                  double duration, int callStatus, SimTrace.Failure exception) {
            boolean throttle = callStatus == 429
                    || (exception != null && exception.name().equals("ProvisionedThroughputExceededException"));
            boolean fault = callStatus >= 500 || (callStatus == 0 && exception != null);
            boolean error = !fault && (callStatus >= 400 || throttle);
            calls.add(new SimTrace.Call(hex16(r), hex16(r), target, type, namespace, m, u, operation, elapsed,
                    duration, callStatus, fault, error, throttle, exception));
            elapsed += duration;
        }

        void respond(int s) {
            status = s;
        }

        void fail(int s, SimTrace.Failure e) {
            status = s;
            ownException = e;
        }

        void slow(double coverage) {
            slowCoverage = coverage;
        }

        SimTrace build(String userAgent, String clientIp) {
            boolean fault = status >= 500;
            boolean throttle = status == 429 || calls.stream().anyMatch(SimTrace.Call::throttle);
            boolean error = !fault && status >= 400;
            double responseTime = Math.round(elapsed * 1000) / 1000.0;
            return new SimTrace(id, service, rootSegmentId, start, method, url, status, responseTime, fault, error,
                    throttle, clientIp, userAgent, calls, ownException, slowCoverage);
        }
    }
}
