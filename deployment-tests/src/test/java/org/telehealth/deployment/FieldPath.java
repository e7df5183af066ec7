package org.telehealth.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kustomize field path, as replacements name their source and targets: dot-separated fields, a
 * number for a list index, [key=value] for the list element whose field has that value. Resolving
 * a path that does not exist is an error.
 */
final class FieldPath {

    private final String text;
    private final List<String> segments;

    private FieldPath(String text, List<String> segments) {
        this.text = text;
        this.segments = segments;
    }

    static FieldPath parse(String text) {
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            if (c == '.' && depth == 0) {
                segments.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        segments.add(current.toString());
        return new FieldPath(text, segments);
    }

    /** The value at this path. */
    JsonNode get(JsonNode root, String origin) {
        JsonNode current = root;
        for (String segment : segments) {
            current = step(current, segment, origin);
        }
        return current;
    }

    /** Replaces the value at this path. */
    void set(JsonNode root, JsonNode value, String origin) {
        JsonNode parent = root;
        for (String segment : segments.subList(0, segments.size() - 1)) {
            parent = step(parent, segment, origin);
        }
        String last = segments.get(segments.size() - 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(index(array, last, origin), value);
        } else {
            throw new IllegalArgumentException(origin + ": no field at " + text);
        }
    }

    private JsonNode step(JsonNode node, String segment, String origin) {
        JsonNode next;
        if (segment.startsWith("[") && segment.endsWith("]") && node.isArray()) {
            String[] selector = segment.substring(1, segment.length() - 1).split("=", 2);
            next = null;
            for (JsonNode element : node) {
                if (element.path(selector[0]).asText().equals(selector[1])) {
                    next = element;
                    break;
                }
            }
        } else if (node.isArray()) {
            next = node.get(index((ArrayNode) node, segment, origin));
        } else {
            next = node.get(segment);
        }
        if (next == null || next.isMissingNode()) {
            throw new IllegalArgumentException(origin + ": no field at " + text);
        }
        return next;
    }

    private int index(ArrayNode array, String segment, String origin) {
        try {
            int index = Integer.parseInt(segment);
            if (index >= 0 && index < array.size()) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(origin + ": bad list index '" + segment + "' in " + text);
    }

    @Override
    public String toString() {
        return text;
    }
}
