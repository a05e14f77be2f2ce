package dev.investigator.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The projects of the simulated organization {@value #ORGANIZATION}. The catalog's projects have fixed ids
 * from 1001; any other well-formed slug exists too (so catalog additions work), with an id derived from its
 * name and remembered so that the issues endpoint can map the id back.
 */
final class SentryProjects {

    static final String ORGANIZATION = "sandbox-org";

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,49}");

    private static final Map<String, Long> FIXED = Map.of(
            "checkout", 1001L,
            "search", 1002L,
            "catalog", 1003L,
            "payment-api", 1004L,
            "inventory", 1005L,
            "payment", 1006L);

    private final Map<Long, String> slugsById = new ConcurrentHashMap<>();

    SentryProjects() {
        FIXED.forEach((slug, id) -> slugsById.put(id, slug));
    }

    Optional<Long> idOf(String organization, String slug) {
        if (!ORGANIZATION.equals(organization) || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        Long fixed = FIXED.get(slug);
        long id = fixed != null ? fixed : 3000 + Math.floorMod(slug.hashCode(), 900_000);
        slugsById.putIfAbsent(id, slug);
        return Optional.of(id);
    }

    Optional<String> slugOf(long id) {
        return Optional.ofNullable(slugsById.get(id));
    }

    /** Every known project, by id (the fixed ones first). */
    Iterable<Map.Entry<Long, String>> all() {
        return new java.util.TreeMap<>(slugsById).entrySet();
    }

    /** The scenario service a project belongs to: "payment-api" is the payment service's project. */
    static String serviceOf(String slug) {
        return slug.endsWith("-api") ? slug.substring(0, slug.length() - 4) : slug;
    }

    static String displayName(String slug) {
        StringBuilder b = new StringBuilder();
        for (String part : slug.split("[-_]")) {
            if (!part.isEmpty()) {
                b.append(b.length() == 0 ? "" : " ").append(Character.toUpperCase(part.charAt(0)))
                        .append(part.substring(1));
            }
        }
        return b.toString();
    }
}
