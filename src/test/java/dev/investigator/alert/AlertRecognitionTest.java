package dev.investigator.alert;

import static dev.investigator.alert.AlertSeverity.CRITICAL;
import static dev.investigator.alert.AlertSeverity.ERROR;
import static dev.investigator.alert.AlertSeverity.UNKNOWN;
import static dev.investigator.alert.AlertSeverity.WARNING;
import static dev.investigator.alert.AlertState.FIRING;
import static dev.investigator.alert.AlertState.NO_DATA;
import static dev.investigator.alert.AlertState.RECOVERED;
import static dev.investigator.alert.AlertVendor.CLOUDWATCH;
import static dev.investigator.alert.AlertVendor.DATADOG;
import static dev.investigator.alert.AlertVendor.GRAFANA;
import static dev.investigator.alert.AlertVendor.PAGERDUTY;
import static dev.investigator.alert.AlertVendor.SENTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture through the standard recognizer: what each vendor's real (or documented) post becomes. */
class AlertRecognitionTest {

    private static final String DD = "https://app.datadoghq.com/monitors/";
    private static final String SENTRY_ORG = "https://sentry.example.com/organizations/acme/";
    private static final String CW = "https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1#alarmsV2:alarm/";

    static Stream<Arguments> alerts() {
        return Stream.of(
                // file, vendor, state, severity, title, key, firedAt, link, tags that must be there
                row("grafana/firing_capture.json", GRAFANA, FIRING, UNKNOWN, "TestAlert Test Folder Grafana",
                        "labels:{alertname=TestAlert, grafana_folder=Test Folder, instance=Grafana}",
                        "2026-04-14T10:08:52.785Z", null, "alertname:testalert", "grafana_folder:test folder", "instance:grafana"),
                row("grafana/firing_checkout.json", GRAFANA, FIRING, CRITICAL, "CheckoutHighLatency Payments (checkout critical)",
                        "labels:{alertname=CheckoutHighLatency, grafana_folder=Payments, service=checkout, severity=critical}",
                        "2026-04-14T10:05:00Z", "https://grafana.example.com/alerting/grafana/aeb1c2d3f4/view?orgId=1",
                        "service:checkout", "severity:critical"),
                row("grafana/resolved_checkout.json", GRAFANA, RECOVERED, CRITICAL, "CheckoutHighLatency Payments (checkout critical)",
                        "labels:{alertname=CheckoutHighLatency, grafana_folder=Payments, service=checkout, severity=critical}",
                        "2026-04-14T11:10:00Z", "https://grafana.example.com/alerting/grafana/aeb1c2d3f4/view?orgId=1", "service:checkout"),
                row("grafana/firing_two_services.json", GRAFANA, FIRING, WARNING, "HighErrorRate Platform (warning)",
                        "labels:{alertname=HighErrorRate, grafana_folder=Platform, service=checkout, severity=warning}",
                        "2026-04-14T10:09:05Z", "https://grafana.example.com/alerting/grafana/b7c8d9e0f1/view?orgId=1",
                        "service:checkout", "service:search"),
                row("grafana/no_data_payment.json", GRAFANA, NO_DATA, WARNING,
                        "DatasourceNoData Payments prom-main A Payment request rate payment warning",
                        "labels:{alertname=DatasourceNoData, datasource_uid=prom-main, grafana_folder=Payments, ref_id=A, "
                                + "rulename=Payment request rate, service=payment, severity=warning}",
                        "2026-04-14T10:09:10Z", "https://grafana.example.com/alerting/grafana/c1d2e3f4a5/view?orgId=1", "service:payment"),
                row("sentry/issue_alert_error.json", SENTRY, FIRING, ERROR, "ValueError: invalid card token", "issue:4321",
                        "2026-04-14T10:09:12.000700Z", SENTRY_ORG + "issues/4321/?referrer=slack&alert_rule_id=7&alert_type=issue",
                        "service:checkout", "environment:production", "project:checkout-api"),
                row("sentry/issue_alert_warning_project_only.json", SENTRY, FIRING, WARNING, "SlowQuery: ranking query over 2s",
                        "issue:5102", "2026-04-14T10:09:14.000800Z",
                        SENTRY_ORG + "issues/5102/?referrer=slack&alert_rule_id=9&alert_type=issue", "project:search"),
                row("sentry/metric_critical.json", SENTRY, FIRING, CRITICAL, "Checkout p95 latency", "metric:12:345",
                        "2026-04-14T10:05:00Z",
                        SENTRY_ORG + "alerts/rules/details/12/?alert=345&referrer=metric_alert_slack&detection_type=static"),
                row("sentry/metric_warning.json", SENTRY, AlertState.WARNING, WARNING, "Search error count", "metric:14:346",
                        "2026-04-14T10:06:40Z",
                        SENTRY_ORG + "alerts/rules/details/14/?alert=346&referrer=metric_alert_slack&detection_type=static"),
                row("sentry/metric_critical_two_services.json", SENTRY, FIRING, CRITICAL, "Checkout + payment 5xx", "metric:15:347",
                        "2026-04-14T10:07:30Z",
                        SENTRY_ORG + "alerts/rules/details/15/?alert=347&referrer=metric_alert_slack&detection_type=static"),
                // A Resolved posted into the incident's thread is still read as a recovery; the triage decides it is not a new post.
                row("sentry/metric_resolved_thread_reply.json", SENTRY, RECOVERED, UNKNOWN, "Checkout p95 latency", "metric:12:345",
                        "2026-04-14T10:36:40.001100Z",
                        SENTRY_ORG + "alerts/rules/details/12/?alert=345&referrer=metric_alert_slack&detection_type=static"),
                row("datadog/triggered_checkout.json", DATADOG, FIRING, ERROR, "Checkout p99 latency is high",
                        "monitor:12345678|env:prod,service:checkout", "2026-04-14T10:09:22Z",
                        DD + "12345678?group=service%3Acheckout%2Cenv%3Aprod", "service:checkout", "env:prod"),
                row("datadog/recovered_checkout.json", DATADOG, RECOVERED, UNKNOWN, "Checkout p99 latency is high",
                        "monitor:12345678|env:prod,service:checkout", "2026-04-14T10:39:22Z",
                        DD + "12345678?group=service%3Acheckout%2Cenv%3Aprod", "service:checkout"),
                row("datadog/warn_search.json", DATADOG, AlertState.WARNING, WARNING, "Search error rate is elevated",
                        "monitor:23456789|env:prod,service:search", "2026-04-14T10:09:24Z",
                        DD + "23456789?group=service%3Asearch%2Cenv%3Aprod", "service:search"),
                row("datadog/no_data_payment.json", DATADOG, NO_DATA, WARNING, "Payment requests stopped reporting",
                        "monitor:34567890|env:prod,service:payment", "2026-04-14T10:09:26Z",
                        DD + "34567890?group=service%3Apayment%2Cenv%3Aprod", "service:payment"),
                row("datadog/triggered_two_services.json", DATADOG, FIRING, CRITICAL, "Error budget burn: checkout, payment",
                        "monitor:45678901", "2026-04-14T10:09:28Z", DD + "45678901"),
                row("pagerduty/triggered_checkout.json", PAGERDUTY, FIRING, CRITICAL, "Checkout API error rate above 5%",
                        "incident:Q1CHK5XXA1B2C3", "2026-04-14T10:09:32.002Z", "https://acme.pagerduty.com/incidents/Q1CHK5XXA1B2C3",
                        "service:checkout api", "urgency:high", "priority:p1"),
                row("pagerduty/resolved_checkout.json", PAGERDUTY, RECOVERED, UNKNOWN, "Checkout API error rate above 5%",
                        "incident:Q1CHK5XXA1B2C3", "2026-04-14T10:52:52.002100Z", "https://acme.pagerduty.com/incidents/Q1CHK5XXA1B2C3",
                        "service:checkout api"),
                row("pagerduty/triggered_two_services.json", PAGERDUTY, FIRING, WARNING, "Checkout and payment 5xx on the edge",
                        "incident:Q9WEBPLAT77X", "2026-04-14T10:09:34.002300Z", "https://acme.pagerduty.com/incidents/Q9WEBPLAT77X",
                        "service:web platform", "urgency:low"),
                row("cloudwatch/alarm_checkout_alb.json", CLOUDWATCH, FIRING, UNKNOWN, "checkout-alb-5xx-high", "alarm:checkout-alb-5xx-high",
                        "2026-04-14T10:05:12.345Z", CW + "checkout-alb-5xx-high",
                        "load_balancer:app/checkout-prod/50dc6c495c0c9188", "region:ap-northeast-1", "account:123456789012"),
                row("cloudwatch/ok_checkout_alb.json", CLOUDWATCH, RECOVERED, UNKNOWN, "checkout-alb-5xx-high", "alarm:checkout-alb-5xx-high",
                        "2026-04-14T10:46:12Z", CW + "checkout-alb-5xx-high"),
                row("cloudwatch/alarm_two_services.json", CLOUDWATCH, FIRING, UNKNOWN, "edge-latency-high", "alarm:edge-latency-high",
                        "2026-04-14T10:06:00Z", CW + "edge-latency-high", "distribution_id:e2qwruhapomqzl"),
                row("cloudwatch/insufficient_data_search.json", CLOUDWATCH, NO_DATA, UNKNOWN, "search-ecs-cpu-high",
                        "alarm:search-ecs-cpu-high", "2026-04-14T10:09:40.002700Z", CW + "search-ecs-cpu-high",
                        "service_name:search", "cluster_name:main", "region:ap-northeast-1"));
    }

