package dev.investigator.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Sentry's error body: {@code {"detail":"..."}}. */
final class SentryErrors {

    private final Json json;

    SentryErrors(Json json) {
        this.json = json;
    }

    HttpReply detail(int status, String message) {
        ObjectNode body = json.object();
        body.put("detail", message);
        return HttpReply.json(status, json.bytes(body));
    }
}
