package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code GET /api/0/organizations/{org}/issues/}: the scripted issues of the requested projects that have
 * events in [start, end) (or the {@code statsPeriod}), sorted, paginated with Sentry's {@code Link} header.
 * {@code count} is a string and counts the events in range; {@code firstSeen}/{@code lastSeen} are the issue's
 * own; {@code stats} holds the requested 24h (hourly) or 14d (daily) buckets ending at the range's end.
 */
final class SentryIssues {

    private static final Pattern PERIOD = Pattern.compile("(\\d+)([smhdw])");
    private static final Pattern CURSOR = Pattern.compile("[^:]*:(\\d+):[01]");
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 100;

    /** One issue as it looks for this request's range. */
    private record View(long projectId, String slug, IssueScript script, IssueActivity activity, long count,
                        long users, Instant lastSeen) {
        long id() {
            return projectId * 100_000 + script.number();
        }
    }

    private final Json json;
    private final Scenarios scenarios;
    private final SentryProjects projects;
    private final IssueScripts scripts;
    private final SentryErrors errors;

    SentryIssues(Json json, Scenarios scenarios, SentryProjects projects, IssueScripts scripts,
                 SentryErrors errors) {
        this.json = json;
        this.scenarios = scenarios;
        this.projects = projects;
        this.scripts = scripts;
        this.errors = errors;
    }

