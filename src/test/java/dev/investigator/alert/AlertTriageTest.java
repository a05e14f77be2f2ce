package dev.investigator.alert;

import static dev.investigator.alert.AlertFixtures.CHANNEL;
import static dev.investigator.alert.AlertFixtures.NOW;
import static dev.investigator.alert.AlertFixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.investigator.config.AlertSettingsReader;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertTriageTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final MutableClock clock = new MutableClock(NOW);

    private AlertTriage<String> triage(String channelYaml) {
        try {
            JsonNode alerts = YAML.readTree("channels:\n  " + CHANNEL + ": " + channelYaml + "\n  C0QUIET001: { enabled: false }\n");
            AlertSettings settings = AlertSettingsReader.read(alerts, AlertFixtures.catalog(), "test.yml");
            return new AlertTriage<>(settings, AlertFixtures.catalog(), AlertRecognizer.standard(), clock, ZoneId.of("Asia/Tokyo"),
                    new AlertTriage.OwnBot("U0INVESTIG", "B0INVESTIG"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final AlertTriage<String> triage = triage("{}");

    private static List<AlertDecision<String>> decide(AlertTriage<String> t, String fixture) {
        JsonNode e = event(fixture);
        return t.decide(e, ref(e));
    }

    private static List<AlertDecision<String>> decide(AlertTriage<String> t, String fixture, String ts) {
        JsonNode e = event(fixture, Map.of("ts", ts));
        return t.decide(e, ref(e));
    }

    private static String ref(JsonNode e) {
        return e.path("channel").asText() + "/" + e.path("ts").asText();
    }

    private static AlertDecision<String> only(List<AlertDecision<String>> decisions) {
        assertThat(decisions).hasSize(1);
        return decisions.get(0);
    }

    private static IgnoreReason ignored(List<AlertDecision<String>> decisions) {
        AlertDecision<String> d = only(decisions);
        assertThat(d).isInstanceOf(AlertDecision.Ignore.class);
        return ((AlertDecision.Ignore<String>) d).reason();
    }

    // ---- ignored ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            common/deploy_bot.json,                 NOT_ALERT
            common/person_quoting_alert.json,       NOT_ALERT
            datadog/graph_snapshot.json,            NOT_ALERT
            pagerduty/acknowledged_checkout.json,   NOT_ALERT
            common/own_investigation_reply.json,    OWN_MESSAGE
            common/own_top_level_post.json,         OWN_MESSAGE
            common/channel_join.json,               NOT_A_NEW_POST
            common/deleted.json,                    NOT_A_NEW_POST
            sentry/issue_resolved_edit.json,        NOT_A_NEW_POST
            sentry/metric_resolved_thread_reply.json, NOT_A_NEW_POST
            grafana/image_thread_reply.json,        NOT_A_NEW_POST
            """)
    void postsThatAreNotNewAlertsAreIgnoredSilently(String fixture, IgnoreReason reason) {
        assertThat(ignored(decide(triage, fixture))).isEqualTo(reason);
    }

    @Test
    void aNonMessageEventIsNotAnAlert() {
        JsonNode reaction = AlertFixtures.JSON.createObjectNode().put("type", "reaction_added").put("user", "U1");

        assertThat(ignored(triage.decide(reaction, "r"))).isEqualTo(IgnoreReason.NOT_ALERT);
    }

    @Test
    void ourOwnBotIsRecognisedByItsBotIdAlone() {
        JsonNode e = event("grafana/firing_checkout.json", Map.of("bot_id", "B0INVESTIG"));

        assertThat(ignored(triage.decide(e, "r"))).isEqualTo(IgnoreReason.OWN_MESSAGE);
    }

    @Test
    void unlistedAndDisabledChannelsAreNotWatched() {
        assertThat(ignored(triage.decide(event("grafana/firing_checkout.json", Map.of("channel", "C0OTHER001")), "r")))
                .isEqualTo(IgnoreReason.CHANNEL_NOT_WATCHED);
        assertThat(ignored(triage.decide(event("grafana/firing_checkout.json", Map.of("channel", "C0QUIET001")), "r")))
                .isEqualTo(IgnoreReason.DISABLED);
        assertThat(triage.watches(CHANNEL)).isTrue();
        assertThat(triage.watches("C0OTHER001")).isFalse();
    }

    @Test
    void theSamePostDeliveredTwiceIsDecidedOnce() {
        assertThat(only(decide(triage, "grafana/firing_checkout.json"))).isInstanceOf(AlertDecision.Investigate.class);

        assertThat(ignored(decide(triage, "grafana/firing_checkout.json"))).isEqualTo(IgnoreReason.DUPLICATE);
    }

    @Test
    void aPostOlderThanMaxAgeIsStale() {
        clock.set(Instant.parse("2026-04-14T10:24:01Z"));   // the post is from 10:09:00; max_age 15m

        assertThat(ignored(decide(triage, "grafana/firing_checkout.json"))).isEqualTo(IgnoreReason.STALE);
    }

    @Test
    void vendorsStatesAndSeverityFilterAlerts() {
        AlertTriage<String> picky = triage("{ vendors: [grafana, sentry], states: [firing], min_severity: critical }");

        assertThat(ignored(decide(picky, "datadog/triggered_checkout.json"))).isEqualTo(IgnoreReason.VENDOR_FILTERED);
        assertThat(ignored(decide(picky, "sentry/metric_warning.json"))).isEqualTo(IgnoreReason.STATE_NOT_INVESTIGATED);
        assertThat(ignored(decide(picky, "grafana/no_data_payment.json"))).isEqualTo(IgnoreReason.STATE_NOT_INVESTIGATED);
        assertThat(ignored(decide(picky, "sentry/issue_alert_error.json"))).isEqualTo(IgnoreReason.BELOW_SEVERITY);
        assertThat(only(decide(picky, "grafana/firing_checkout.json"))).isInstanceOf(AlertDecision.Investigate.class);
    }

    @Test
    void anAlertOfUnknownSeverityPassesEvenACriticalOnlyFilter() {
        AlertTriage<String> picky = triage("{ min_severity: critical, patterns: ['^(?<service>[a-z]+)-alb-'] }");

        assertThat(only(decide(picky, "cloudwatch/alarm_checkout_alb.json"))).isInstanceOf(AlertDecision.Investigate.class);
    }

    // ---- investigations and storms ----

    @Test
    void aFiringAlertIsInvestigatedOverLookbackBeforeItToNow() {
        AlertDecision.Investigate<String> d = (AlertDecision.Investigate<String>) only(decide(triage, "grafana/firing_checkout.json"));

        assertThat(d.service().name()).isEqualTo("checkout");
        assertThat(d.alert().vendor()).isEqualTo(AlertVendor.GRAFANA);
        // Started 10:05 (from Grafana's dashboard link); 30m back; 10:10 is sooner than 10:05 + 5m after.
        assertThat(d.window()).isEqualTo(new TimeWindow(Instant.parse("2026-04-14T09:35:00Z"), NOW));
        assertThat(d.stormId()).isEqualTo(CHANNEL + "/checkout@" + Instant.parse("2026-04-14T10:05:00Z").getEpochSecond());
    }

    @Test
    void theWindowEndsAfterTheAlertWhenThatIsPastAndIsAtLeastFiveMinutes() {
        ChannelSettings d = ChannelSettings.defaults();
        Instant fired = Instant.parse("2026-04-14T09:00:00Z");
        ChannelSettings tight = new ChannelSettings(true, d.vendors(), d.minSeverity(), d.states(), Duration.ofMinutes(1), Duration.ZERO,
                d.stormWindow(), d.followUps(), d.unknownService(), d.dailyCap(), d.maxAge(), Map.of(), List.of(), d.serviceTags());

        assertThat(AlertTriage.window(fired, d, NOW)).isEqualTo(new TimeWindow(fired.minus(Duration.ofMinutes(30)), fired.plus(Duration.ofMinutes(5))));
        assertThat(AlertTriage.window(fired, tight, NOW)).isEqualTo(new TimeWindow(fired.minus(Duration.ofMinutes(5)), fired));
        // An alert stamped in the future (clock skew) still gets a valid window ending now.
        assertThat(AlertTriage.window(NOW.plusSeconds(120), d, NOW)).isEqualTo(new TimeWindow(NOW.plusSeconds(120).minus(Duration.ofMinutes(30)), NOW));
    }

    @Test
    void anAlertNamingTwoServicesStartsTwoInvestigations() {
        List<AlertDecision<String>> decisions = decide(triage, "grafana/firing_two_services.json");

        assertThat(decisions).hasSize(2).allSatisfy(d -> assertThat(d).isInstanceOf(AlertDecision.Investigate.class));
        assertThat(decisions).extracting(d -> ((AlertDecision.Investigate<String>) d).service().name()).containsExactly("checkout", "search");
    }

    @Test
    void laterAlertsForTheSameServiceFollowTheLeadAcrossVendors() {
        decide(triage, "grafana/firing_checkout.json");                 // lead, 10:09:00

        AlertDecision<String> datadog = only(decide(triage, "datadog/triggered_checkout.json"));
        AlertDecision<String> sentry = only(decide(triage, "sentry/issue_alert_error.json"));

        assertThat(datadog).isInstanceOfSatisfying(AlertDecision.FollowUp.class, f -> {
            assertThat(f.leadRef()).isEqualTo(CHANNEL + "/1776161340.000200");
            assertThat(f.alerts()).isEqualTo(2);
            assertThat(f.style()).isEqualTo(FollowUpStyle.REPLY);
        });
        assertThat(sentry).isInstanceOfSatisfying(AlertDecision.FollowUp.class, f -> assertThat(f.alerts()).isEqualTo(3));
        assertThat(only(decide(triage, "datadog/warn_search.json"))).isInstanceOf(AlertDecision.Investigate.class);
    }

    @Test
    void followUpsAreReactionsWhenTheChannelSaysSo() {
        AlertTriage<String> quiet = triage("{ follow_ups: reaction }");
        decide(quiet, "grafana/firing_checkout.json");

        assertThat(only(decide(quiet, "datadog/triggered_checkout.json")))
                .isInstanceOfSatisfying(AlertDecision.FollowUp.class, f -> assertThat(f.style()).isEqualTo(FollowUpStyle.REACTION));
    }

    @Test
    void aStormOfAHundredAlertsForThreeServicesCostsThreeInvestigations() {
        String[] fixtures = {"grafana/firing_checkout.json", "datadog/triggered_checkout.json", "datadog/warn_search.json",
                "sentry/issue_alert_warning_project_only.json", "datadog/no_data_payment.json", "grafana/no_data_payment.json"};
        List<AlertDecision<String>> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            all.addAll(decide(triage, fixtures[i % fixtures.length], "17761613%02d.%06d".formatted(i % 60, i)));
        }

        assertThat(all).hasSize(100);
        assertThat(all).filteredOn(d -> d instanceof AlertDecision.Investigate).hasSize(3)
                .extracting(d -> ((AlertDecision.Investigate<String>) d).service().name())
                .containsExactlyInAnyOrder("checkout", "search", "payment");
        assertThat(all).filteredOn(d -> d instanceof AlertDecision.FollowUp).hasSize(97);
    }

    @Test
    void concurrentAlertsOfAStormStillHaveExactlyOneLead() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<AlertDecision<String>>>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                String ts = "1776161350.%06d".formatted(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return decide(triage, "datadog/triggered_checkout.json", ts);
                }));
            }
            start.countDown();
            List<AlertDecision<String>> all = Collections.synchronizedList(new ArrayList<>());
            for (Future<List<AlertDecision<String>>> f : futures) {
                all.addAll(f.get());
            }
            assertThat(all).filteredOn(d -> d instanceof AlertDecision.Investigate).hasSize(1);
            assertThat(all).filteredOn(d -> d instanceof AlertDecision.FollowUp).hasSize(39);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- recoveries ----

    @Test
    void aRecoveryIsMatchedToTheThreadOfItsInvestigationWithTheDuration() {
        decide(triage, "datadog/triggered_checkout.json");
        clock.set(Instant.parse("2026-04-14T10:40:00Z"));

        AlertDecision<String> d = only(decide(triage, "datadog/recovered_checkout.json"));

        assertThat(d).isInstanceOfSatisfying(AlertDecision.Recovered.class, r -> {
            assertThat(r.match().leadRef()).isEqualTo(CHANNEL + "/1776161362.001400");
            assertThat(r.match().duration()).isEqualTo(Duration.ofMinutes(30));
            assertThat(r.match().service()).isEqualTo("checkout");
        });
    }

    @Test
    void aRecoveryOfAnAlertThatFollowedAStormPointsAtTheStormsInvestigation() {
        decide(triage, "grafana/firing_checkout.json");
        decide(triage, "pagerduty/triggered_checkout.json");   // follows the Grafana lead
        clock.set(Instant.parse("2026-04-14T10:53:00Z"));

        AlertDecision<String> d = only(decide(triage, "pagerduty/resolved_checkout.json"));

        assertThat(d).isInstanceOfSatisfying(AlertDecision.Recovered.class, r -> {
            assertThat(r.match().leadRef()).isEqualTo(CHANNEL + "/1776161340.000200");
            assertThat(r.match().firing().vendor()).isEqualTo(AlertVendor.PAGERDUTY);
        });
    }

    @Test
    void aRecoveryOfSomethingNeverInvestigatedIsUnmatchedAndNeverInvestigates() {
        clock.set(Instant.parse("2026-04-14T10:47:00Z"));

        assertThat(only(decide(triage("{ patterns: ['^(?<service>[a-z]+)-alb-'] }"), "cloudwatch/ok_checkout_alb.json")))
                .isInstanceOf(AlertDecision.RecoveredUnmatched.class);
    }

    @Test
    void grafanaResolvedMatchesItsFiringGroup() {
        decide(triage, "grafana/firing_checkout.json");
        clock.set(Instant.parse("2026-04-14T11:10:30Z"));

        assertThat(only(decide(triage, "grafana/resolved_checkout.json"))).isInstanceOfSatisfying(AlertDecision.Recovered.class,
                r -> assertThat(r.match().duration()).isEqualTo(Duration.ofMinutes(65)));
    }

    // ---- unknown service ----

    @Test
    void anUnknownServiceIsAnsweredOncePerStormWindow() {
        AlertDecision<String> first = only(decide(triage, "grafana/firing_capture.json"));
        AlertDecision<String> again = only(decide(triage, "grafana/firing_capture.json", "1776161399.000001"));
        clock.advance(Duration.ofMinutes(10));
        AlertDecision<String> later = only(decide(triage, "grafana/firing_capture.json", "1776161999.000001"));

        assertThat(first).isInstanceOf(AlertDecision.UnknownService.class);
        AlertDecision.UnknownService<String> told = (AlertDecision.UnknownService<String>) first;
        assertThat(told.lookedFor()).isEmpty();
        assertThat(told.tagKeys()).containsExactly("service", "app", "service_name", "kube_service");
        assertThat(ignored(List.of(again))).isEqualTo(IgnoreReason.UNKNOWN_SERVICE);
        assertThat(later).isInstanceOf(AlertDecision.UnknownService.class);
    }

    @Test
    void anUnknownServiceNameIsReportedSoAnAliasCanBeAdded() {
        JsonNode e = event("datadog/triggered_checkout.json");
        ((com.fasterxml.jackson.databind.node.ObjectNode) e.path("attachments").get(0))
                .put("title", "[Triggered on {service:billing-worker,env:prod}] Billing queue is backing up");

        AlertDecision<String> d = only(triage.decide(e, "r"));

        assertThat(d).isInstanceOf(AlertDecision.UnknownService.class);
        assertThat(((AlertDecision.UnknownService<String>) d).lookedFor()).containsExactly("billing-worker");
    }

    @Test
    void aSilentChannelSaysNothingAboutUnknownServices() {
        assertThat(ignored(decide(triage("{ unknown_service: silent }"), "grafana/firing_capture.json")))
                .isEqualTo(IgnoreReason.UNKNOWN_SERVICE);
    }

    // ---- the daily cap ----

    @Test
    void pastTheDailyCapTheChannelIsToldOnceWhileStormsStillFollow() {
        AlertTriage<String> capped = triage("{ daily_cap: 1 }");

        AlertDecision<String> first = only(decide(capped, "grafana/firing_checkout.json"));
        AlertDecision<String> second = only(decide(capped, "datadog/warn_search.json"));
        AlertDecision<String> third = only(decide(capped, "datadog/no_data_payment.json"));
        AlertDecision<String> follower = only(decide(capped, "datadog/triggered_checkout.json"));

        assertThat(first).isInstanceOf(AlertDecision.Investigate.class);
        assertThat(second).isInstanceOfSatisfying(AlertDecision.CapReached.class, c -> {
            assertThat(c.channel()).isEqualTo(CHANNEL);
            assertThat(c.cap()).isEqualTo(1);
        });
        assertThat(ignored(List.of(third))).isEqualTo(IgnoreReason.CAP_REACHED);
        assertThat(follower).isInstanceOf(AlertDecision.FollowUp.class);
    }

    @Test
    void investigationsNameOnlyCatalogServices() {
        for (String f : List.of("grafana/firing_checkout.json", "datadog/warn_search.json", "datadog/no_data_payment.json")) {
            for (AlertDecision<String> d : decide(triage, f)) {
                ServiceDefinition s = ((AlertDecision.Investigate<String>) d).service();
                assertThat(AlertFixtures.catalog().services()).containsValue(s);
            }
        }
    }
}
