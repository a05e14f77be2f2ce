package dev.investigator.render;

import static dev.investigator.digest.DigestTestData.endpoint;
import static dev.investigator.digest.DigestTestData.issue;
import static dev.investigator.digest.DigestTestData.monitor;
import static dev.investigator.digest.DigestTestData.service;
import static dev.investigator.digest.DigestTestData.steady;
import static dev.investigator.digest.DigestTestData.vitals;

import dev.investigator.digest.DailyDigest;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.digest.DigestRules;
import dev.investigator.digest.DigestTestData;
import dev.investigator.model.Gap;
import dev.investigator.model.GapReason;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The digests, prompt states and rotations the daily-check golden files show, built through the real rules from
 * hand-made reports: a mixed morning, one where Sentry refused the token, an all-healthy one, and a huge one.
 */
final class DigestFixtures {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final String OWNER = "U01TARO";
    static final String NEXT = "U02HANAKO";
    static final String BACKUP = "S0SREGROUP";
    /** 10:12 JST. */
    static final Instant CHECKED_AT = Instant.parse("2026-11-20T01:12:00Z");
    /** 10:05 JST. */
    static final Instant HANDED_AT = Instant.parse("2026-11-20T01:05:00Z");

    private DigestFixtures() {
    }

    static DailyDigest digest(DigestQuery query, List<DigestReport> reports) {
        return new DailyDigest(query.id(), query.period(), DigestTestData.GENERATED, new DigestRules().evaluate(query, reports), reports);
    }

    /**
     * checkout is losing traffic with errors up and new issues (CRIT), payment has a surge and a warning monitor,
     * search is slow; catalog, inventory and admin are fine. Every source answered.
     */
    static DailyDigest flagged() {
        DigestQuery query = DigestTestData.query(service("checkout"), service("search"), service("catalog"),
                service("payment"), service("inventory"), service("admin"));
        DigestReport datadog = DigestTestData.vitalsReport(Map.of(
                "checkout", vitals(31_200, 118_000, 121_000, 6.2, 0.3, 240, 230),
                "search", vitals(86_000, 84_000, 85_500, 0.1, 0.1, 1_900, 790),
                "catalog", steady(),
                "payment", vitals(262_000, 101_000, 104_000, 0.4, 0.3, 210, 200),
                "inventory", steady(),
                "admin", vitals(30, 25, 28, 12.0, 0.0, 900, 200)),
                Map.of("payment", List.of(monitor("4711", "DB connections near limit on payment-db", "Warn"))));
        DigestReport sentry = DigestTestData.issuesReport(Map.of(
                "checkout", List.of(
                        issue("CHECKOUT-1F3", "PaymentTimeoutError: upstream payment-gateway timed out after 10000ms", "error", 1_284),
                        issue("CHECKOUT-1F4", "TypeError: Cannot read properties of undefined (reading 'total')", "error", 312),
                        issue("CHECKOUT-1F5", "Deprecated header X-Cart-Token used", "warning", 40),
                        issue("CHECKOUT-1F6", "OutOfMemoryError in cart-worker", "fatal", 1))),
                false);
        DigestReport xray = DigestTestData.endpointsReport(Map.of(
                "search", List.of(endpoint("GET", "/api/search", 1_900, 8_200), endpoint("GET", "/api/suggest", 640, 2_100),
                        endpoint("GET", "/api/facets", 300, 900)),
                "checkout", List.of(endpoint("POST", "/api/checkout", 2_400, 10_000))));
        return digest(query, List.of(datadog, sentry, xray));
    }

    /** Sentry refused the token: checkout is flagged by Datadog anyway, search and catalog were not fully checked. */
    static DailyDigest sentryDown() {
        ServiceDefinition batch = service("batch", ServiceDefinition.Thresholds.defaults(), true, false, true);
        DigestQuery query = DigestTestData.query(service("checkout"), service("search"), service("catalog"), batch);
        DigestReport datadog = DigestTestData.vitalsReport(Map.of(
                "checkout", vitals(31_200, 118_000, 121_000, 0.3, 0.3, 240, 230),
                "search", steady(), "catalog", steady(), "batch", steady()), Map.of());
        DigestReport sentry = DigestReport.failed(Gap.http(SourceKind.SENTRY, GapReason.AUTH_REJECTED, 401, "HTTP 401 Unauthorized"),
                Duration.ofMillis(420), 1);
        DigestReport xray = DigestTestData.endpointsReport(Map.of());
        return digest(query, List.of(datadog, sentry, xray));
    }

