package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.investigator.model.EndpointStat;
import dev.investigator.model.RootCause;
import dev.investigator.model.ServiceEdge;
import dev.investigator.model.TimeWindow;
import dev.investigator.model.TraceExample;
import dev.investigator.source.xray.XRayTranslator.Culprit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.model.Edge;
import software.amazon.awssdk.services.xray.model.EdgeStatistics;
import software.amazon.awssdk.services.xray.model.ErrorRootCause;
import software.amazon.awssdk.services.xray.model.ErrorRootCauseEntity;
import software.amazon.awssdk.services.xray.model.ErrorRootCauseService;
import software.amazon.awssdk.services.xray.model.ErrorStatistics;
import software.amazon.awssdk.services.xray.model.FaultRootCause;
import software.amazon.awssdk.services.xray.model.FaultRootCauseEntity;
import software.amazon.awssdk.services.xray.model.FaultRootCauseService;
import software.amazon.awssdk.services.xray.model.FaultStatistics;
import software.amazon.awssdk.services.xray.model.RootCauseException;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.TraceSummary;

class XRayTranslatorTest {

    private static final Instant T0 = Instant.parse("2026-03-10T05:00:00Z");
    private static final TimeWindow WINDOW = new TimeWindow(T0, T0.plusSeconds(1800));
    private int seq;

    // --- root causes ---------------------------------------------------------------------------------------

    @Test
    void blamesTheServiceWhoseEntityPathEndsInAnExceptionWithItsFirstException() {
        TraceSummary t = faulty(1, 1.0, faultRoot(
                service("checkout", entity("checkout"), entity("payment-gateway")),
                service("payment-gateway", entity("payment-gateway"),
                        entity("api.provider", "ProviderTimeout", "SecondException")),
                service("audit-log", entity("audit-log"))));

        assertThat(XRayTranslator.faultCulprit(t)).contains(new Culprit("payment-gateway", "ProviderTimeout"));
    }

    @Test
    void anExceptionFromARemoteCallBlamesTheDependencyCalled() {
        // checkout's own segment records the failed call to payment-gateway, which X-Ray did not trace itself.
        TraceSummary t = faulty(1, 1.0, faultRoot(
                service("checkout", entity("checkout"), remote("payment-gateway", "ConnectTimeoutException"))));
        assertThat(XRayTranslator.faultCulprit(t)).contains(new Culprit("payment-gateway", "ConnectTimeoutException"));

        // a local subsegment (not remote) that throws keeps the blame on the service
        TraceSummary local = faulty(2, 1.0, faultRoot(
                service("checkout", entity("checkout"), entity("PricingEngine", "ArithmeticException"))));
        assertThat(XRayTranslator.faultCulprit(local)).contains(new Culprit("checkout", "ArithmeticException"));
    }

    @Test
    void withoutAnyExceptionTheLastServiceListedIsBlamed() {
        TraceSummary t = faulty(1, 1.0, faultRoot(service("checkout", entity("checkout")), service("inventory", entity("inventory"))));

        assertThat(XRayTranslator.faultCulprit(t)).contains(new Culprit("inventory", ""));
    }

    @Test
    void aServiceWithoutNameIsKnownByItsFirstName() {
        FaultRootCauseService unnamed = FaultRootCauseService.builder().names("legacy-billing", "billing")
                .entityPath(entity("billing", "SQLTimeoutException")).build();
        TraceSummary t = faulty(1, 1.0, FaultRootCause.builder().services(unnamed).build());

        assertThat(XRayTranslator.faultCulprit(t)).contains(new Culprit("legacy-billing", "SQLTimeoutException"));
    }

    @Test
    void sharesAreOverAllFaultyTracesIncludingThoseWithoutRootCauseSortedByCount() {
        List<TraceSummary> traces = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            traces.add(faulty(i, 1.0, faultRoot(service("db", entity("db", "Deadlock")))));
        }
        traces.add(faulty(4, 1.0, faultRoot(service("cache", entity("cache", "Timeout")))));
        traces.add(faulty(5, 1.0));
        traces.add(ok(6, 0.1));

