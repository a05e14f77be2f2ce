package dev.investigator.source.datadog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.ServiceDefinition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatadogLinksTest {

    private final DatadogLinks links = new DatadogLinks("https://app.datadoghq.com/");

    @Test
    void dashboardLinkCarriesTemplateVariablesSortedAndEncodedAndTheWindow() {
        ServiceDefinition service = withDashboard("abc-def-ghi", Map.of("service", "checkout", "env", "prod jp", "team", "決済&支払"));

        assertThat(links.forService(service, Checkout.WINDOW)).isEqualTo("https://app.datadoghq.com/dashboard/abc-def-ghi"
                + "?tpl_var_env=prod%20jp&tpl_var_service=checkout&tpl_var_team=%E6%B1%BA%E6%B8%88%26%E6%94%AF%E6%89%95"
                + "&from_ts=1795150800000&to_ts=1795151100000&live=false");
    }

    @Test
    void withoutADashboardLinksToTheServicesApmPage() {
        assertThat(links.forService(Checkout.service("", ""), Checkout.WINDOW)).isEqualTo(
                "https://app.datadoghq.com/apm/entity/service%3Acheckout?env=prod&start=1795150800000&end=1795151100000&paused=true");
    }

    @Test
    void makesEventUrlsAbsolute() {
        assertThat(links.absolute("/event/event?id=123")).isEqualTo("https://app.datadoghq.com/event/event?id=123");
        assertThat(links.absolute("event/event?id=123")).isEqualTo("https://app.datadoghq.com/event/event?id=123");
        assertThat(links.absolute("https://app.datadoghq.eu/event/event?id=9")).isEqualTo("https://app.datadoghq.eu/event/event?id=9");
        assertThat(links.absolute(null)).isEmpty();
        assertThat(links.absolute("  ")).isEmpty();
    }

    private static ServiceDefinition withDashboard(String id, Map<String, String> vars) {
        ServiceDefinition base = Checkout.service("", "");
        return new ServiceDefinition(base.name(), base.env(), List.of(),
                new ServiceDefinition.Datadog(true, base.datadog().metrics(), base.datadog().baselines(), "", id, vars),
                base.sentry(), base.xray(), base.thresholds());
    }
}
