package dev.investigator.alert;

import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out which catalog services an alert is about, trying in order — the first step that finds any wins:
 * <ol>
 * <li>tags with the channel's service keys ({@code service:checkout}), through channel aliases and catalog aliases;</li>
 * <li>the channel's aliases appearing as words in the title, else in the text;</li>
 * <li>the channel's regular expressions' {@code service} group;</li>
 * <li>catalog names and aliases appearing as words in the title, else in the text — a guess, so not when steps 1
 *     or 3 saw an identifier-like service name ({@code service:billing-worker}) that is not in the catalog: a word in
 *     the text does not overrule it. Display names such as PagerDuty's "Checkout API" do not count as identifiers.</li>
 * </ol>
 * Only catalog services come out: vendor text never reaches a vendor query. Thread-safe.
 */
public final class ServiceResolver {

    /** More than this many services in one alert is a digest or a roll-up, not an incident to investigate N times. */
    static final int MAX_SERVICES = 5;
    private static final int MAX_LOOKED_FOR = 5;
    private static final int MAX_PATTERN_MATCHES = 20;
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");
    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9 _.-]");

    private final ServiceCatalog catalog;
    private final Map<String, Pattern> wordPatterns = new ConcurrentHashMap<>();

    public ServiceResolver(ServiceCatalog catalog) {
        this.catalog = catalog;
    }

    public enum Source {
        TAG,
        ALIAS,
        PATTERN,
        NAME,
        NONE
    }

    /**
     * @param services  catalog services, in the order found (at most five); empty when none
     * @param lookedFor when none: the service names the alert carried (tag values, pattern matches) that are not in
     *                  the catalog, cleaned to letters, digits, space, {@code _ . -}; empty if it carried none
     * @param tagKeys   the tag keys that were read
     */
    public record Resolution(List<ServiceDefinition> services, Source source, List<String> lookedFor, List<String> tagKeys) {
        public Resolution {
            services = List.copyOf(services);
            lookedFor = List.copyOf(lookedFor);
            tagKeys = List.copyOf(tagKeys);
        }

        public boolean found() {
            return !services.isEmpty();
        }
    }

    public Resolution resolve(Alert alert, ChannelSettings channel) {
        Set<String> candidates = new LinkedHashSet<>();
        Map<String, ServiceDefinition> found = new LinkedHashMap<>();

        for (String key : channel.serviceTags()) {
            for (String value : alert.tagValues(key)) {
                name(value, channel).ifPresentOrElse(s -> found.putIfAbsent(s.name(), s), () -> candidates.add(value));
            }
        }
        if (!found.isEmpty()) {
            return done(found, Source.TAG, channel);
        }

        String title = alert.title().toLowerCase(Locale.ROOT);
        String text = alert.text().toLowerCase(Locale.ROOT);
        for (String part : List.of(title, text)) {
            for (Map.Entry<String, String> alias : channel.aliases().entrySet()) {
                if (word(alias.getKey()).matcher(part).find()) {
                    catalog.find(alias.getValue()).ifPresent(s -> found.putIfAbsent(s.name(), s));
                }
            }
            if (!found.isEmpty()) {
                return done(found, Source.ALIAS, channel);
            }
        }

        String both = alert.title() + "\n" + alert.text();
        for (Pattern pattern : channel.patterns()) {
            Matcher m = pattern.matcher(both);
            for (int i = 0; i < MAX_PATTERN_MATCHES && m.find(); i++) {
                String value = m.group("service");
                if (value != null && !value.isBlank()) {
                    name(value, channel).ifPresentOrElse(s -> found.putIfAbsent(s.name(), s), () -> candidates.add(value));
                }
            }
        }
        if (!found.isEmpty()) {
            return done(found, Source.PATTERN, channel);
        }

        if (candidates.stream().noneMatch(c -> IDENTIFIER.matcher(c.strip().toLowerCase(Locale.ROOT)).matches())) {
            for (String part : List.of(title, text)) {
                for (ServiceDefinition s : catalog.services().values()) {
                    for (String n : names(s)) {
                        if (word(n).matcher(part).find()) {
                            found.putIfAbsent(s.name(), s);
                        }
                    }
                }
                if (!found.isEmpty()) {
                    return done(found, Source.NAME, channel);
                }
            }
        }
        List<String> lookedFor = candidates.stream().map(ServiceResolver::clean).filter(c -> !c.isEmpty()).distinct()
                .limit(MAX_LOOKED_FOR).toList();
        return new Resolution(List.of(), Source.NONE, lookedFor, channel.serviceTags());
    }

    private Optional<ServiceDefinition> name(String raw, ChannelSettings channel) {
        String value = raw.strip().toLowerCase(Locale.ROOT);
        String target = channel.aliases().get(value);
        return target != null ? catalog.find(target) : value.isEmpty() ? Optional.empty() : catalog.find(value);
    }

    private static List<String> names(ServiceDefinition s) {
        List<String> all = new ArrayList<>(s.aliases());
        all.add(0, s.name());
        return all;
    }

    /** The phrase as a whole word: not inside a longer name such as {@code checkout-api} or {@code pre.checkout}. */
    private Pattern word(String phrase) {
        return wordPatterns.computeIfAbsent(phrase.toLowerCase(Locale.ROOT),
                p -> Pattern.compile("(?<![a-z0-9_.-])" + Pattern.quote(p) + "(?![a-z0-9_-]|\\.[a-z0-9])"));
    }

    private static Resolution done(Map<String, ServiceDefinition> found, Source source, ChannelSettings channel) {
        return new Resolution(found.values().stream().limit(MAX_SERVICES).toList(), source, List.of(), channel.serviceTags());
    }

    private static String clean(String candidate) {
        String c = UNSAFE.matcher(candidate.toLowerCase(Locale.ROOT)).replaceAll("").strip().replaceAll("\\s+", " ");
        return c.length() > 64 ? c.substring(0, 64) : c;
    }
}
