package dev.investigator.source.datadog;

import static dev.investigator.source.datadog.FakeDatadog.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datadog.api.client.JSON;
import com.datadog.api.client.v1.model.EventListResponse;
import com.datadog.api.client.v2.model.TimeseriesFormulaQueryResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.model.ChangeEvent;
import dev.investigator.model.DataPoint;
import dev.investigator.model.GapReason;
import dev.investigator.model.MetricSeries;
import dev.investigator.source.SourceFailure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Translation alone, from the client's own models as its own JSON mapper reads them. */
class DatadogTranslatorTest {

    private static final String T0 = "1795150800000";
    private final ObjectMapper mapper = new JSON().getMapper();
    private final DatadogTranslator translator = new DatadogTranslator(new DatadogLinks("https://app.datadoghq.com"));
    private final TimeseriesPlan plan = TimeseriesPlan.of(Checkout.service("", "").datadog(), Checkout.WINDOW);

    @Test
    void mapsEachSeriesToItsFormulaByQueryIndex() throws Exception {
        List<MetricSeries> series = translator.series(plan, timeseries(fixture("v2_query_timeseries_checkout.response.json")));

        assertThat(series).extracting(MetricSeries::id).containsExactly("requests", "errors", "error_rate", "latency_p95");
        MetricSeries errors = series.get(1);
        assertThat(errors.points()).extracting(DataPoint::value).containsExactly(6.0, 5.0, 180.0, 240.0);
        assertThat(errors.baselines().get(0).points()).extracting(DataPoint::value).containsExactly(5.0, 6.0, 4.0, 5.0, 6.0);
        assertThat(errors.baselines().get(1).points()).extracting(DataPoint::value).containsExactly(4.0, 4.0, 5.0, 6.0, 5.0);
    }

    @Test
    void dropsNullPointsAndKeepsTheirNeighboursTimestamps() throws Exception {
        List<MetricSeries> series = translator.series(plan, timeseries(attributes(
                "[{\"group_tags\":[],\"query_index\":0,\"unit\":null}]",
                "[" + T0 + "," + (Long.parseLong(T0) + 60000) + "," + (Long.parseLong(T0) + 120000) + "]",
                "[[null,7,null]]")));

        assertThat(series.get(0).points()).containsExactly(new DataPoint(Instant.parse("2026-11-20T05:01:00Z"), 7));
        assertThat(series.get(1).points()).as("no series answered for errors").isEmpty();
        assertThat(series.get(0).baselines()).hasSize(2).allSatisfy(b -> assertThat(b.points()).isEmpty());
    }

    @Test
    void emptyAnswerGivesEveryMetricWithoutPoints() throws Exception {
        List<MetricSeries> series = translator.series(plan, timeseries(fixture("v2_query_timeseries_empty.response.json")));

        assertThat(series).hasSize(4).allSatisfy(s -> assertThat(s.points()).isEmpty());
    }

    @Test
    void keepsTheFirstSeriesWhenAGroupedQueryAnswersSeveral() throws Exception {
        List<MetricSeries> series = translator.series(plan, timeseries(attributes(
                "[{\"group_tags\":[\"host:a\"],\"query_index\":0},{\"group_tags\":[\"host:b\"],\"query_index\":0}]",
                "[" + T0 + "]", "[[1],[2]]")));

        assertThat(series.get(0).points()).extracting(DataPoint::value).containsExactly(1.0);
    }

    @Test
    void aQueryIndexBeyondTheFormulasIsMalformed() {
        assertMalformed(attributes("[{\"query_index\":12}]", "[" + T0 + "]", "[[1]]"), "refers to formula 12 of 12");
        assertMalformed(attributes("[{\"group_tags\":[]}]", "[" + T0 + "]", "[[1]]"), "refers to formula null");
    }

    @Test
    void valuesThatDoNotLineUpWithTimesAreMalformed() {
        assertMalformed(attributes("[{\"query_index\":0}]", "[" + T0 + "]", "[[1,2]]"), "has 2 values for 1 times");
        assertMalformed(attributes("[{\"query_index\":0},{\"query_index\":1}]", "[" + T0 + "]", "[[1]]"), "2 series but 1 value rows");
        assertMalformed(attributes("[{\"query_index\":0}]", "null", "[[1]]"), "and no times");
    }

