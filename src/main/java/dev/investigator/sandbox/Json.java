package dev.investigator.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;

/** The one ObjectMapper of a sandbox, with the few conversions the fakes need. */
final class Json {

    // Plain decimals: AWS timestamps are "1714000000.123", never "1.714000000123E9".
    private final ObjectMapper mapper =
            new ObjectMapper(JsonFactory.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build());

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    /** Parses a request body; null when it is not JSON at all. */
    JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String string(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Epoch seconds with millisecond decimals, written plainly (1714000000.123), as AWS does. */
    static DecimalNode epochSeconds(Instant t) {
        return DecimalNode.valueOf(BigDecimal.valueOf(t.toEpochMilli(), 3));
    }

    /** Epoch seconds from a JSON number (AWS timestamps may carry fractions), or null when absent/not a number. */
    static Instant instantFromSeconds(JsonNode n) {
        if (n == null || !n.isNumber()) {
            return null;
        }
        BigDecimal seconds = n.decimalValue();
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