    static DailyDigest allHealthy() {
        DigestQuery query = DigestTestData.query(service("checkout"), service("search"), service("catalog"), service("payment"));
        DigestReport datadog = DigestTestData.vitalsReport(Map.of(
                "checkout", steady(), "search", steady(), "catalog", steady(), "payment", steady()), Map.of());
        DigestReport sentry = DigestTestData.issuesReport(Map.of("search",
                List.of(issue("SEARCH-9A", "Slow query warning", "warning", 3))), false);
        DigestReport xray = DigestTestData.endpointsReport(Map.of("search", List.of(endpoint("GET", "/api/search", 420, 1_300))));
        return digest(query, List.of(datadog, sentry, xray));
    }

    /** {@code n} services, every one in trouble in every way, with long names and long titles, Sentry truncated. */
    static DailyDigest huge(int n) {
        List<ServiceDefinition> services = new ArrayList<>();
        Map<String, List<dev.investigator.digest.VitalReading>> readings = new LinkedHashMap<>();
        Map<String, List<dev.investigator.digest.ActiveMonitor>> monitors = new LinkedHashMap<>();
        Map<String, List<dev.investigator.model.ErrorIssue>> issues = new LinkedHashMap<>();
        Map<String, List<dev.investigator.model.EndpointStat>> endpoints = new LinkedHashMap<>();
        String longTail = "-" + "x".repeat(40);
        for (int i = 1; i <= n; i++) {
            String name = "service-" + i + longTail;
            services.add(service(name));
            readings.put(name, vitals(10_000, 118_000, 121_000, 9.0, 0.2, 2_000, 200));
            List<dev.investigator.digest.ActiveMonitor> ms = new ArrayList<>();
            List<dev.investigator.model.ErrorIssue> is = new ArrayList<>();
            List<dev.investigator.model.EndpointStat> es = new ArrayList<>();
            for (int j = 1; j <= 8; j++) {
                ms.add(monitor(i + "-" + j, "Monitor <" + j + "> & something " + "y".repeat(150), "Alert"));
                is.add(issue("S" + i + "-" + j, "Error & <tag> " + "z".repeat(300), "error", 1_000 + j));
                es.add(endpoint("GET", "/api/" + "p".repeat(200) + "/" + j, 2_000 + j, 9_000));
            }
            monitors.put(name, ms);
            issues.put(name, is);
            endpoints.put(name, es);
        }
        DigestQuery query = new DigestQuery("dg-huge", services, DigestTestData.PERIOD);
        List<DigestReport> reports = List.of(
                DigestTestData.vitalsReport(readings, monitors),
                DigestTestData.issuesReport(issues, true),
                DigestTestData.endpointsReport(endpoints));
        return digest(query, reports);
    }

    static DailyPromptView open() {
        return DailyPromptView.open(DAY, OWNER);
    }

    static DailyPromptView checked() {
        return open().checkedBy(OWNER, CHECKED_AT);
    }

    static DailyPromptView handedOff() {
        return open().handedOff(NEXT, HANDED_AT);
    }

    /** Fri 11/20 with Taro on duty; Mon 11/23 is 勤労感謝の日; Wed was swapped. */
    static RotationView rotation() {
        return new RotationView(DAY, List.of(
                new RotationView.DutyDay(DAY, OWNER, Optional.empty()),
                new RotationView.DutyDay(LocalDate.of(2026, 11, 24), NEXT, Optional.empty()),
                new RotationView.DutyDay(LocalDate.of(2026, 11, 25), "U03JIRO", Optional.of("swapped with Saburo")),
                new RotationView.DutyDay(LocalDate.of(2026, 11, 26), "U04SABURO", Optional.empty()),
                new RotationView.DutyDay(LocalDate.of(2026, 11, 27), OWNER, Optional.empty())),
                List.of(new RotationView.Holiday(LocalDate.of(2026, 11, 23), "勤労感謝の日")));
    }

    /** Asked on the holiday itself: no check today, the next days listed. */
    static RotationView rotationOnAHoliday() {
        LocalDate holiday = LocalDate.of(2026, 11, 23);
        return new RotationView(holiday, List.of(
                new RotationView.DutyDay(LocalDate.of(2026, 11, 24), NEXT, Optional.empty()),
                new RotationView.DutyDay(LocalDate.of(2026, 11, 25), "U03JIRO", Optional.empty())),
                List.of(new RotationView.Holiday(holiday, "勤労感謝の日")));
    }
}
