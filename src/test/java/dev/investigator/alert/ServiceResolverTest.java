package dev.investigator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.ServiceDefinition;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceResolverTest {

    private final ServiceResolver resolver = new ServiceResolver(AlertFixtures.catalog());
    private final ChannelSettings plain = ChannelSettings.defaults();

    private static Alert alert(String title, String text, String... tags) {
        Set<String> t = new LinkedHashSet<>();
        for (String tag : tags) {
            int colon = tag.indexOf(':');
            Alert.addTag(t, tag.substring(0, colon), tag.substring(colon + 1));
        }
        return new Alert(AlertVendor.DATADOG, AlertState.FIRING, AlertSeverity.ERROR, title, t, Instant.EPOCH, Optional.empty(),
                "k", text);
    }

    private static ChannelSettings with(Map<String, String> aliases, List<String> patterns, List<String> serviceTags) {
        ChannelSettings d = ChannelSettings.defaults();
        return new ChannelSettings(d.enabled(), d.vendors(), d.minSeverity(), d.states(), d.lookback(), d.after(), d.stormWindow(),
                d.followUps(), d.unknownService(), d.dailyCap(), d.maxAge(), aliases,
                patterns.stream().map(Pattern::compile).toList(), serviceTags);
    }

    private static List<String> names(ServiceResolver.Resolution r) {
        return r.services().stream().map(ServiceDefinition::name).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            service:checkout,          checkout
            service:Checkout,          checkout
            service:pay,               payment
            app:search,                search
            service_name:inventory,    inventory
            kube_service:inventory,    inventory
            """)
    void aServiceTagNamesTheServiceThroughCatalogAliases(String tag, String service) {
        ServiceResolver.Resolution r = resolver.resolve(alert("Something is wrong", "", tag), plain);

        assertThat(names(r)).containsExactly(service);
        assertThat(r.source()).isEqualTo(ServiceResolver.Source.TAG);
    }

    @Test
    void tagsBeatWordsAndEveryTaggedServiceCounts() {
        ServiceResolver.Resolution r = resolver.resolve(alert("inventory is fine", "", "service:checkout", "service:search"), plain);

        assertThat(names(r)).containsExactly("checkout", "search");
    }

    @Test
    void channelAliasesMapTagValuesAndWords() {
        ChannelSettings channel = with(Map.of("checkout-api", "checkout", "web storefront", "checkout"), List.of(),
                ChannelSettings.DEFAULT_SERVICE_TAGS);

        assertThat(names(resolver.resolve(alert("x", "", "service:checkout-api"), channel))).containsExactly("checkout");
        ServiceResolver.Resolution byWords = resolver.resolve(alert("5xx on Web Storefront", "", "env:prod"), channel);
        assertThat(names(byWords)).containsExactly("checkout");
        assertThat(byWords.source()).isEqualTo(ServiceResolver.Source.ALIAS);
    }

    @Test
    void onlyTheConfiguredTagKeysAreRead() {
        ChannelSettings channel = with(Map.of(), List.of(), List.of("team_service"));

        assertThat(names(resolver.resolve(alert("x", "", "team_service:search", "service:checkout"), channel))).containsExactly("search");
    }

    @Test
    void aPatternsServiceGroupNamesTheService() {
        ChannelSettings channel = with(Map.of(), List.of("svc=(?<service>[a-z-]+)"), ChannelSettings.DEFAULT_SERVICE_TAGS);

        ServiceResolver.Resolution r = resolver.resolve(alert("High CPU", "host=web-1 svc=inventory region=tokyo"), channel);

        assertThat(names(r)).containsExactly("inventory");
        assertThat(r.source()).isEqualTo(ServiceResolver.Source.PATTERN);
    }

    @Test
    void anIdentifierNamedByATagOrPatternButNotInTheCatalogIsNotOverruledByAWordInTheText() {
        ChannelSettings channel = with(Map.of(), List.of("svc=(?<service>[a-z-]+)"), ChannelSettings.DEFAULT_SERVICE_TAGS);

        ServiceResolver.Resolution tagged = resolver.resolve(alert("billing calls checkout slowly", "", "service:billing-worker"), plain);
        ServiceResolver.Resolution matched = resolver.resolve(alert("svc=ledger slow; checkout waits", ""), channel);

        assertThat(tagged.found()).isFalse();
        assertThat(tagged.lookedFor()).containsExactly("billing-worker");
        assertThat(matched.found()).isFalse();
        assertThat(matched.lookedFor()).containsExactly("ledger");
    }

    @Test
    void aDisplayNameTagDoesNotStopTheWordSearch() {
        ServiceResolver.Resolution r = resolver.resolve(alert("Checkout and payment 5xx on the edge", "", "service:Web Platform"), plain);

        assertThat(names(r)).containsExactly("checkout", "payment");
        assertThat(r.source()).isEqualTo(ServiceResolver.Source.NAME);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            checkout p99 is high              | checkout
            Checkout. Again.                  | checkout
            checkoutで障害                     | checkout
            [checkout] TimeoutError           | checkout
            pay: card declined spike          | payment
            checkout-api p99 is high          | -
            @slack-alerts-checkout paged      | -
            pre.checkout step                 | -
            checkout.payments in charge_card  | -
            checkouts dropped                 | -
            """)
    void catalogNamesCountOnlyAsWholeWords(String title, String expected) {
        ServiceResolver.Resolution r = resolver.resolve(alert(title, ""), plain);

        assertThat(names(r)).isEqualTo(expected.equals("-") ? List.of() : List.of(expected));
    }

    @Test
    void theTitleIsReadBeforeTheText() {
        ServiceResolver.Resolution r = resolver.resolve(alert("search latency", "called from checkout"), plain);

        assertThat(names(r)).containsExactly("search");
    }

    @Test
    void theTextIsReadWhenTheTitleNamesNothing() {
        assertThat(names(resolver.resolve(alert("p99 latency above 1s", "service checkout in region tokyo"), plain)))
                .containsExactly("checkout");
    }

    @Test
    void nothingFoundSaysWhatWasLookedForCleanedForDisplay() {
        ServiceResolver.Resolution none = resolver.resolve(alert("Disk almost full", "on db-1"), plain);
        ServiceResolver.Resolution odd = resolver.resolve(alert("x", "", "service:Billing <b>&'`(x)`", "app:ledger"), plain);

        assertThat(none.found()).isFalse();
        assertThat(none.lookedFor()).isEmpty();
        assertThat(none.tagKeys()).containsExactly("service", "app", "service_name", "kube_service");
        assertThat(odd.lookedFor()).containsExactly("billing bx", "ledger");
    }

    @Test
    void aRollUpNamingManyServicesIsCutAtFive() {
        Map<String, ServiceDefinition> many = new LinkedHashMap<>();
        for (String n : List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7")) {
            many.put(n, AlertFixtures.service(n));
        }
        ServiceResolver big = new ServiceResolver(new dev.investigator.model.ServiceCatalog(many));

        ServiceResolver.Resolution r = big.resolve(alert("s1 s2 s3 s4 s5 s6 s7 all down", ""), plain);

        assertThat(names(r)).containsExactly("s1", "s2", "s3", "s4", "s5");
    }

    @Test
    void theVendorFixturesResolveAsAnSreWouldExpect() {
        ChannelSettings cloudwatch = with(Map.of(), List.of("^(?<service>[a-z]+)-alb-"), ChannelSettings.DEFAULT_SERVICE_TAGS);
        AlertRecognizer recognizer = AlertRecognizer.standard();

        assertThat(names(resolver.resolve(recognizer.recognize(AlertFixtures.post("grafana/firing_two_services.json")).orElseThrow(), plain)))
                .containsExactly("checkout", "search");
        assertThat(names(resolver.resolve(recognizer.recognize(AlertFixtures.post("datadog/triggered_two_services.json")).orElseThrow(), plain)))
                .containsExactly("checkout", "payment");
        assertThat(names(resolver.resolve(recognizer.recognize(AlertFixtures.post("sentry/issue_alert_warning_project_only.json")).orElseThrow(), plain)))
                .containsExactly("search");
        assertThat(names(resolver.resolve(recognizer.recognize(AlertFixtures.post("sentry/metric_critical_two_services.json")).orElseThrow(), plain)))
                .containsExactly("checkout", "payment");
        assertThat(names(resolver.resolve(recognizer.recognize(AlertFixtures.post("cloudwatch/alarm_two_services.json")).orElseThrow(), plain)))
                .containsExactly("checkout", "payment");
        assertThat(names(resolver.resolve(recognizer.recognize(AlertFixtures.post("cloudwatch/insufficient_data_search.json")).orElseThrow(), plain)))
                .containsExactly("search");
        assertThat(names(resolver.resolve(recognizer.recognize(AlertFixtures.post("cloudwatch/alarm_checkout_alb.json")).orElseThrow(), cloudwatch)))
                .containsExactly("checkout");
        assertThat(resolver.resolve(recognizer.recognize(AlertFixtures.post("grafana/firing_capture.json")).orElseThrow(), plain).found())
                .isFalse();
    }
}
