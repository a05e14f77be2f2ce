package dev.investigator.source.sentry;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Reads Sentry's pagination {@code Link} header, e.g.
 * {@code <https://sentry.io/api/0/...&cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0"}.
 *
 * <p>Only the cursor is taken: the next request is built from our own URL, so a header naming another host can
 * never receive the auth token. Sentry returns a next cursor even when there is nothing more, hence
 * {@code results}.
 */
final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[A-Za-z_-]+\\s*=\\s*(?:\"[^\"]*\"|[^;,\\s]*))*)");
    private static final Pattern PARAM = Pattern.compile(";\\s*([A-Za-z_-]+)\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]*))");

    private LinkHeader() {
    }

    /** The cursor of the {@code rel="next"} link if Sentry says it has results; empty otherwise. */
    static Optional<String> nextCursor(List<String> headerValues) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Map<String, String> params = params(link.group(2));
                if (!"next".equalsIgnoreCase(params.get("rel"))) {
                    continue;
                }
                if (!"true".equalsIgnoreCase(params.get("results"))) {
                    return Optional.empty();
                }
                String cursor = params.get("cursor");
                if (cursor == null || cursor.isBlank()) {
                    HttpUrl url = HttpUrl.parse(link.group(1));
                    cursor = url == null ? null : url.queryParameter("cursor");
                }
                return Optional.ofNullable(cursor).filter(c -> !c.isBlank());
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> params(String text) {
        Map<String, String> params = new HashMap<>();
        Matcher param = PARAM.matcher(text);
        while (param.find()) {
            String raw = param.group(2) != null ? param.group(2) : param.group(3);
            params.put(param.group(1).toLowerCase(Locale.ROOT), raw.trim());
        }
        return params;
    }
}
