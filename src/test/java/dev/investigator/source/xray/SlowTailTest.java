package dev.investigator.source.xray;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.xray.model.HistogramEntry;
import software.amazon.awssdk.services.xray.model.Service;
import software.amazon.awssdk.services.xray.model.ServiceId;
import software.amazon.awssdk.services.xray.model.TraceSummary;

/** The daily check's slow-tail rules, on SDK model objects. */
class SlowTailTest {

    private static final SlowTail.Target CHECKOUT = new SlowTail.Target("checkout", "checkout", "service(\"checkout\")", 2.9);
    private static final SlowTail.Target SEARCH = new SlowTail.Target("search", "search-api", "service(\"search-api\")", 1.05);

    @Test
    void theThresholdIsTheNearestRankP99OfTheServicesOwnNodesMerged() {
        List<Service> graph = List.of(
                node("checkout", "AWS::ECS::Container", 0.1, 90, 0.5, 9),
                node("checkout", "AWS::Lambda::Function", 3.0, 1),
                node("checkout", "client", 60.0, 1000));

        assertThat(SlowTail.threshold(graph, "checkout")).as("rank 99 of 100: 0.5").hasValue(0.5);
        assertThat(SlowTail.threshold(graph, "search")).isEmpty();
    }

    @Test
    void aNodeIsFoundByAnyOfItsNames() {
        Service renamed = node("search", "AWS::ECS::Container", 1.2, 10).toBuilder().names("search", "search-api").build();

        assertThat(SlowTail.threshold(List.of(renamed), "search-api")).hasValue(1.2);
    }

    @Test
    void longCatalogsArePackedIntoFiltersUnderTheLimit() {
        int two = SlowTail.clause(CHECKOUT).length() + " OR ".length() + SlowTail.clause(SEARCH).length();
        List<List<SlowTail.Target>> chunks = SlowTail.chunks(List.of(CHECKOUT, SEARCH, CHECKOUT, SEARCH), two);

        assertThat(chunks).hasSize(2).allSatisfy(c -> assertThat(c).containsExactly(CHECKOUT, SEARCH));
        assertThat(SlowTail.chunks(List.of(CHECKOUT, SEARCH), 10)).as("a clause longer than the limit still goes alone").hasSize(2);
        assertThat(SlowTail.filter(List.of(CHECKOUT, SEARCH))).isEqualTo(
                "((service(\"checkout\")) AND responsetime >= 2.900) OR ((service(\"search-api\")) AND responsetime >= 1.050)");
    }

    @Test
    void aTraceBelongsToItsEntryServiceOnlyWhenSlowForThatService() {
        TraceSummary viaSearch = trace(1.1, "search-api", "checkout", "search-api");
        TraceSummary fastCheckout = trace(1.1, "checkout", "checkout", "search-api");
        TraceSummary noEntry = trace(3.0, null, "checkout", "payments-db");
        TraceSummary ambiguous = trace(3.0, null, "checkout", "search-api");

        assertThat(SlowTail.owner(viaSearch, List.of(CHECKOUT, SEARCH))).contains(SEARCH);
        assertThat(SlowTail.owner(fastCheckout, List.of(CHECKOUT, SEARCH))).as("under checkout's own 2.9 s").isEmpty();
        assertThat(SlowTail.owner(noEntry, List.of(CHECKOUT, SEARCH))).as("the only asked service in it").contains(CHECKOUT);
        assertThat(SlowTail.owner(ambiguous, List.of(CHECKOUT, SEARCH))).as("two asked services, no entry point").isEmpty();
    }

    private static Service node(String name, String type, double... valueCount) {
        Service.Builder b = Service.builder().name(name).names(name).type(type);
        HistogramEntry[] entries = new HistogramEntry[valueCount.length / 2];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = HistogramEntry.builder().value(valueCount[2 * i]).count((int) valueCount[2 * i + 1]).build();
        }
        return b.responseTimeHistogram(entries).build();
    }

    private static TraceSummary trace(double seconds, String entry, String... services) {
        TraceSummary.Builder b = TraceSummary.builder().id("1-69afa8d5-608d72d7cce2435f9e88f0e6").responseTime(seconds)
                .serviceIds(java.util.Arrays.stream(services).map(s -> ServiceId.builder().name(s).names(s).build()).toList());
        if (entry != null) {
            b.entryPoint(ServiceId.builder().name(entry).names(entry).build());
        }
        return b.build();
    }
}