    @Test
    void anAnswerWithoutDataIsMalformedAndDatadogsErrorsAreAClientError() throws Exception {
        assertThatThrownBy(() -> translator.series(plan, timeseries("{}")))
                .isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE));
        assertThatThrownBy(() -> translator.series(plan, timeseries("{\"data\":{\"type\":\"timeseries_response\"}}")))
                .isInstanceOfSatisfying(SourceFailure.class, f -> assertThat(f.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE));
        assertThatThrownBy(() -> translator.series(plan, timeseries("{\"errors\":\"query parse error: unknown metric\"}")))
                .isInstanceOfSatisfying(SourceFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(GapReason.CLIENT_ERROR);
                    assertThat(f.getMessage()).isEqualTo("Datadog: query parse error: unknown metric");
                });
        assertThatThrownBy(() -> translator.series(plan, null)).isInstanceOf(SourceFailure.class);
    }

    @Test
    void eventsBecomeChangesOldestFirstWithAbsoluteLinks() throws Exception {
        List<ChangeEvent> changes = translator.changes(events(fixture("v1_events_checkout.response.json")));

        assertThat(changes).extracting(ChangeEvent::kind).containsExactly("deploy", "change", "change");
        assertThat(changes).extracting(ChangeEvent::link).containsExactly(
                "https://app.datadoghq.com/event/event?id=6327818702635911562",
                "https://app.datadoghq.com/event/event?id=124",
                "https://app.datadoghq.com/event/event?id=123");
        assertThat(changes.get(1).title()).as("untitled: the text's first line").isEqualTo("Feature flag new-cart-ui set to 50%");
    }

    @Test
    void recognisesDeploysBySourceTagsOrTitleAndLeavesMonitorAlertsOut() throws Exception {
        List<ChangeEvent> changes = translator.changes(events("{\"events\":["
                + "{\"date_happened\":1,\"title\":\"a\",\"source_type_name\":\"Deployment tracker\"},"
                + "{\"date_happened\":2,\"title\":\"b\",\"tags\":[\"release:v1.2\"]},"
                + "{\"date_happened\":3,\"title\":\"Deployed payment v7\"},"
                + "{\"date_happened\":4,\"title\":\"Scaled checkout to 12 tasks\",\"source_type_name\":\"autoscaling\"},"
                + "{\"date_happened\":5,\"title\":\"[Triggered] checkout error rate\",\"source_type_name\":\"Monitor Alert\",\"alert_type\":\"error\"},"
                + "{\"title\":\"no date: skipped\"}]}"));

        assertThat(changes).extracting(ChangeEvent::kind).containsExactly("deploy", "deploy", "deploy", "change");
        assertThat(changes.get(0).at()).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(changes.get(3).link()).isEmpty();
    }

    @Test
    void noEventsIsNoChanges() throws Exception {
        assertThat(translator.changes(events("{\"status\":\"ok\"}"))).isEmpty();
        assertThat(translator.changes(null)).isEmpty();
    }

    @Test
    void longTitlesAreShortened() throws Exception {
        List<ChangeEvent> changes = translator.changes(events("{\"events\":[{\"date_happened\":1,\"title\":\"" + "x".repeat(500) + "\"}]}"));

        assertThat(changes.get(0).title()).hasSize(200).endsWith("…");
    }

    private void assertMalformed(String body, String detail) {
        assertThatThrownBy(() -> translator.series(plan, timeseries(body)))
                .isInstanceOfSatisfying(SourceFailure.class, f -> {
                    assertThat(f.reason()).isEqualTo(GapReason.MALFORMED_RESPONSE);
                    assertThat(f.getMessage()).contains(detail);
                });
    }

    private static String attributes(String series, String times, String values) {
        return "{\"data\":{\"id\":\"0\",\"type\":\"timeseries_response\",\"attributes\":{\"series\":" + series
                + ",\"times\":" + times + ",\"values\":" + values + "}}}";
    }

    private TimeseriesFormulaQueryResponse timeseries(String body) throws Exception {
        return mapper.readValue(body, TimeseriesFormulaQueryResponse.class);
    }

    private EventListResponse events(String body) throws Exception {
        return mapper.readValue(body, EventListResponse.class);
    }
}
