package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** AWS restJson1 errors: the type in {@code x-amzn-ErrorType}, and {@code {"__type":..,"message":..}}. */
final class XRayErrors {

    /** A request X-Ray would reject with InvalidRequestException; the message is safe to return. */
    static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    private final Json json;

    XRayErrors(Json json) {
        this.json = json;
    }

    HttpReply reply(int status, String type, String message) {
        ObjectNode body = json.object();
        body.put("__type", type);
        body.put("message", message);
        return HttpReply.json(status, json.bytes(body))
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.xray/");
    }

    HttpReply invalid(String message) {
        return reply(400, "InvalidRequestException", message);
    }
}
