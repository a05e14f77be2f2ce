package dev.investigator.render;

import dev.investigator.model.EndpointStat;
import dev.investigator.model.RootCause;
import dev.investigator.model.ServiceEdge;
import dev.investigator.model.SourceKind;
import dev.investigator.model.SourceReport;
import dev.investigator.model.TraceExample;
import dev.investigator.model.TraceStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The X-Ray reply: trace counts and rates, where faulty traces end (root causes), downstream edges by fault rate,
 * the slowest endpoints and a few traces to open.
 */
final class XRayView {

    static final int MAX_ROOT_CAUSES = 5;
    static final int MAX_EDGES = 8;
    static final int MAX_ENDPOINTS = 5;
    static final int MAX_EXAMPLES = 3;

    private final Phrases phrases;
    private final Messages messages;
    private final Markup markup;

    XRayView(Phrases phrases) {
        this.phrases = phrases;
        this.messages = phrases.messages();
        this.markup = phrases.markup();
    }

    SourceView view(SourceReport report, TraceStats stats) {
        if (stats.traces() == 0) {
            return SourceViews.empty(phrases, SourceKind.XRAY, messages.get("xray.empty"), report.link());
        }
        String body = messages.get("xray.headline", stats.traces(), messages.count(stats.traces()));
        if (stats.truncated()) {
            body = messages.get("reply.withNote", body, messages.get("xray.sampled", messages.count(stats.traces())));
        }

        List<Group> groups = new ArrayList<>();
        List<String> overview = new ArrayList<>();
        double throttleRate = (double) stats.throttles() / stats.traces();
        overview.add(messages.get("xray.counts",
                messages.count(stats.faults()), messages.rate(stats.faultRate()),
                messages.count(stats.errors()), messages.rate(stats.errorRate()),
                messages.count(stats.throttles()), messages.rate(throttleRate),
                messages.millis(stats.p95Millis())));
        stats.faultOnset().ifPresent(at -> overview.add(messages.get("xray.onset", phrases.times().at(at))));
        groups.add(Group.of("", overview));

        if (!stats.rootCauses().isEmpty()) {
            List<RootCause> causes = stats.rootCauses().stream()
                    .sorted(Comparator.comparingDouble(RootCause::share).reversed().thenComparing(RootCause::service))
                    .toList();
            groups.add(Group.capped(markup.bold(messages.get("xray.rootCauses")), causes, MAX_ROOT_CAUSES, this::rootCause));
        }
        if (!stats.edges().isEmpty()) {
            List<ServiceEdge> edges = stats.edges().stream()
                    .sorted(Comparator.comparingDouble(ServiceEdge::faultRate).reversed()
                            .thenComparing(Comparator.comparingLong(ServiceEdge::requests).reversed())
                            .thenComparing(ServiceEdge::to))
                    .toList();
            groups.add(Group.capped(markup.bold(messages.get("xray.edges")), edges, MAX_EDGES, this::edge));
        }
        if (!stats.slowestEndpoints().isEmpty()) {
            List<EndpointStat> endpoints = stats.slowestEndpoints().stream()
                    .sorted(Comparator.comparingDouble(EndpointStat::avgMillis).reversed().thenComparing(EndpointStat::url))
                    .toList();
            groups.add(Group.capped(markup.bold(messages.get("xray.endpoints")), endpoints, MAX_ENDPOINTS, this::endpoint));
        }
        if (!stats.examples().isEmpty()) {
            List<TraceExample> examples = stats.examples();
            groups.add(Group.capped(markup.bold(messages.get("xray.examples")), examples, MAX_EXAMPLES, this::example));
        }
        return new SourceView(SourceKind.XRAY, SourceViews.headline(phrases, SourceKind.XRAY, body, report.link()),
                groups, SourceViews.summary(messages, SourceKind.XRAY, body));
    }

    /** "• payment-gateway — 83% of faulty traces (100) · `ConnectTimeoutException`". */
    private String rootCause(RootCause cause) {
        String line = messages.get("xray.rootCause", markup.text(cause.service(), Phrases.MAX_NAME),
                messages.share(cause.share()), messages.count(cause.traces()));
        if (!cause.exception().isBlank()) {
            line = line + messages.get("separator") + markup.code(cause.exception(), Phrases.MAX_TITLE);
        }
        return "• " + line;
    }

    /** "• checkout → payment-gateway: 1,100 calls · 9.1% faults · avg 850 ms". */
    private String edge(ServiceEdge edge) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.get("xray.edge", markup.text(edge.from(), Phrases.MAX_NAME), markup.text(edge.to(), Phrases.MAX_NAME),
                messages.count(edge.requests()), messages.rate(edge.faultRate()), messages.millis(edge.avgMillis()),
                edge.requests()));
        if (edge.errors() > 0) {
            parts.add(messages.get("xray.edge.errors", messages.count(edge.errors()), edge.errors()));
        }
        if (edge.throttles() > 0) {
            parts.add(messages.get("xray.edge.throttles", messages.count(edge.throttles())));
        }
        return "• " + String.join(messages.get("separator"), parts);
    }

    /** "• `POST /api/checkout` — avg 1.2 s · max 9.8 s · 300 traces · 12 faults". */
    private String endpoint(EndpointStat endpoint) {
        String name = (endpoint.method().isBlank() ? "" : endpoint.method() + " ") + endpoint.url();
        return "• " + messages.get("xray.endpoint", markup.code(name, Phrases.MAX_TITLE),
                messages.millis(endpoint.avgMillis()), messages.millis(endpoint.maxMillis()),
                messages.count(endpoint.traces()), messages.count(endpoint.faults()), endpoint.traces(), endpoint.faults());
    }

    /** "• 1-5759e988-… `POST /api/checkout` → 502 · 9.8 s · fault · root cause payment-gateway". */
    private String example(TraceExample trace) {
        List<String> parts = new ArrayList<>();
        String request = (trace.method().isBlank() ? "" : trace.method() + " ") + trace.url();
        String head = markup.link(trace.link(), trace.traceId());
        if (!request.isBlank()) {
            head = head + " " + markup.code(request, Phrases.MAX_TITLE);
        }
        if (trace.httpStatus() > 0) {
            head = messages.get("xray.example.status", head, Integer.toString(trace.httpStatus()));
        }
        parts.add(head);
        parts.add(messages.millis(trace.durationMillis()));
        if (trace.fault()) {
            parts.add(messages.get("xray.example.fault"));
        }
        if (trace.error()) {
            parts.add(messages.get("xray.example.error"));
        }
        if (trace.throttle()) {
            parts.add(messages.get("xray.example.throttle"));
        }
        if (!trace.rootCauseService().isBlank()) {
            parts.add(messages.get("xray.example.root", markup.text(trace.rootCauseService(), Phrases.MAX_NAME)));
        }
        return "• " + String.join(messages.get("separator"), parts);
    }
}
