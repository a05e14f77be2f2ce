package dev.investigator.source.sentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    /** Verbatim from docs.sentry.io "Paginating Results" (/work/shared/api-samples/sentry/pagination_link_header...). */
    static final String DOCS_EXAMPLE = FakeSentry.fixture("pagination_link_header.docs_example.txt").strip();

    @Test
    void readsTheNextCursorOfTheDocsExample() {
        assertThat(LinkHeader.nextCursor(List.of(DOCS_EXAMPLE))).contains("0:100:0");
    }

    @Test
    void noNextPageWhenSentrySaysItHasNoResults() {
        String last = DOCS_EXAMPLE.replace("rel=\"next\"; results=\"true\"", "rel=\"next\"; results=\"false\"");

        assertThat(LinkHeader.nextCursor(List.of(last))).isEmpty();
    }

    @Test
    void previousLinkWithResultsIsNotANextPage() {
        String onlyPrevious = "<https://sentry.io/api/0/organizations/acme/issues/?&cursor=0:0:1>; rel=\"previous\"; "
                + "results=\"true\"; cursor=\"0:0:1\"";

        assertThat(LinkHeader.nextCursor(List.of(onlyPrevious))).isEmpty();
    }

    @Test
    void takesTheCursorFromTheUrlWhenTheAttributeIsMissing() {
        String noAttribute = "<https://sentry.io/api/0/organizations/acme/issues/?cursor=1732075200000:25:0>; "
                + "rel=\"next\"; results=\"true\"";

        assertThat(LinkHeader.nextCursor(List.of(noAttribute))).contains("1732075200000:25:0");
    }

    @Test
    void noHeaderOrGarbageMeansNoNextPage() {
        assertThat(LinkHeader.nextCursor(List.of())).isEmpty();
        assertThat(LinkHeader.nextCursor(List.of("not a link header"))).isEmpty();
    }
}