        List<RootCause> causes = XRayTranslator.rootCauses(traces);

        assertThat(causes).containsExactly(
                new RootCause("db", "Deadlock", 3, 3.0 / 5),
                new RootCause("cache", "Timeout", 1, 1.0 / 5));
    }

    @Test
    void errorRootCausesCountOnlyWhenNothingFaulted() {
        TraceSummary error = base(1, 0.05).hasError(true)
                .errorRootCauses(ErrorRootCause.builder().services(ErrorRootCauseService.builder().name("checkout")
                        .entityPath(ErrorRootCauseEntity.builder().name("checkout").exceptions(
                                RootCauseException.builder().name("ValidationException").build()).build()).build()).build())
                .build();

        assertThat(XRayTranslator.rootCauses(List.of(error, ok(2, 0.1))))
                .containsExactly(new RootCause("checkout", "ValidationException", 1, 1.0));
        assertThat(XRayTranslator.rootCauses(List.of(error, faulty(3, 1.0, faultRoot(service("db", entity("db", "X")))))))
                .extracting(RootCause::service).containsExactly("db");
    }

    // --- numbers -------------------------------------------------------------------------------------------

    @Test
    void p95IsTheNearestRankOfResponseTimesFallingBackToDuration() {
        List<TraceSummary> traces = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            traces.add(ok(i, i / 10.0));
        }
        assertThat(XRayTranslator.p95Millis(traces)).isCloseTo(1900.0, within(1e-9));
        assertThat(XRayTranslator.p95Millis(List.of(base(1, null).duration(0.25).build()))).isCloseTo(250.0, within(1e-9));
        assertThat(XRayTranslator.p95Millis(List.of())).isZero();
    }

    @Test
    void tracesSeenOnTwoPagesCountOnce() {
        TraceSummary t = ok(1, 0.1);

        assertThat(XRayTranslator.distinct(List.of(t, ok(2, 0.2), t))).hasSize(2);
    }

    // --- endpoints -----------------------------------------------------------------------------------------

    @Test
    void endpointsGroupByMethodAndUrlWithoutQueryAndKeepTheFiveSlowest() {
        List<TraceSummary> traces = new ArrayList<>();
        traces.add(http(ok(1, 2.0), "GET", "https://shop.example.jp/search?q=a"));
        traces.add(http(ok(2, 4.0), "get", "https://shop.example.jp/search?q=b#top"));
        traces.add(http(faulty(3, 1.0), "POST", "https://shop.example.jp/search"));
        for (int i = 0; i < 5; i++) {
            traces.add(http(ok(10 + i, 0.01 * (i + 1)), "GET", "https://shop.example.jp/p" + i));
        }

        List<EndpointStat> endpoints = XRayTranslator.slowestEndpoints(traces);

        assertThat(endpoints).hasSize(5);
        assertThat(endpoints.get(0)).isEqualTo(new EndpointStat("GET", "https://shop.example.jp/search", 2, 3000.0, 4000.0, 0));
        assertThat(endpoints.get(1)).isEqualTo(new EndpointStat("POST", "https://shop.example.jp/search", 1, 1000.0, 1000.0, 1));
        assertThat(endpoints).extracting(EndpointStat::url).doesNotContain("https://shop.example.jp/p0");
    }

    // --- onset ---------------------------------------------------------------------------------------------

    @Test
    void faultOnsetIsTheFirstMinuteWithTwoFaultsAtFivePercentWhateverTheInputOrder() {
        List<TraceSummary> traces = new ArrayList<>();
        traces.add(faulty(12 * 60 + 30, 1.0));
        traces.add(faulty(12 * 60 + 5, 1.0));
        traces.add(faulty(3 * 60 + 1, 1.0));   // a lone fault is not an onset
        traces.add(faulty(20 * 60 + 1, 1.0));
        traces.add(faulty(20 * 60 + 2, 1.0));
        for (int i = 0; i < 38; i++) {          // minute 5: 2 faults in 40 traces is 5%: still an onset...
            traces.add(ok(5 * 60 + 1, 0.1));
        }
        traces.add(faulty(5 * 60 + 10, 1.0));
        traces.add(faulty(5 * 60 + 11, 1.0));
        for (int i = 0; i < 39; i++) {          // ...minute 2: 2 faults in 41 traces is below 5%
            traces.add(ok(2 * 60 + 1, 0.1));
        }
        traces.add(faulty(2 * 60 + 10, 1.0));
        traces.add(faulty(2 * 60 + 11, 1.0));
        java.util.Collections.reverse(traces);

        assertThat(XRayTranslator.faultOnset(traces, WINDOW)).contains(T0.plusSeconds(5 * 60));
        assertThat(XRayTranslator.faultOnset(List.of(faulty(60, 1.0), ok(61, 0.1)), WINDOW)).isEmpty();
    }

    @Test
    void startTimeFallsBackToTheEpochSecondsInTheTraceIdThenTheWindowStart() {
        TraceSummary withoutStart = TraceSummary.builder().id("1-69afa825-9351d8c62e682fdefd29c1b0").build();
        TraceSummary oddId = TraceSummary.builder().id("custom-id").build();

        assertThat(XRayTranslator.startOf(withoutStart, WINDOW)).isEqualTo(Instant.ofEpochSecond(0x69afa825L));
        assertThat(XRayTranslator.startOf(oddId, WINDOW)).isEqualTo(WINDOW.from());
    }

    // --- examples and enrichment ---------------------------------------------------------------------------

    @Test
    void examplesAreFaultyFirstThenSlowestWithLinksAndAtMostFive() {
        List<TraceSummary> traces = List.of(ok(1, 9.0), faulty(2, 0.5), ok(3, 0.1), faulty(4, 0.9),
                ok(5, 3.0), ok(6, 2.0), ok(7, 1.0));

        List<TraceExample> examples = new XRayTranslator(new XRayLinks("ap-northeast-1")).examples(traces, Map.of(), WINDOW);

        assertThat(examples).extracting(TraceExample::durationMillis).containsExactly(900.0, 500.0, 9000.0, 3000.0, 2000.0);
        assertThat(examples.get(0).link()).startsWith(
                "https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#xray:traces/"
                        + examples.get(0).traceId() + "?~(query~()~context~(timeRange~(");
    }

    @Test
    void onlyFailedExamplesWithoutARootCauseAreWorthAFullTraceAtMostThree() {
        List<TraceSummary> traces = List.of(
                faulty(1, 1.0, faultRoot(service("db", entity("db", "X")))),
                faulty(2, 0.9), faulty(3, 0.8), faulty(4, 0.7), faulty(5, 0.6), ok(6, 5.0));

        assertThat(XRayTranslator.idsToEnrich(traces, 3)).containsExactly(id(2), id(3), id(4));
        assertThat(XRayTranslator.idsToEnrich(List.of(ok(1, 1.0), ok(2, 2.0)), 3)).isEmpty();
    }

    @Test
    void aRootCauseFromTheSegmentsFillsOnlyExamplesTheSummariesLeftBlank() {
        List<TraceSummary> traces = List.of(faulty(1, 1.0, faultRoot(service("db", entity("db", "X")))), faulty(2, 0.9));
        Map<String, String> enriched = Map.of(id(1), "ignored", id(2), "payment-gateway");

        List<TraceExample> examples = new XRayTranslator(new XRayLinks("us-east-1")).examples(traces, enriched, WINDOW);

        assertThat(examples).extracting(TraceExample::rootCauseService).containsExactly("db", "payment-gateway");
    }

    // --- service graph -------------------------------------------------------------------------------------

    @Test
    void edgesGoFromTheServiceNodeNotItsClientNodeAndAreSummedPerTarget() {
        List<Service> graph = List.of(
                node(0, "checkout", "client", edge(1, 1000, 10, 0, 0, 100.0)),
                node(1, "checkout", "AWS::ECS::Container", edge(2, 100, 5, 2, 1, 50.0), edge(3, 10, 0, 0, 0, 0.1)),
                Service.builder().referenceId(4).name("checkout-lambda").names("checkout-lambda", "checkout")
                        .type("AWS::Lambda::Function").edges(edge(2, 100, 1, 0, 0, 30.0)).build(),
                node(2, "payment-gateway", "AWS::ECS::Container"),
                node(3, "checkout-db", "Database::SQL"));

        List<ServiceEdge> edges = XRayTranslator.edges(graph, "checkout");

        assertThat(edges).hasSize(2);
        ServiceEdge pg = edges.get(0);
        assertThat(pg).isEqualTo(new ServiceEdge("checkout", "payment-gateway", 200, 6, 2, 1, 400.0));
        assertThat(edges.get(1).to()).isEqualTo("checkout-db");
        assertThat(edges.get(1).avgMillis()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void anUnknownNodeOrEdgesWithoutStatisticsGiveNoNumbersButNoCrash() {
        Service bare = Service.builder().referenceId(1).name("checkout").type("AWS::EC2::Instance")
                .edges(Edge.builder().referenceId(2).build(), Edge.builder().referenceId(99).build()).build();

        assertThat(XRayTranslator.edges(List.of(bare, node(2, "redis", "remote")), "search")).isEmpty();
        assertThat(XRayTranslator.edges(List.of(bare, node(2, "redis", "remote")), "checkout"))
                .containsExactly(new ServiceEdge("checkout", "redis", 0, 0, 0, 0, 0));
    }

    // --- builders ------------------------------------------------------------------------------------------

    private static String id(int second) {
        return String.format("1-%08x-%024d", T0.getEpochSecond() + second, second);
    }

    private TraceSummary.Builder base(int second, Double responseTime) {
        seq++;
        return TraceSummary.builder()
                .id(String.format("1-%08x-%024d", T0.getEpochSecond() + second, second))
                .startTime(T0.plusSeconds(second).plusMillis(seq % 1000))
                .responseTime(responseTime)
                .hasFault(false).hasError(false).hasThrottle(false);
    }

    private TraceSummary ok(int second, double responseTime) {
        return base(second, responseTime).build();
    }

    private TraceSummary faulty(int second, double responseTime, FaultRootCause... causes) {
        return base(second, responseTime).hasFault(true).faultRootCauses(causes).build();
    }

    private static TraceSummary http(TraceSummary t, String method, String url) {
        return t.toBuilder().http(h -> h.httpMethod(method).httpURL(url).httpStatus(200)).build();
    }

    private static FaultRootCause faultRoot(FaultRootCauseService... services) {
        return FaultRootCause.builder().services(services).clientImpacting(true).build();
    }

    private static FaultRootCauseService service(String name, FaultRootCauseEntity... path) {
        return FaultRootCauseService.builder().name(name).names(name).entityPath(path).build();
    }

    private static FaultRootCauseEntity remote(String name, String... exceptions) {
        return entity(name, exceptions).toBuilder().remote(true).build();
    }

    private static FaultRootCauseEntity entity(String name, String... exceptions) {
        return FaultRootCauseEntity.builder().name(name)
                .exceptions(java.util.Arrays.stream(exceptions)
                        .map(e -> RootCauseException.builder().name(e).message("boom").build()).toList())
                .build();
    }

    private static Service node(int ref, String name, String type, Edge... edges) {
        return Service.builder().referenceId(ref).name(name).names(name).type(type).edges(edges).build();
    }

    private static Edge edge(int to, long total, long faults, long errors, long throttles, double totalSeconds) {
        return Edge.builder().referenceId(to).summaryStatistics(EdgeStatistics.builder()
                .totalCount(total).okCount(total - faults - errors)
                .faultStatistics(FaultStatistics.builder().totalCount(faults).otherCount(faults).build())
                .errorStatistics(ErrorStatistics.builder().totalCount(errors).throttleCount(throttles)
                        .otherCount(errors - throttles).build())
                .totalResponseTime(totalSeconds).build()).build();
    }
}
