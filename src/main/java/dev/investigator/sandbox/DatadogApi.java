package dev.investigator.sandbox;

/**
 * The simulated Datadog API: {@code POST /api/v2/query/timeseries}, {@code GET /api/v1/events} and
 * {@code GET /api/v1/monitor/search}. Like Datadog,
 * it wants both {@code DD-API-KEY} and {@code DD-APPLICATION-KEY} (403 {@code {"errors":["Forbidden"]}} without),
 * and answers errors as {@code {"errors":[...]}}.
 */
final class DatadogApi implements VendorApi {

    private final DatadogTimeseries timeseries;
    private final DatadogEvents events;
    private final DatadogMonitors monitors;
    private final DatadogErrors errors;

    DatadogApi(DatadogTimeseries timeseries, DatadogEvents events, DatadogMonitors monitors, DatadogErrors errors) {
        this.timeseries = timeseries;
        this.events = events;
        this.monitors = monitors;
        this.errors = errors;
    }

    @Override
    public HttpReply handle(SandboxRequest request) {
        boolean isTimeseries = request.path().equals("/api/v2/query/timeseries");
        boolean isEvents = request.path().equals("/api/v1/events");
        boolean isMonitors = request.path().equals("/api/v1/monitor/search");
        if (!isTimeseries && !isEvents && !isMonitors) {
            return errors.reply(404, "Not found");
        }
        if (isBlank(request.header("DD-API-KEY").orElse(""))
                || isBlank(request.header("DD-APPLICATION-KEY").orElse(""))) {
            return errors.reply(403, "Forbidden");
        }
        if (isTimeseries && request.is("POST")) {
            return timeseries.handle(request);
        }
        if (isEvents && request.is("GET")) {
            return events.handle(request);
        }
        if (isMonitors && request.is("GET")) {
            return monitors.handle(request);
        }
        return errors.reply(405, "Method Not Allowed");
    }

    @Override
    public HttpReply internalError() {
        return errors.reply(500, "Internal Server Error");
    }

    private static boolean isBlank(String s) {
        return s.isBlank();
    }
}
