package dev.investigator.source.sentry;

import dev.investigator.digest.DigestEvidence;
import dev.investigator.digest.DigestQuery;
import dev.investigator.digest.DigestReport;
import dev.investigator.digest.DigestSource;
import dev.investigator.investigation.Deadline;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.GapReason;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.TimeWindow;
import dev.investigator.source.DigestRun;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentry's part of the daily check: the unresolved issues first seen in the period, for every catalog service,
 * newest first.
 *
 * <p>Calls: one organization-wide {@code GET /api/0/organizations/{org}/issues/} carrying every project of the
 * services that share an organization, environment and extra search terms ({@code sort=new}, 100 a page, more
 * pages only while Sentry has more, up to a bound, then {@code truncated}); Sentry takes one environment filter
 * for all the projects of a request, so services of another environment need a request of their own. Project
 * slugs become ids through one {@code GET /api/0/organizations/{org}/projects/} (100 a page), remembered by the
 * source, so a bot that runs every day pays it once. For the example catalog (four services in prod, inventory
 * in prod-jp): 2 issue calls, plus 1 on the first run.
 */
public final class SentryDigestSource implements DigestSource {

    private static final Logger log = LoggerFactory.getLogger(SentryDigestSource.class);

    static final int DEFAULT_MAX_PAGES = 3;
    static final int MAX_PROJECT_PAGES = 10;

    private final SentryConnection connection;
    private final Clock clock;
    private final SentryCalls sentryCalls;
    private final int maxPages;
    private final SentryApi api;
    private final SentryTranslator translator = new SentryTranslator();
    private final ConcurrentMap<ProjectKey, String> projectIds = new ConcurrentHashMap<>();

    private record ProjectKey(String organization, String slug) {
    }

    /** The services one issues request can serve: same organization, environment and extra search terms. */
    private record Group(String organization, String environment, String extraQuery) {
    }

    public SentryDigestSource(SentryConnection connection, Clock clock, Retries retries) {
        this(connection, clock, retries, DEFAULT_MAX_PAGES);
    }

