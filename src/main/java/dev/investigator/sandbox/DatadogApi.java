package dev.investigator.sandbox;

/**
 * The simulated Datadog API: {@code POST /api/v2/query/timeseries} and {@code GET /api/v1/events}. Like Datadog,
 * it wants both {@code DD-API-KEY} and {@code DD-APPLICATION-KEY} (403 {@code {"errors":["Forbidden"]}} without),
 * and answers errors as {@code {"errors":[...]}}.
 */
final class DatadogApi implements VendorApi {

    private final DatadogTimeseries timeseries;
    private final DatadogEvents events;
    private final DatadogErrors errors;

    DatadogApi(DatadogTimeseries timeseries, DatadogEvents events, DatadogErrors errors) {
        this.timeseries = timeseries;
        this.events = events;
        this.errors = errors;
    }

    @Override
    public HttpReply handle(SandboxRequest request) {
        boolean isTimeseries = request.path().equals("/api/v2/query/timeseries");
        boolean isEvents = request.path().equals("/api/v1/events");
        if (!isTimeseries && !isEvents) {
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
