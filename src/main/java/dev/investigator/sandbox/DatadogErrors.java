package dev.investigator.sandbox;

/** Datadog's error body: {@code {"errors":["..."]}}. */
final class DatadogErrors {

    private final Json json;

    DatadogErrors(Json json) {
        this.json = json;
    }

    HttpReply reply(int status, String message) {
        var body = json.object();
        body.putArray("errors").add(message);
        return HttpReply.json(status, json.bytes(body));
    }

    HttpReply badInput(String what) {
        return reply(400, "API input validation failed: " + what);
    }
}