    private static Arguments row(String file, AlertVendor vendor, AlertState state, AlertSeverity severity, String title, String key,
            String firedAt, String link, String... tags) {
        return Arguments.of(file, vendor, state, severity, title, key, Instant.parse(firedAt), Optional.ofNullable(link), List.of(tags));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alerts")
    void recognisesTheAlert(String file, AlertVendor vendor, AlertState state, AlertSeverity severity, String title, String key,
            Instant firedAt, Optional<String> link, List<String> tags) {
        Alert alert = AlertRecognizer.standard().recognize(AlertFixtures.post(file)).orElseThrow();

        assertThat(alert.vendor()).isEqualTo(vendor);
        assertThat(alert.state()).isEqualTo(state);
        assertThat(alert.severity()).isEqualTo(severity);
        assertThat(alert.title()).isEqualTo(title);
        assertThat(alert.key()).isEqualTo(key);
        assertThat(alert.firedAt()).isEqualTo(firedAt);
        assertThat(alert.link()).isEqualTo(link);
        assertThat(alert.tags()).containsAll(tags);
    }

    static Stream<String> notAlerts() {
        return Stream.of(
                "grafana/image_thread_reply.json",       // Grafana's panel image, a file share in the alert's thread
                "sentry/issue_resolved_edit.json",       // an edit: not a message the parsers see as a post
                "datadog/graph_snapshot.json",           // Datadog, but a shared graph
                "pagerduty/acknowledged_checkout.json",  // an update to an incident already posted
                "cloudwatch/budget_notification.json",   // AWS, but a budget notice
                "common/deploy_bot.json",
                "common/channel_join.json",
                "common/deleted.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAlerts")
    void recognisesNothingInOtherPosts(String file) {
        Optional<AlertPost> post = AlertPost.fromEvent(AlertFixtures.event(file));

        assertThat(post.flatMap(AlertRecognizer.standard()::recognize)).isEmpty();
    }
}
