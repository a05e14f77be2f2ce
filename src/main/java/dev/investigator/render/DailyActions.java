package dev.investigator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.investigator.model.TimeWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The daily prompt's buttons, as the Slack layer receives them: action ids and the compact JSON values they carry,
 * written here and read back here so both ends agree.
 *
 * <ul>
 *   <li>{@value #CHECKED} and {@value #HAND_OFF}: value {@code {"day":"2026-11-20"}}.</li>
 *   <li>{@code daily_investigate:1}, {@code daily_investigate:2}, … (one per flagged service, numbered because
 *       action ids must be unique within a message; match them with {@link #INVESTIGATE_PATTERN}): value
 *       {@code {"service":"checkout","from":<epoch s>,"to":<epoch s>,"day":"2026-11-20"}}, the digest's period.</li>
 * </ul>
 */
public final class DailyActions {

    public static final String CHECKED = "daily_checked";
    public static final String HAND_OFF = "daily_handoff";
    public static final String INVESTIGATE = "daily_investigate";
    /** Every investigate button's action id. */
    public static final Pattern INVESTIGATE_PATTERN = Pattern.compile("daily_investigate:\\d+");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request to investigate one flagged service over the digest's period. */
    public record Investigate(String service, TimeWindow window, LocalDate day) {
        public Investigate {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(day, "day");
        }
    }

    private DailyActions() {
    }

    static String investigateActionId(int number) {
        return INVESTIGATE + ":" + number;
    }

    /** {"day":"2026-11-20"}. */
    public static String dayValue(LocalDate day) {
        return JsonNodeFactory.instance.objectNode().put("day", day.toString()).toString();
    }

    /** {"service":"checkout","from":1795050000,"to":1795136400,"day":"2026-11-20"}. */
    public static String investigateValue(String service, TimeWindow window, LocalDate day) {
        ObjectNode value = JsonNodeFactory.instance.objectNode()
                .put("service", service)
                .put("from", window.from().getEpochSecond())
                .put("to", window.to().getEpochSecond())
                .put("day", day.toString());
        return value.toString();
    }

    /** The day a Checked or Hand off button was for; empty when the value is not one of ours. */
    public static Optional<LocalDate> day(String value) {
        return parse(value).flatMap(DailyActions::dayOf);
    }

    /** What an Investigate button asks for; empty when the value is not one of ours. */
    public static Optional<Investigate> investigate(String value) {
        Optional<JsonNode> node = parse(value);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = node.get();
        Optional<LocalDate> day = dayOf(n);
        if (!n.path("service").isTextual() || n.path("service").asText().isBlank() || !n.path("from").canConvertToLong()
                || !n.path("to").canConvertToLong() || day.isEmpty()) {
            return Optional.empty();
        }
        Instant from = Instant.ofEpochSecond(n.path("from").asLong());
        Instant to = Instant.ofEpochSecond(n.path("to").asLong());
        if (!to.isAfter(from)) {
            return Optional.empty();
        }
        return Optional.of(new Investigate(n.path("service").asText(), new TimeWindow(from, to), day.get()));
    }

    private static Optional<JsonNode> parse(String value) {
        if (value == null || value.isBlank() || value.length() > BlockKitLimits.MAX_BUTTON_VALUE) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> dayOf(JsonNode node) {
        if (!node.path("day").isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(node.path("day").asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
