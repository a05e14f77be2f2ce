package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.investigator.source.xray.XRayTranslator.Culprit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.model.Segment;
import software.amazon.awssdk.services.xray.model.Trace;

class SegmentRootCauseTest {

    private final ObjectMapper json = new ObjectMapper();
    private final SegmentRootCause segments = new SegmentRootCause(json);

    @Test
    void theDocsExampleHasNoFailureSoNamesNobody() throws Exception {
        assertThat(segments.culprit(trace("BatchGetTraces.docs_example.json"))).isEmpty();
    }

    @Test
    void anExceptionThrownDownstreamBeatsTheRemoteOnesThatReachedTheCaller() throws Exception {
        assertThat(segments.culprit(trace("BatchGetTraces.json")))
                .contains(new Culprit("payment-gateway", "PaymentProviderTimeoutException"));
    }

    @Test
    void whenOnlyARemoteExceptionCameBackTheCalledServiceIsBlamed() {
        Trace trace = Trace.builder().id("1-69afa825-000000000000000000000001").segments(segment("""
                {"id":"a","name":"checkout","trace_id":"1-69afa825-000000000000000000000001","fault":true,
                 "subsegments":[{"id":"b","name":"inventory","namespace":"remote","fault":true,
                   "cause":{"exceptions":[{"id":"c","type":"HttpServerErrorException","remote":true}]}}]}
                """)).build();

        assertThat(segments.culprit(trace)).contains(new Culprit("inventory", "HttpServerErrorException"));
    }

    @Test
    void anEntryPointsOwnExceptionBlamesTheEntryPoint() {
        Trace trace = Trace.builder().id("1").segments(segment("""
                {"id":"a","name":"checkout","trace_id":"1","error":true,
                 "cause":{"exceptions":[{"id":"c","type":"ValidationException"}]}}
                """)).build();

        assertThat(segments.culprit(trace)).contains(new Culprit("checkout", "ValidationException"));
    }

    @Test
    void anUnreadableDocumentIsSkippedNotFatal() {
        Trace trace = Trace.builder().id("1").segments(
                segment("{\"id\":\"a\",\"name\":\"checkout\",\"fault\":tr"),
                segment("""
                        {"id":"d","name":"carts","trace_id":"1","parent_id":"x","inferred":true,"fault":true}
                        """)).build();

        assertThat(segments.culprit(trace)).contains(new Culprit("carts", ""));
    }

    private static Segment segment(String document) {
        return Segment.builder().id("s").document(document).build();
    }

    private Trace trace(String fixture) throws Exception {
        JsonNode t = json.readTree(XRaySourceTest.fixture(fixture)).path("Traces").get(0);
        List<Segment> list = new ArrayList<>();
        for (JsonNode s : t.path("Segments")) {
            list.add(Segment.builder().id(s.path("Id").asText()).document(s.path("Document").asText()).build());
        }
        return Trace.builder().id(t.path("Id").asText()).segments(list).build();
    }
}