    /** @param maxPages how many issue pages (of 100) one group reads at most */
    SentryDigestSource(SentryConnection connection, Clock clock, Retries retries, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1");
        }
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sentryCalls = new SentryCalls(Objects.requireNonNull(retries, "retries"));
        this.maxPages = maxPages;
        this.api = SentryApi.create(connection, clock);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SENTRY;
    }

    @Override
    public DigestReport collect(DigestQuery query, Deadline deadline) {
        return DigestRun.report(SourceKind.SENTRY, clock, calls -> gather(query, deadline, calls));
    }

    private DigestEvidence gather(DigestQuery query, Deadline deadline, AtomicInteger calls) {
        if (!connection.hasToken()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "SENTRY_AUTH_TOKEN is not set");
        }
        Map<Group, List<ServiceDefinition>> groups = groups(query.services());
        if (groups.isEmpty()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED,
                    "no catalog service has Sentry projects with an organization (set SENTRY_ORG)");
        }
        Map<String, List<ErrorIssue>> issues = new LinkedHashMap<>();
        boolean truncated = false;
        for (Map.Entry<Group, List<ServiceDefinition>> entry : groups.entrySet()) {
            Group group = entry.getKey();
            List<ServiceDefinition> services = entry.getValue();
            Map<String, String> idsBySlug = resolve(group.organization(), slugs(services), deadline, calls);
            if (idsBySlug.isEmpty()) {
                continue;
            }
            IssuesRequest request = new IssuesRequest(group.organization(), List.copyOf(new LinkedHashSet<>(idsBySlug.values())),
                    group.environment(), query.period(), search(group.extraQuery(), query.period()), "new",
                    IssuesRequest.MAX_LIMIT, "");
            Pages pages = readPages(request, deadline, calls);
            truncated |= pages.truncated();
            assign(pages.issues(), services, idsBySlug, query.period(), issues);
        }
        issues.replaceAll((service, list) -> list.stream()
                .sorted(Comparator.comparing(ErrorIssue::firstSeen).reversed().thenComparing(ErrorIssue::id)).toList());
        return new DigestEvidence.NewIssues(issues, truncated);
    }

    /** {@code is:unresolved firstSeen:>=<from> firstSeen:<<to>} plus the catalog's extra terms. */
    static String search(String extraQuery, TimeWindow period) {
        return IssueSearch.query(extraQuery) + " firstSeen:>=" + IssueSearch.start(period.from())
                + " firstSeen:<" + IssueSearch.end(period.to());
    }

    private Map<Group, List<ServiceDefinition>> groups(List<ServiceDefinition> services) {
        Map<Group, List<ServiceDefinition>> groups = new LinkedHashMap<>();
        for (ServiceDefinition service : services) {
            ServiceDefinition.Sentry settings = service.sentry();
            String organization = settings.organization().isBlank() ? connection.organization() : settings.organization();
            if (!settings.enabled() || settings.projects().isEmpty() || organization.isBlank()) {
                continue;
            }
            groups.computeIfAbsent(new Group(organization, settings.environment(), settings.query()), g -> new ArrayList<>())
                    .add(service);
        }
        return groups;
    }

    private static List<String> slugs(List<ServiceDefinition> services) {
        Set<String> slugs = new LinkedHashSet<>();
        services.forEach(s -> slugs.addAll(s.sentry().projects()));
        return List.copyOf(slugs);
    }

    /**
     * The ids of {@code slugs}, from memory or by listing the organization's projects until all are found. A slug
     * the organization does not have is logged and left out: one misnamed project must not cost every service
     * its new issues.
     */
    private Map<String, String> resolve(String organization, List<String> slugs, Deadline deadline, AtomicInteger calls) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String slug : slugs) {
            String id = projectIds.get(new ProjectKey(organization, slug));
            if (id == null) {
                missing.add(slug);
            } else {
                ids.put(slug, id);
            }
        }
        Optional<String> cursor = Optional.empty();
        for (int page = 1; !missing.isEmpty() && page <= MAX_PROJECT_PAGES; page++) {
            Optional<String> pageCursor = cursor;
            ProjectPage result;
            try {
                result = sentryCalls.send(deadline, calls, () -> api.projects(organization, pageCursor, deadline));
            } catch (SourceFailure f) {
                throw f.reason() == GapReason.NOT_FOUND ? SentryCalls.organizationNotFound(organization, f) : f;
            }
            for (ProjectDto project : result.projects()) {
                projectIds.put(new ProjectKey(organization, project.slug()), project.id());
                if (missing.remove(project.slug())) {
                    ids.put(project.slug(), project.id());
                }
            }
            cursor = result.nextCursor();
            if (cursor.isEmpty()) {
                break;
            }
        }
        if (!missing.isEmpty()) {
            log.warn("Sentry projects {} not found in organization '{}'; their services get no new issues", missing, organization);
        }
        return ids;
    }

    private record Pages(List<IssueDto> issues, boolean truncated) {
    }

    /** Follows Sentry's cursor up to {@code maxPages}; {@code truncated} when more issues existed than were read. */
    private Pages readPages(IssuesRequest request, Deadline deadline, AtomicInteger calls) {
        Map<String, IssueDto> issues = new LinkedHashMap<>();
        Optional<String> cursor = Optional.empty();
        for (int page = 1; ; page++) {
            IssuePage result;
            try {
                Optional<String> pageCursor = cursor;
                result = sentryCalls.send(deadline, calls, () -> api.issues(request, pageCursor, deadline));
            } catch (SourceFailure f) {
                if (page == 1) {
                    throw f.reason() == GapReason.NOT_FOUND ? SentryCalls.organizationNotFound(request.organization(), f) : f;
                }
                // The first pages hold the newest issues; keep them and say the list is incomplete.
                log.warn("Sentry new issues page {} failed, keeping {} issues: {} {}", page, issues.size(), f.reason(), f.getMessage());
                return new Pages(List.copyOf(issues.values()), true);
            }
            result.issues().forEach(issue -> issues.putIfAbsent(issue.id() == null ? "" : issue.id(), issue));
            cursor = result.nextCursor();
            if (cursor.isEmpty() || page >= maxPages) {
                return new Pages(List.copyOf(issues.values()), cursor.isPresent());
            }
        }
    }

    /** Each issue goes to every service of the group that lists its project; issues not new in the period are dropped. */
    private void assign(List<IssueDto> found, List<ServiceDefinition> services, Map<String, String> idsBySlug,
            TimeWindow period, Map<String, List<ErrorIssue>> out) {
        for (IssueDto dto : found) {
            ErrorIssue issue = translator.translate(dto, period);
            if (!period.contains(issue.firstSeen())) {
                continue; // the search asked for new issues only; a server that ignored that must not flag old ones
            }
            String slug = slugOf(dto, idsBySlug);
            for (ServiceDefinition service : services) {
                if (slug != null && service.sentry().projects().contains(slug)) {
                    out.computeIfAbsent(service.name(), s -> new ArrayList<>()).add(issue);
                }
            }
        }
    }

    private static String slugOf(IssueDto dto, Map<String, String> idsBySlug) {
        if (dto.project() == null) {
            return null;
        }
        if (dto.project().slug() != null && idsBySlug.containsKey(dto.project().slug())) {
            return dto.project().slug();
        }
        return idsBySlug.entrySet().stream().filter(e -> e.getValue().equals(dto.project().id()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "SentryDigestSource[" + connection + "]";
    }
}
