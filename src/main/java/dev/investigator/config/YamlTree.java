package dev.investigator.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tree operations the catalog needs: layering one document over another, and resolving ${variables}. */
final class YamlTree {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private YamlTree() {
    }

    /**
     * {@code over} laid onto {@code base}: objects merge key by key, anything else replaces, and an explicit
     * null removes the key (so a service can drop a metric the template defines).
     */
    static ObjectNode merge(ObjectNode base, JsonNode over) {
        ObjectNode result = base.deepCopy();
        if (over == null || !over.isObject()) {
            return result;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = over.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode value = e.getValue();
            JsonNode existing = result.get(e.getKey());
            if (value == null || value.isNull()) {
                result.remove(e.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                result.set(e.getKey(), merge((ObjectNode) existing, value));
            } else {
                result.set(e.getKey(), value.deepCopy());
            }
        }
        return result;
    }

    /** Replaces ${name} in every string of the tree; an unknown name is an error naming its key. */
    static JsonNode resolve(JsonNode node, Map<String, String> vars, String path, String file) {
        if (node.isTextual()) {
            return TextNode.valueOf(substitute(node.asText(), vars, path, file));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), resolve(e.getValue(), vars, join(path, e.getKey()), file)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JsonNodeFactory.instance.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                copy.add(resolve(node.get(i), vars, path + "[" + i + "]", file));
            }
            return copy;
        }
        return node;
    }

    static String substitute(String text, Map<String, String> vars, String path, String file) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw ConfigException.at(file, path, "unknown variable ${" + m.group(1) + "}; known: "
                        + String.join(", ", new java.util.TreeSet<>(vars.keySet())));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
