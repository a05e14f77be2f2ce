package dev.investigator.sandbox.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Web API request's token and parameters, however they were sent: query string, form body
 * ({@code blocks=<json>}) or JSON body ({@code "blocks": [...]}) all end up in one map, JSON values that are
 * not strings kept as their JSON text, so a test reads {@code blocks} the same way either way.
 *
 * @param malformedJson true when a JSON body did not parse (Slack answers {@code invalid_json})
 */
record RequestParams(String token, Map<String, String> params, boolean malformedJson) {

    static RequestParams decode(String authorization, String contentType, String rawQuery, String body, Json json) {
        Map<String, String> params = new LinkedHashMap<>();
        putForm(rawQuery, params);
        boolean malformed = false;
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            JsonNode node = json.parseOrNull(body);
            if (node == null || !node.isObject()) {
                malformed = !body.isBlank();
            } else {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode value = field.getValue();
                    if (!value.isNull()) {
                        params.put(field.getKey(), value.isTextual() ? value.asText() : json.write(value));
                    }
                }
            }
        } else {
            putForm(body, params);
        }
        String token = bearer(authorization);
        String tokenParam = params.remove("token");
        return new RequestParams(token != null ? token : tokenParam, params, malformed);
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    private static void putForm(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isBlank()) {
            return;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.put(name, value);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
