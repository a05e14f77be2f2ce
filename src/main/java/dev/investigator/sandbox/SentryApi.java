package dev.investigator.sandbox;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated Sentry API: {@code GET /api/0/projects/{org}/{slug}/},
 * {@code GET /api/0/organizations/{org}/projects/} and {@code GET /api/0/organizations/{org}/issues/}. Like Sentry it wants {@code Authorization: Bearer <token>}
 * and answers errors as {@code {"detail":"..."}}.
 */
final class SentryApi implements VendorApi {

    private static final Pattern PROJECT = Pattern.compile("/api/0/projects/([^/]+)/([^/]+)/?");
    private static final Pattern ISSUES = Pattern.compile("/api/0/organizations/([^/]+)/issues/?");
    private static final Pattern PROJECTS = Pattern.compile("/api/0/organizations/([^/]+)/projects/?");

    private final Json json;
    private final SentryProjects projects;
    private final SentryIssues issues;
    private final SentryErrors errors;

    SentryApi(Json json, SentryProjects projects, SentryIssues issues, SentryErrors errors) {
        this.json = json;
        this.projects = projects;
        this.issues = issues;
        this.errors = errors;
    }

    @Override
    public HttpReply handle(SandboxRequest request) {
        Matcher project = PROJECT.matcher(request.path());
        Matcher issueList = ISSUES.matcher(request.path());
        Matcher projectList = PROJECTS.matcher(request.path());
        boolean known = project.matches() || issueList.matches() || projectList.matches();
        if (!known) {
            return detail(404, "The requested resource does not exist");
        }
        Optional<String> auth = request.header("Authorization");
        if (auth.isEmpty()) {
            return detail(401, "Authentication credentials were not provided.");
        }
        if (!auth.get().startsWith("Bearer ") || auth.get().substring(7).isBlank()) {
            return detail(401, "Invalid token");
        }
        if (!request.is("GET")) {
            return detail(405, "Method \"" + request.method() + "\" not allowed.");
        }
        if (project.matches()) {
            return project(project.group(1), project.group(2));
        }
        if (projectList.matches()) {
            return projects(projectList.group(1));
        }
        return issues.handle(request, issueList.group(1));
    }

    @Override
    public HttpReply internalError() {
        return detail(500, "Internal Error");
    }

    /** The organization's projects, one page (the sandbox has few), in the list shape of the real endpoint. */
    private HttpReply projects(String organization) {
        if (!SentryProjects.ORGANIZATION.equals(organization)) {
            return detail(404, "The requested resource does not exist");
        }
        var list = json.array();
        for (var entry : projects.all()) {
            var p = list.addObject();
            p.put("dateCreated", "2021-04-01T02:13:45.512870Z");
            p.putNull("firstEvent");
            p.put("hasAccess", true);
            p.put("id", Long.toString(entry.getKey()));
            p.put("isBookmarked", false);
            p.put("isMember", true);
            p.putNull("latestDeploys");
            p.put("name", SentryProjects.displayName(entry.getValue()));
            p.put("platform", "python");
            p.putArray("platforms").add("python");
            p.put("slug", entry.getValue());
            var team = p.putObject("team");
            team.put("id", "2");
            team.put("name", "SRE");
            team.put("slug", "sre");
            p.putArray("teams").add(team.deepCopy());
        }
        return HttpReply.json(200, json.bytes(list));
    }

    private HttpReply project(String organization, String slug) {
        Optional<Long> id = projects.idOf(organization, slug);
        if (id.isEmpty()) {
            return detail(404, "The requested resource does not exist");
        }
        var body = json.object();
        body.put("id", Long.toString(id.get()));
        body.put("slug", slug);
        body.put("name", SentryProjects.displayName(slug));
        body.put("platform", "python");
        body.put("dateCreated", "2021-04-01T02:13:45.512870Z");
        body.put("isBookmarked", false);
        body.put("isMember", true);
        body.put("hasAccess", true);
        body.put("status", "active");
        body.putArray("features").add("alert-filters").add("servicehooks");
        var org = body.putObject("organization");
        org.put("id", "77");
        org.put("slug", organization);
        org.put("name", "Sandbox Org");
        return HttpReply.json(200, json.bytes(body));
    }

    private HttpReply detail(int status, String message) {
        return errors.detail(status, message);
    }
}
