package dev.investigator.digest;

import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the daily check asks every source, for all services at once so a source can batch them.
 *
 * @param period the check period, usually since the last check (for example yesterday 10:00 to today 10:00)
 */
public record DigestQuery(String id, List<ServiceDefinition> services, TimeWindow period) {

    /** How many previous days the median baseline spans. */
    public static final int MEDIAN_DAYS = 7;

    public DigestQuery {
        Objects.requireNonNull(id, "id");
        services = List.copyOf(services);
        Objects.requireNonNull(period, "period");
    }

    /** Every service of the catalog, as the morning prompt and {@code /investigate daily} ask. */
    public static DigestQuery everyService(String id, dev.investigator.model.ServiceCatalog catalog, TimeWindow period) {
        return new DigestQuery(id, List.copyOf(catalog.services().values()), period);
    }

    /** The same period one week earlier. */
    public TimeWindow sameDayLastWeek() {
        return period.shiftedBy(Duration.ofDays(-7));
    }

    /** The same period on each of the {@link #MEDIAN_DAYS} previous days, most recent first. */
    public List<TimeWindow> previousDays() {
        return java.util.stream.IntStream.rangeClosed(1, MEDIAN_DAYS)
                .mapToObj(d -> period.shiftedBy(Duration.ofDays(-d)))
                .toList();
    }
}
