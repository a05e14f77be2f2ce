package dev.investigator.source.sentry;

import dev.investigator.investigation.Deadline;
import dev.investigator.investigation.EvidenceSource;
import dev.investigator.model.Evidence;
import dev.investigator.model.GapReason;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.source.Retries;
import dev.investigator.source.SourceFailure;
import dev.investigator.source.SourceRun;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sentry's view of an investigation: the unresolved issues of the service's projects that had events in the
 * window, flagged new / regressed / spiking.
 *
 * <p>Project slugs are resolved to numeric ids once per source instance (the issues search takes ids) and shared
 * by concurrent investigations; a failed lookup is not remembered, so a fixed permission heals on the next run.
 */
public final class SentrySource implements EvidenceSource {

    private static final Logger log = LoggerFactory.getLogger(SentrySource.class);

    static final int DEFAULT_MAX_PAGES = 2;

    private final SentryConnection connection;
    private final Clock clock;
    private final SentryCalls sentryCalls;
    private final SentryApi api;
    private final SentryLinks links;
    private final SentryTranslator translator = new SentryTranslator();
    private final int maxPages;
    private final ConcurrentMap<ProjectKey, String> projectIds = new ConcurrentHashMap<>();

    private record ProjectKey(String organization, String slug) {
    }

    public SentrySource(SentryConnection connection, Clock clock, Retries retries) {
        this(connection, clock, retries, DEFAULT_MAX_PAGES);
    }

    /** @param maxPages how many issue pages (of {@value SentryApi#PAGE_LIMIT}) one investigation reads at most */
    SentrySource(SentryConnection connection, Clock clock, Retries retries, int maxPages) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be >= 1");
        }
        this.connection = Objects.requireNonNull(connection, "connection");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sentryCalls = new SentryCalls(Objects.requireNonNull(retries, "retries"));
        this.maxPages = maxPages;
        this.api = SentryApi.create(connection, clock);
        this.links = new SentryLinks(connection.baseUrl());
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SENTRY;
    }

    @Override
    public SourceReport collect(InvestigationQuery query, Deadline deadline) {
        ServiceDefinition.Sentry settings = query.service().sentry();
        String organization = settings.organization().isBlank() ? connection.organization() : settings.organization();
        AtomicReference<List<String>> resolvedIds = new AtomicReference<>(List.of());
        SourceReport report = SourceRun.report(SourceKind.SENTRY, clock, "",
                calls -> collect(query, organization, deadline, calls, resolvedIds));
        return report.withLink(link(query, organization, resolvedIds.get()));
    }

    private Evidence collect(InvestigationQuery query, String organization, Deadline deadline, AtomicInteger calls,
            AtomicReference<List<String>> resolvedIds) {
        ServiceDefinition.Sentry settings = query.service().sentry();
        String service = query.service().name();
        if (!connection.hasToken()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "SENTRY_AUTH_TOKEN is not set");
        }
        if (organization.isBlank()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "SENTRY_ORG is not set and service " + service
                    + " names no Sentry organization");
        }
        if (!settings.enabled()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "Sentry is disabled for service " + service);
        }
        if (settings.projects().isEmpty()) {
            throw SourceFailure.of(GapReason.NOT_CONFIGURED, "no Sentry projects configured for service " + service);
        }

        List<String> ids = resolveProjects(organization, settings.projects(), deadline, calls);
        resolvedIds.set(ids);

        IssuesRequest request = new IssuesRequest(organization, ids, settings.environment(), query.window(),
                IssueSearch.query(settings.query()));
        Pages pages = readPages(request, deadline, calls, service);
        return new Evidence.Errors(translator.translate(pages.issues(), query.window()), pages.truncated());
    }

    private record Pages(List<IssueDto> issues, boolean truncated) {
    }

    /**
     * Follows Sentry's cursor up to {@code maxPages}, keeping at most {@code maxPages} pages' worth of issues;
     * {@code truncated} when more issues existed than were kept.
     */
    private Pages readPages(IssuesRequest request, Deadline deadline, AtomicInteger calls, String service) {
        // A server that ignores "limit" (a proxy, an old self-hosted release) must not size the report.
        int maxIssues = maxPages * SentryApi.PAGE_LIMIT;
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
                // The first page holds the most frequent issues; keep them and say the list is incomplete.
                log.warn("Sentry issues page {} for {} failed, keeping {} issues: {} {}", page, service,
                        issues.size(), f.reason(), f.getMessage());
                return new Pages(List.copyOf(issues.values()), true);
            }
            // Counts move while we page; an issue seen on both pages is kept once, as first seen.
            result.issues().forEach(issue -> issues.putIfAbsent(issue.id() == null ? "" : issue.id(), issue));
            cursor = result.nextCursor();
            if (cursor.isEmpty() || page >= maxPages || issues.size() >= maxIssues) {
                List<IssueDto> kept = issues.values().stream().limit(maxIssues).toList();
                return new Pages(kept, cursor.isPresent() || issues.size() > maxIssues);
            }
        }
    }

    private List<String> resolveProjects(String organization, List<String> slugs, Deadline deadline, AtomicInteger calls) {
        List<String> ids = new ArrayList<>(slugs.size());
        for (String slug : slugs) {
            ProjectKey key = new ProjectKey(organization, slug);
            String id = projectIds.get(key);
            if (id == null) {
                try {
                    id = sentryCalls.send(deadline, calls, () -> api.project(organization, slug, deadline)).id();
                } catch (SourceFailure f) {
                    if (f.reason() == GapReason.NOT_FOUND) {
                        throw new SourceFailure(GapReason.NOT_FOUND, f.httpStatus(), Optional.empty(),
                                "Sentry project '" + slug + "' not found in organization '" + organization + "'", f);
                    }
                    throw f;
                }
                // Not computeIfAbsent: that would hold a map lock during network I/O.
                String previous = projectIds.putIfAbsent(key, id);
                id = previous == null ? id : previous;
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    @Override
    public String consoleLink(InvestigationQuery query) {
        ServiceDefinition.Sentry settings = query.service().sentry();
        String organization = settings.organization().isBlank() ? connection.organization() : settings.organization();
        List<String> cached = settings.projects().stream()
                .map(slug -> projectIds.get(new ProjectKey(organization, slug)))
                .filter(Objects::nonNull).distinct().toList();
        return link(query, organization, cached);
    }

    private String link(InvestigationQuery query, String organization, List<String> projectIds) {
        if (organization.isBlank()) {
            return "";
        }
        try {
            ServiceDefinition.Sentry settings = query.service().sentry();
            return links.issues(organization, projectIds, settings.environment(), query.window(), settings.query());
        } catch (RuntimeException e) {
            // A link is a convenience; it must never cost the report.
            log.warn("could not build the Sentry link: {}", e.toString());
            return "";
        }
    }

}
