package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.investigator.model.TimeWindow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XRayLinksTest {

    private static final TimeWindow WINDOW =
            new TimeWindow(Instant.parse("2026-03-10T05:00:00Z"), Instant.parse("2026-03-10T05:30:00.250Z"));

    @Test
    void escapesLikeTheConsoleDoes() {
        assertThat(XRayLinks.jsurl("Annotation.x_reference_id = \"abc-1\"")).isEqualTo("Annotation.x_reference_id*20*3d*20*22abc-1*22");
        assertThat(XRayLinks.jsurl("service(id(name: \"f\"))")).isEqualTo("service*28id*28name*3a*20*22f*22*29*29");
        assertThat(XRayLinks.jsurl("$x~'&#?")).isEqualTo("!x*7e*27*26*23*3f");
        assertThat(XRayLinks.jsurl("決済")).isEqualTo("**6c7a**6e08");
    }

    @Test
    void tracesLinkCarriesTheFilterAndTheAbsoluteWindow() {
        String link = new XRayLinks("ap-northeast-1").traces("service(\"checkout\") AND fault = true", WINDOW);

        assertThat(link).isEqualTo("https://ap-northeast-1.console.aws.amazon.com/cloudwatch/home?region=ap-northeast-1"
                + "#xray:traces/query?~(query~(expression~'service*28*22checkout*22*29*20AND*20fault*20*3d*20true)"
                + "~context~(timeRange~(end~'2026-03-10T05*3a30*3a00.250Z~start~'2026-03-10T05*3a00*3a00.000Z)))");
    }

    @Test
    void withoutAFilterTheQueryIsEmpty() {
        assertThat(new XRayLinks("us-east-1").traces("", WINDOW)).contains("#xray:traces/query?~(query~()~context~(");
    }

    @Test
    void traceLinkOpensOneTraceInTheWindow() {
        assertThat(new XRayLinks("eu-west-2").trace("1-6352641a-03093dcd66a913fd00a682ac", WINDOW)).isEqualTo(
                "https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2"
                        + "#xray:traces/1-6352641a-03093dcd66a913fd00a682ac?~(query~()~context~(timeRange~"
                        + "(end~'2026-03-10T05*3a30*3a00.250Z~start~'2026-03-10T05*3a00*3a00.000Z)))");
    }
}
