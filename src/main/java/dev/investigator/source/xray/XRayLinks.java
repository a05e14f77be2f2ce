package dev.investigator.source.xray;

import dev.investigator.model.TimeWindow;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Links into the CloudWatch console's X-Ray pages, with the filter and window filled in.
 *
 * <p>The console keeps its state in the URL fragment in JSURL notation: {@code ~(key~value~key~value)} objects,
 * strings opened by {@code '} and ended by the next {@code ~} or {@code )}, and every character outside
 * {@code [A-Za-z0-9_.-]} written as {@code *xx} ({@code **xxxx} beyond Latin-1, {@code !} for {@code $}). This is the
 * shape the console itself produces, e.g.
 * {@code #xray:traces/query?~(query~(expression~'service(*22api*22)')~context~(timeRange~(end~'2022-10-21T10*3a30*3a00.000Z~start~'...)))}.
 */
public final class XRayLinks {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String region;

    public XRayLinks(String region) {
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The trace list for a filter expression over a window. */
    public String traces(String filterExpression, TimeWindow window) {
        String query = filterExpression == null || filterExpression.isBlank()
                ? "()"
                : "(expression~'" + jsurl(filterExpression) + ")";
        return console() + "#xray:traces/query?~(query~" + query + "~context~" + context(window) + ")";
    }

    /** One trace's timeline; the window keeps the console from searching only its default last hours. */
    public String trace(String traceId, TimeWindow window) {
        return console() + "#xray:traces/" + jsurl(traceId) + "?~(query~()~context~" + context(window) + ")";
    }

    private String console() {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region;
    }

    private static String context(TimeWindow window) {
        return "(timeRange~(end~'" + iso(window.to()) + "~start~'" + iso(window.from()) + "))";
    }

    private static String iso(Instant t) {
        return jsurl(ISO_MILLIS.format(t));
    }

    /** JSURL's string escaping (the same rule as the jsurl library's {@code encode}). */
    static String jsurl(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == '.') {
                out.append(c);
            } else if (c == '$') {
                out.append('!');
            } else if (c < 0x100) {
                out.append('*').append(String.format("%02x", (int) c));
            } else {
                out.append("**").append(String.format("%04x", (int) c));
            }
        }
        return out.toString();
    }
}
