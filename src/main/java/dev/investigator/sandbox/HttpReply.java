package dev.investigator.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete answer, built before it is sent so that it can be sent later (simulated latency). */
record HttpReply(int status, Map<String, String> headers, byte[] body) {

    HttpReply {
        headers = Map.copyOf(headers);
    }

    static HttpReply json(int status, byte[] body) {
        return new HttpReply(status, Map.of("Content-Type", "application/json"), body);
    }

    static HttpReply json(int status, String body) {
        return json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    HttpReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpReply(status, copy, body);
    }
}
