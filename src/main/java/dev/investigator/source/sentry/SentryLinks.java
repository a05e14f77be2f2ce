package dev.investigator.source.sentry;

import dev.investigator.model.TimeWindow;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;

/** Links into Sentry's web console with the service's projects, environment and time range filled in. */
public final class SentryLinks {

    private final HttpUrl webBase;

    /** @param baseUrl Sentry's base URL; the web console lives under the same base as the API. */
    public SentryLinks(URI baseUrl) {
        this.webBase = HttpUrl.get(Objects.requireNonNull(baseUrl, "baseUrl"));
    }

    /**
     * The organization's issue stream filtered like the source's own search.
     *
     * @param projectIds  numeric project ids; empty leaves the project filter out (for example when the slugs
     *                    could not be resolved)
     * @param environment empty for all environments
     * @param extraQuery  the catalog's extra search terms, empty for none
     */
    public String issues(String organization, List<String> projectIds, String environment, TimeWindow window,
            String extraQuery) {
        HttpUrl.Builder url = SentryUrls.under(webBase, "organizations", organization, "issues");
        for (String id : projectIds) {
            url.addQueryParameter("project", id);
        }
        if (environment != null && !environment.isBlank()) {
            url.addQueryParameter("environment", environment);
        }
        url.addQueryParameter("start", IssueSearch.start(window.from()));
        url.addQueryParameter("end", IssueSearch.end(window.to()));
        url.addQueryParameter("query", IssueSearch.query(extraQuery));
        return url.build().toString();
    }
}
