package dev.investigator.render;

import dev.investigator.digest.ActiveMonitor;
import dev.investigator.digest.DigestFlag;
import dev.investigator.digest.ServiceDigest;
import dev.investigator.digest.Vital;
import dev.investigator.digest.VitalReading;
import dev.investigator.model.EndpointStat;
import dev.investigator.model.ErrorIssue;
import dev.investigator.model.Gap;
import dev.investigator.model.SourceKind;
import dev.investigator.model.TimeWindow;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The daily digest's sentences, shared by the Slack prompt and the terminal: why a service is flagged, with the
 * numbers behind it ("requests 31,200 (×0.26 vs last Thu, ×0.27 vs 7-day median), possible outage"), and the
 * issues, endpoints and monitors that back it up. Written once against a {@link Markup}.
 */
final class DigestPhrases {

    static final int MAX_ISSUES = 3;
    static final int MAX_ENDPOINTS = 2;
    static final int MAX_MONITORS = 3;

    private final Messages messages;
    private final Markup markup;
    private final ZoneId zone;
    private final TimeWindow period;
    private final Times times;
    private final Phrases phrases;

    DigestPhrases(Messages messages, Markup markup, ZoneId zone, TimeWindow period) {
        this.messages = messages;
        this.markup = markup;
        this.zone = zone;
        this.period = period;
        this.times = new Times(messages, zone, period);
        this.phrases = new Phrases(messages, times, markup);
    }

    Messages messages() {
        return messages;
    }

    Markup markup() {
        return markup;
    }

    // ---- days and the period ----

    /** "Fri 11/20" (JA "11/20(金)"). */
    static String day(Messages messages, LocalDate day) {
        return messages.day(day);
    }

    /** "last Thu" for a period of a day or less (named after the day it starts on), "a week earlier" otherwise. */
    String lastWeek() {
        if (period.length().compareTo(Duration.ofDays(1)) > 0) {
            return messages.get("digest.baseline.lastWeek");
        }
        LocalDate first = period.from().atZone(zone).toLocalDate();
        return messages.get("digest.baseline.lastWeekday", messages.get("weekday." + first.getDayOfWeek().name()));
    }

    /** "11/19 10:00 – 11/20 10:00 JST · vs last Thu and the 7-day median · 5 services". */
    String periodLine(int services) {
        return messages.get("digest.period", times.window(), lastWeek(), services, messages.count(services));
    }

    // ---- one service ----

    String name(ServiceDigest service) {
        return markup.text(service.service(), Phrases.MAX_NAME);
    }

    /** "*checkout* — requests … · 3 new issues". */
    String line(ServiceDigest service) {
        return messages.get("digest.service", markup.bold(name(service)), String.join(messages.get("separator"), reasons(service)));
    }

    /** One phrase per flag, most severe first (the rules' order). */
    List<String> reasons(ServiceDigest service) {
        List<String> reasons = new ArrayList<>();
        for (DigestFlag flag : service.flags()) {
            reasons.add(reason(flag, service));
        }
        return reasons;
    }

    String reason(DigestFlag flag, ServiceDigest service) {
        return switch (flag.kind()) {
            case TRAFFIC_SURGE, TRAFFIC_DROP -> traffic(flag, reading(service, Vital.REQUESTS));
            case ERROR_RATE -> errorRate(reading(service, Vital.ERROR_RATE));
            case LATENCY -> latency(flag, reading(service, Vital.P95_LATENCY));
            case NEW_ISSUES -> messages.get("digest.flag.NEW_ISSUES", flag.count(), messages.count(flag.count()));
            case MONITORS_ALERTING -> messages.get("digest.flag.MONITORS_ALERTING", flag.count(), messages.count(flag.count()));
            case SOURCE_UNAVAILABLE -> messages.get("digest.flag.SOURCE_UNAVAILABLE", sources(service.unavailable()));
        };
    }

    private String traffic(DigestFlag flag, Optional<VitalReading> reading) {
        String key = "digest.flag." + flag.kind().name();
        OptionalDouble current = reading.map(VitalReading::current).orElse(OptionalDouble.empty());
        if (current.isEmpty() && reading.isPresent()) {
            VitalReading r = reading.get();
            boolean lastWeek = r.sameDayLastWeek().isPresent();
            String label = lastWeek ? lastWeek() : messages.get("digest.baseline.median");
            double value = lastWeek ? r.sameDayLastWeek().getAsDouble() : r.median7d().orElse(Double.NaN);
            return messages.get("digest.flag.TRAFFIC_DROP.noData", label, messages.number(value));
        }
        List<String> vs = new ArrayList<>();
        if (reading.isPresent() && current.isPresent()) {
            VitalReading r = reading.get();
            double now = current.getAsDouble();
            r.sameDayLastWeek().ifPresent(b -> vs.add(messages.get("digest.vs", ratio(ratio(now, b)), lastWeek())));
            r.median7d().ifPresent(b -> vs.add(messages.get("digest.vs", ratio(ratio(now, b)),
                    messages.get("digest.baseline.median"))));
        }
        if (vs.isEmpty()) {
            vs.add(ratio(flag.ratio().orElse(Double.NaN)));
        }
        String count = current.isPresent() ? messages.number(Math.rint(current.getAsDouble())) : messages.get("fmt.none");
        return messages.get(key, count, String.join(messages.get("digest.comma"), vs));
    }

