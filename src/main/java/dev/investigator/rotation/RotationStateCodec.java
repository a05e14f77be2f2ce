package dev.investigator.rotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The state file's JSON, written by hand rather than by data binding so that the format is explicit, stable
 * across refactorings, and every problem in a damaged file is reported with its path.
 */
final class RotationStateCodec {

    static final int FORMAT = 1;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    byte[] write(RotationState state) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode days = root.putArray("days");
        for (CheckDay d : state.days().values()) {
            ObjectNode n = days.addObject();
            n.put("day", d.day().toString());
            n.put("owner", d.owner());
            d.prompt().ifPresent(p -> n.putObject("prompt")
                    .put("channel", p.channel()).put("ts", p.ts()).put("at", p.at().toString()));
            d.checked().ifPresent(c -> n.putObject("checked").put("by", c.by()).put("at", c.at().toString()));
            ArrayNode handOffs = n.putArray("handOffs");
            for (HandOff h : d.handOffs()) {
                handOffs.addObject().put("from", h.from()).put("to", h.to()).put("by", h.by()).put("at", h.at().toString());
            }
            d.remindedAt().ifPresent(t -> n.put("remindedAt", t.toString()));
            d.escalatedAt().ifPresent(t -> n.put("escalatedAt", t.toString()));
        }
        ArrayNode swaps = root.putArray("swaps");
        for (Swap s : state.swaps()) {
            swaps.addObject().put("first", s.first().toString()).put("second", s.second().toString())
                    .put("by", s.by()).put("at", s.at().toString());
        }
        ArrayNode replacements = root.putArray("replacements");
        for (Replacement r : state.replacements()) {
            replacements.addObject().put("absent", r.absent()).put("substitute", r.substitute())
                    .put("from", r.from().toString()).put("to", r.to().toString())
                    .put("by", r.by()).put("at", r.at().toString());
        }
        try {
            return json.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the rotation state", e);
        }
    }

    /** @throws IllegalArgumentException naming the broken path, for JSON that is valid but not a state file */
    RotationState read(byte[] bytes) throws java.io.IOException {
        JsonNode root = json.readTree(bytes);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the top level is not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.canConvertToInt()) {
            throw new IllegalArgumentException("format: missing");
        }
        if (format.asInt() != FORMAT) {
            throw new IllegalArgumentException("format: " + format.asInt() + " is not " + FORMAT
                    + " (written by another version of the bot?)");
        }
        NavigableMap<LocalDate, CheckDay> days = new TreeMap<>();
        List<CheckDay> dayList = list(root, "days", "", this::day);
        for (int i = 0; i < dayList.size(); i++) {
            if (days.put(dayList.get(i).day(), dayList.get(i)) != null) {
                throw new IllegalArgumentException("days[" + i + "]: " + dayList.get(i).day() + " appears twice");
            }
        }
        List<Swap> swaps = list(root, "swaps", "", (n, p) -> new Swap(date(n, "first", p), date(n, "second", p),
                text(n, "by", p), instant(n, "at", p)));
        List<Replacement> replacements = list(root, "replacements", "", (n, p) -> new Replacement(
                text(n, "absent", p), text(n, "substitute", p), date(n, "from", p), date(n, "to", p),
                text(n, "by", p), instant(n, "at", p)));
        return new RotationState(days, swaps, replacements);
    }

    private CheckDay day(JsonNode n, String path) {
        LocalDate day = date(n, "day", path);
        Optional<PromptRef> prompt = optionalObject(n, "prompt", path).map(p -> new PromptRef(
                text(p, "channel", path + ".prompt"), text(p, "ts", path + ".prompt"), instant(p, "at", path + ".prompt")));
        Optional<Check> checked = optionalObject(n, "checked", path).map(c -> new Check(
                text(c, "by", path + ".checked"), instant(c, "at", path + ".checked")));
        List<HandOff> handOffs = list(n, "handOffs", path, (h, p) -> new HandOff(day, text(h, "from", p), text(h, "to", p),
                text(h, "by", p), instant(h, "at", p)));
        return new CheckDay(day, textOrEmpty(n, "owner", path), prompt, checked, handOffs,
                optionalInstant(n, "remindedAt", path), optionalInstant(n, "escalatedAt", path));
    }

    private interface Reader<T> {
        T read(JsonNode node, String path);
    }

    private static <T> List<T> list(JsonNode parent, String key, String path, Reader<T> reader) {
        JsonNode n = parent.get(key);
        String where = join(path, key);
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException(where + ": not a list");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
            String itemPath = where + "[" + i + "]";
            if (!n.get(i).isObject()) {
                throw new IllegalArgumentException(itemPath + ": not an object");
            }
            try {
                out.add(reader.read(n.get(i), itemPath));
            } catch (NullPointerException | IllegalArgumentException e) {
                throw e.getMessage() != null && e.getMessage().startsWith(itemPath)
                        ? e : new IllegalArgumentException(itemPath + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    private static Optional<JsonNode> optionalObject(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(join(path, key) + ": not an object");
        }
        return Optional.of(n);
    }

    private static String text(JsonNode parent, String key, String path) {
        String s = textOrEmpty(parent, key, path);
        if (s.isEmpty()) {
            throw new IllegalArgumentException(join(path, key) + ": missing");
        }
        return s;
    }

    private static String textOrEmpty(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || n.isNull()) {
            return "";
        }
        if (!n.isTextual()) {
            throw new IllegalArgumentException(join(path, key) + ": not a string");
        }
        return n.asText();
    }

    private static LocalDate date(JsonNode parent, String key, String path) {
        return parse(text(parent, key, path), LocalDate::parse, join(path, key));
    }

    private static Instant instant(JsonNode parent, String key, String path) {
        return parse(text(parent, key, path), Instant::parse, join(path, key));
    }

    private static Optional<Instant> optionalInstant(JsonNode parent, String key, String path) {
        String s = textOrEmpty(parent, key, path);
        return s.isEmpty() ? Optional.empty() : Optional.of(parse(s, Instant::parse, join(path, key)));
    }

    private static <T> T parse(String raw, Function<String, T> parser, String where) {
        try {
            return parser.apply(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + raw + "' is not a valid time");
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
