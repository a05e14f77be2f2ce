package dev.investigator.sandbox;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One conjunction of the part of X-Ray's filter-expression language the sandbox understands, joined with AND
 * (each term may sit in parentheses): {@code service("name")}, {@code service(id(name: "name"))}, {@code fault},
 * {@code error}, {@code throttle}, {@code ok} (each optionally {@code = true}), {@code responsetime} (or
 * {@code duration}) compared with {@code >}, {@code >=}, {@code <} or {@code <=} to a number, and
 * {@code http.url CONTAINS "text"}. {@link XRayQuery} joins several with OR. Anything else is an
 * InvalidRequestException rather than a silent guess.
 */
record XRayFilter(Optional<String> service, boolean fault, boolean error, boolean throttle, boolean ok,
                  double minResponseTime, double maxResponseTime, Optional<String> urlContains) {

    private static final Pattern SERVICE =
            Pattern.compile("service\\(\\s*(?:id\\(\\s*name\\s*:\\s*)?\"([^\"]+)\"[^)]*\\)?\\s*\\)");
    private static final Pattern FLAG = Pattern.compile("(fault|error|throttle|ok)(?:\\s*=\\s*true)?");
    private static final Pattern RESPONSE_TIME =
            Pattern.compile("(responsetime|duration)\\s*(>=|<=|>|<)\\s*([0-9.]+)");
    private static final Pattern URL = Pattern.compile("http\\.url\\s+contains\\s+\"([^\"]*)\"");

    static XRayFilter parse(String expression) {
        Optional<String> service = Optional.empty();
        boolean fault = false;
        boolean error = false;
        boolean throttle = false;
        boolean ok = false;
        double min = Double.NEGATIVE_INFINITY;
        double max = Double.POSITIVE_INFINITY;
        Optional<String> url = Optional.empty();
        if (expression != null && !expression.isBlank()) {
            for (String term : XRayQuery.split(XRayQuery.unwrap(expression.trim()), "and", "&&")) {
                String t = XRayQuery.unwrap(term.trim());
                String lower = t.toLowerCase(Locale.ROOT);
                Matcher m;
                if ((m = SERVICE.matcher(t)).matches()) {
                    if (service.isPresent() && !service.get().equals(m.group(1))) {
                        throw new XRayErrors.Invalid("The sandbox supports one service(...) per filter expression");
                    }
                    service = Optional.of(m.group(1));
                } else if ((m = FLAG.matcher(lower)).matches()) {
                    switch (m.group(1)) {
                        case "fault" -> fault = true;
                        case "error" -> error = true;
                        case "throttle" -> throttle = true;
                        default -> ok = true;
                    }
                } else if ((m = RESPONSE_TIME.matcher(lower)).matches()) {
                    double v = Double.parseDouble(m.group(3));
                    // matches() compares strictly; an inclusive bound is the strict one just beyond it.
                    switch (m.group(2)) {
                        case ">" -> min = v;
                        case ">=" -> min = Math.nextDown(v);
                        case "<" -> max = v;
                        default -> max = Math.nextUp(v);
                    }
                } else if ((m = URL.matcher(t.replaceFirst("(?i)contains", "contains"))).matches()) {
                    url = Optional.of(m.group(1));
                } else {
                    throw new XRayErrors.Invalid("Invalid filter expression: unsupported term '" + shorten(t) + "'");
                }
            }
        }
        return new XRayFilter(service, fault, error, throttle, ok, min, max, url);
    }

    boolean matches(SimTrace t) {
        return (!fault || t.fault())
                && (!error || t.error())
                && (!throttle || t.throttle())
                && (!ok || (!t.fault() && !t.error() && !t.throttle()))
                && t.responseTime() > minResponseTime
                && t.responseTime() < maxResponseTime
                && urlContains.map(u -> t.url().contains(u)).orElse(true);
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