    private String errorRate(Optional<VitalReading> reading) {
        OptionalDouble current = reading.map(VitalReading::current).orElse(OptionalDouble.empty());
        String now = messages.percent(current.orElse(Double.NaN));
        OptionalDouble usual = reading.map(DigestPhrases::usual).orElse(OptionalDouble.empty());
        if (usual.isEmpty()) {
            return messages.get("digest.flag.ERROR_RATE.noBaseline", now);
        }
        return messages.get("digest.flag.ERROR_RATE", now, messages.percent(usual.getAsDouble()));
    }

    private String latency(DigestFlag flag, Optional<VitalReading> reading) {
        OptionalDouble current = reading.map(VitalReading::current).orElse(OptionalDouble.empty());
        OptionalDouble usual = reading.map(DigestPhrases::usual).orElse(OptionalDouble.empty());
        return messages.get("digest.flag.LATENCY", messages.millis(current.orElse(Double.NaN)),
                messages.ratio(flag.ratio().orElse(Double.NaN)), messages.millis(usual.orElse(Double.NaN)));
    }

    /** The higher baseline: the one a rise was measured against (the rules flag only rises above both). */
    private static OptionalDouble usual(VitalReading r) {
        if (r.sameDayLastWeek().isPresent() && r.median7d().isPresent()) {
            return OptionalDouble.of(Math.max(r.sameDayLastWeek().getAsDouble(), r.median7d().getAsDouble()));
        }
        return r.sameDayLastWeek().isPresent() ? r.sameDayLastWeek() : r.median7d();
    }

    /**
     * "×2.6", and for a drop two decimals, "×0.26": one decimal would show ×0.26 and ×0.34 alike as ×0.3, and
     * how far traffic fell is the point of the line.
     */
    private String ratio(double ratio) {
        if (Double.isFinite(ratio) && ratio >= 0 && ratio < 0.995) {
            java.text.DecimalFormat twoDecimals = new java.text.DecimalFormat("0.00",
                    java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
            twoDecimals.setRoundingMode(java.math.RoundingMode.HALF_UP);
            return messages.get("fmt.ratio", twoDecimals.format(ratio));
        }
        return messages.ratio(ratio);
    }

    private static double ratio(double current, double baseline) {
        if (baseline == 0) {
            return current == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return current / baseline;
    }

    private static Optional<VitalReading> reading(ServiceDigest service, Vital vital) {
        return service.vitals().stream().filter(r -> r.vital() == vital).findFirst();
    }

    // ---- the evidence behind the flags ----

    /** "CHECKOUT-1F3 TypeError: … · 120 events", linked; the level when it is not a plain error. */
    List<String> issues(ServiceDigest service, int max) {
        List<String> lines = new ArrayList<>();
        for (ErrorIssue issue : service.newIssues().stream().limit(max).toList()) {
            String subject = markup.link(issue.permalink(), issue.shortId());
            if (!issue.level().isBlank() && !issue.level().equalsIgnoreCase("error")) {
                subject = messages.get("digest.issue.level", subject, markup.text(issue.level(), Phrases.MAX_NAME));
            }
            lines.add(messages.get("digest.issue", subject, markup.text(issue.title(), Phrases.MAX_TITLE),
                    messages.count(issue.eventsInWindow()), issue.eventsInWindow()));
        }
        return lines;
    }

    /** "GET /api/cart — avg 1.2 s · max 4.1 s". */
    List<String> endpoints(ServiceDigest service, int max) {
        List<String> lines = new ArrayList<>();
        for (EndpointStat e : service.slowEndpoints().stream().limit(max).toList()) {
            String name = e.method().isBlank() ? e.url() : e.method() + " " + e.url();
            lines.add(messages.get("digest.endpoint", markup.text(name, Phrases.MAX_TITLE),
                    messages.millis(e.avgMillis()), messages.millis(e.maxMillis())));
        }
        return lines;
    }

    /** "Disk usage high · Alert since 11/20 08:00", linked. */
    List<String> monitors(ServiceDigest service, int max) {
        List<String> lines = new ArrayList<>();
        for (ActiveMonitor m : service.monitors().stream().limit(max).toList()) {
            String name = markup.link(m.link(), m.name().isBlank() ? m.id() : m.name());
            String state = markup.text(m.state(), Phrases.MAX_NAME);
            lines.add(m.since().isPresent()
                    ? messages.get("digest.monitor.since", name, state, times.at(m.since().get()))
                    : messages.get("digest.monitor", name, state));
        }
        return lines;
    }

    // ---- sources and gaps ----

    /** "Sentry, AWS X-Ray". */
    String sources(List<SourceKind> kinds) {
        return String.join(messages.get("digest.comma"), kinds.stream().map(SourceKind::displayName).toList());
    }

    /** "Sentry: token rejected (401) — check SENTRY_AUTH_TOKEN · `HTTP 401`": the investigation's wording. */
    String gapLine(Gap gap, Duration elapsed) {
        return phrases.gapLine(gap, elapsed);
    }

    /** Service names, comma-separated, as many as fit in {@code maxChars}, then "…and N more". */
    String names(List<String> names, int maxChars) {
        String comma = messages.get("digest.comma");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String name = markup.text(names.get(i), Phrases.MAX_NAME);
            String more = messages.more(names.size() - i);
            int needed = (out.length() == 0 ? 0 : comma.length()) + name.length();
            boolean last = i == names.size() - 1;
            // Keep room for the "more" line unless this is the last name.
            if (out.length() + needed + (last ? 0 : comma.length() + more.length()) > maxChars) {
                return out.length() == 0 ? more : out + comma + more;
            }
            if (out.length() > 0) {
                out.append(comma);
            }
            out.append(name);
        }
        return out.toString();
    }
}