    HttpReply handle(SandboxRequest request, String organization) {
        if (!SentryProjects.ORGANIZATION.equals(organization)) {
            return detail(404, "The requested resource does not exist");
        }
        Instant now = scenarios.now();
        Instant onset = scenarios.onset();

        Map<Long, String> selected = new LinkedHashMap<>();
        for (String p : request.params("project")) {
            long id;
            try {
                id = Long.parseLong(p.trim());
            } catch (NumberFormatException e) {
                return detail(400, "Invalid project parameter. Values must be numbers.");
            }
            if (id == -1) {
                projects.all().forEach(e -> selected.put(e.getKey(), e.getValue()));
                continue;
            }
            String slug = projects.slugOf(id).orElse(null);
            if (slug == null) {
                return detail(403, "You do not have permission to perform this action.");
            }
            selected.put(id, slug);
        }
        if (request.params("project").isEmpty()) {
            projects.all().forEach(e -> selected.put(e.getKey(), e.getValue()));
        }

        Instant start;
        Instant end;
        try {
            if (request.param("start").isPresent() || request.param("end").isPresent()) {
                start = instant(request.param("start").orElseThrow(() -> new DateTimeParseException("", "", 0)));
                end = instant(request.param("end").orElseThrow(() -> new DateTimeParseException("", "", 0)));
            } else {
                end = now;
                start = now.minus(period(request.param("statsPeriod").orElse("14d")));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return detail(400, "start and end are both required and must be ISO-8601 dates, "
                    + "or statsPeriod must look like 24h or 14d");
        }
        if (!end.isAfter(start)) {
            return detail(400, "start must be before end");
        }
        String statsPeriod = request.param("groupStatsPeriod").orElse("24h");
        if (!List.of("", "24h", "14d", "auto").contains(statsPeriod)) {
            return detail(400, "Invalid groupStatsPeriod: use 24h, 14d, auto or leave it empty");
        }
        Comparator<View> order = switch (request.param("sort").orElse("date")) {
            case "freq", "trends", "priority" -> Comparator.comparingLong(View::count).reversed();
            case "new" -> Comparator.comparing((View v) -> v.activity().firstSeen()).reversed();
            case "date", "inbox" -> Comparator.comparing(View::lastSeen).reversed();
            case "user" -> Comparator.comparingLong(View::users).reversed();
            default -> null;
        };
        if (order == null) {
            return detail(400, "Invalid sort: use date, new, freq, user, trends, priority or inbox");
        }
        int limit;
        int offset;
        try {
            limit = Math.min(MAX_LIMIT, Math.max(1, Integer.parseInt(request.param("limit")
                    .orElse(Integer.toString(DEFAULT_LIMIT)).trim())));
            offset = request.param("cursor").map(SentryIssues::offsetOf).orElse(0);
        } catch (IllegalArgumentException e) {
            return detail(400, "Invalid cursor parameter.");
        }
        Query query;
        try {
            query = Query.parse(request.param("query").orElse(""));
        } catch (DateTimeParseException e) {
            return detail(400, "Invalid date for firstSeen: use ISO-8601 such as 2026-11-19T01:00:00Z");
        }

        List<View> views = new ArrayList<>();
        for (Map.Entry<Long, String> project : selected.entrySet()) {
            String slug = project.getValue();
            for (IssueScript script : scripts.forService(SentryProjects.serviceOf(slug))) {
                IssueActivity activity = new IssueActivity(slug, script, onset);
                if (activity.firstSeen().isAfter(now) || !query.matches(script, activity.firstSeen())) {
                    continue;
                }
                long count = activity.events(start, end, now);
                if (count > 0) {
                    views.add(new View(project.getKey(), slug, script, activity, count, activity.users(count),
                            activity.lastSeen(now)));
                }
            }
        }
        views.sort(order.thenComparingLong(View::id));
        List<View> page = views.subList(Math.min(offset, views.size()), Math.min(offset + limit, views.size()));

        String base = "http://" + request.header("Host").orElse("127.0.0.1");
        ArrayNode out = json.array();
        for (View v : page) {
            out.add(issue(v, base, start, end, now, statsPeriod));
        }
        return HttpReply.json(200, json.bytes(out))
                .withHeader("Link", link(base + request.path(), request.rawQuery(), offset, limit,
                        offset + limit < views.size()))
                .withHeader("X-Sentry-Rate-Limit-Limit", "40")
                .withHeader("X-Sentry-Rate-Limit-Remaining", "39")
                .withHeader("X-Sentry-Rate-Limit-Reset", Long.toString(now.getEpochSecond() + 1))
                .withHeader("X-Sentry-Rate-Limit-ConcurrentLimit", "25")
                .withHeader("X-Sentry-Rate-Limit-ConcurrentRemaining", "24");
    }

    private ObjectNode issue(View v, String base, Instant start, Instant end, Instant now, String statsPeriod) {
        IssueScript s = v.script();
        String id = Long.toString(v.id());
        ObjectNode o = json.object();
        o.putArray("annotations");
        o.putNull("assignedTo");
        o.put("count", Long.toString(v.count()));
        o.put("culprit", s.culprit());
        o.put("firstSeen", iso(v.activity().firstSeen()));
        o.putNull("filtered");
        o.put("hasSeen", false);
        o.put("id", id);
        o.put("isBookmarked", false);
        o.put("isPublic", false);
        o.put("isSubscribed", false);
        o.put("isUnhandled", s.unhandled());
        o.put("issueCategory", "error");
        o.put("issueType", "error");
        o.put("lastSeen", iso(v.lastSeen()));
        o.put("level", s.level());
        o.putNull("logger");
        ObjectNode metadata = o.putObject("metadata");
        metadata.put("type", s.type());
        metadata.put("value", s.value());
        metadata.put("filename", s.filename());
        metadata.put("function", s.function());
        metadata.put("in_app_frame_mix", "in-app-only");
        metadata.put("title", s.title());
        o.put("numComments", 0);
        o.put("permalink", base + "/organizations/" + SentryProjects.ORGANIZATION + "/issues/" + id + "/");
        o.put("platform", "python");
        o.put("priority", s.level().equals("error") ? "high" : "medium");
        o.putNull("priorityLockedAt");
        ObjectNode project = o.putObject("project");
        project.put("id", Long.toString(v.projectId()));
        project.put("name", SentryProjects.displayName(v.slug()));
        project.put("slug", v.slug());
        project.put("platform", "python");
        o.putNull("shareId");
        o.put("shortId", v.slug().toUpperCase(Locale.ROOT) + "-" + s.shortIdSuffix());
        if (!statsPeriod.isEmpty()) {
            boolean daily = statsPeriod.equals("14d");
            putStats(o.putObject("stats").putArray(daily ? "14d" : "24h"), v.activity(), end, now, daily);
        }
        o.put("status", "unresolved");
        o.putObject("statusDetails");
        o.put("substatus", s.substatus());
        o.putNull("subscriptionDetails");
        o.put("title", s.title());
        o.put("type", "error");
        o.put("userCount", v.users());
        ObjectNode lifetime = o.putObject("lifetime");
        long lifetimeCount = v.activity().lifetimeEvents(now, v.count());
        lifetime.put("count", Long.toString(lifetimeCount));
        lifetime.put("userCount", v.activity().users(lifetimeCount));
        lifetime.put("firstSeen", iso(v.activity().firstSeen()));
        lifetime.put("lastSeen", iso(v.lastSeen()));
        if (s.firstRelease() == null) {
            o.putNull("firstRelease");
        } else {
            ObjectNode release = o.putObject("firstRelease");
            release.put("version", s.firstRelease());
            release.put("shortVersion", s.firstRelease());
        }
        return o;
    }

    /** 24 hourly (or 14 daily) {@code [epoch_s, n]} buckets, the last one holding {@code end}. */
    private static void putStats(ArrayNode stats, IssueActivity activity, Instant end, Instant now, boolean daily) {
        long size = daily ? 86_400 : 3_600;
        int buckets = daily ? 14 : 24;
        long last = Math.floorDiv(end.getEpochSecond() - 1, size) * size;
        for (long b = last - (buckets - 1) * size; b <= last; b += size) {
            long n = activity.events(Instant.ofEpochSecond(b), Instant.ofEpochSecond(b + size), now);
            stats.addArray().add(b).add(n);
        }
    }

    /** Sentry's Link header: a previous and a next cursor, each saying whether it has results. */
    private static String link(String url, String rawQuery, int offset, int limit, boolean more) {
        String kept = List.of(rawQuery.split("&")).stream()
                .filter(p -> !p.isEmpty() && !p.startsWith("cursor="))
                .collect(Collectors.joining("&"));
        String prefix = url + "?" + kept + "&cursor=";
        String previous = "0:" + Math.max(0, offset - limit) + ":1";
        String next = "0:" + (offset + limit) + ":0";
        return "<" + prefix + previous + ">; rel=\"previous\"; results=\"" + (offset > 0) + "\"; cursor=\""
                + previous + "\", <" + prefix + next + ">; rel=\"next\"; results=\"" + more + "\"; cursor=\""
                + next + "\"";
    }

    private static int offsetOf(String cursor) {
        Matcher m = CURSOR.matcher(cursor.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("cursor");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Sentry accepts ISO-8601 with or without a zone (then UTC). */
    private static Instant instant(String text) {
        String t = text.trim();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    private static Duration period(String text) {
        Matcher m = PERIOD.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("statsPeriod");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static String iso(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private HttpReply detail(int status, String message) {
        return errors.detail(status, message);
    }

    /**
     * The part of Sentry's search syntax the sandbox understands: is:, level:, firstSeen: with {@code >},
     * {@code >=}, {@code <} or {@code <=} and an ISO-8601 time, and free text.
     */
    private record Query(boolean resolvedOnly, String level, List<String> words, List<FirstSeen> firstSeen) {

        private static final Pattern FIRST_SEEN = Pattern.compile("firstseen:(>=|<=|>|<)(.+)");

        /** One bound on an issue's first-seen time. */
        private record FirstSeen(String operator, Instant at) {
            boolean admits(Instant t) {
                int c = t.compareTo(at);
                return switch (operator) {
                    case ">" -> c > 0;
                    case ">=" -> c >= 0;
                    case "<" -> c < 0;
                    default -> c <= 0;
                };
            }
        }

        static Query parse(String text) {
            boolean resolved = false;
            String level = null;
            List<String> words = new ArrayList<>();
            List<FirstSeen> firstSeen = new ArrayList<>();
            for (String token : text.trim().split("\\s+")) {
                if (token.isEmpty()) {
                    continue;
                }
                String t = token.toLowerCase(Locale.ROOT);
                Matcher m = FIRST_SEEN.matcher(t);
                if (t.equals("is:resolved") || t.equals("is:ignored") || t.equals("is:archived")) {
                    resolved = true;
                } else if (t.startsWith("level:")) {
                    level = t.substring(6);
                } else if (m.matches()) {
                    firstSeen.add(new FirstSeen(m.group(1), instant(token.substring(token.length() - m.group(2).length()))));
                } else if (!t.contains(":")) {
                    words.add(t);
                }
            }
            return new Query(resolved, level, words, firstSeen);
        }

        boolean matches(IssueScript s, Instant first) {
            String title = s.title().toLowerCase(Locale.ROOT);
            return !resolvedOnly
                    && (level == null || level.equals(s.level()))
                    && words.stream().allMatch(title::contains)
                    && firstSeen.stream().allMatch(b -> b.admits(first));
        }
    }
}
