package org.telehealth.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6902 JSON Patch, the operations Kustomize overlays use: add, replace, remove (JSON Pointer
 * paths, "-" to append). A path that does not exist is an error, as in Kustomize, so that a patch
 * aimed at a moved field fails instead of doing nothing.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode target, JsonNode operations, String origin) {
        if (!operations.isArray()) {
            throw new IllegalArgumentException(origin + ": a JSON patch is a list of operations");
        }
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            List<String> tokens = tokens(path);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException(origin + ": cannot " + op + " the whole object");
            }
            JsonNode parent = resolve(target, tokens.subList(0, tokens.size() - 1), origin, path);
            String last = tokens.get(tokens.size() - 1);
            switch (op) {
                case "add" -> add(parent, last, value(operation, origin), origin, path);
                case "replace" -> replace(parent, last, value(operation, origin), origin, path);
                case "remove" -> remove(parent, last, origin, path);
                default -> throw new IllegalArgumentException(origin + ": unsupported JSON patch operation '" + op + "'");
            }
        }
    }

    private static JsonNode value(JsonNode operation, String origin) {
        if (!operation.has("value")) {
            throw new IllegalArgumentException(origin + ": operation without a value: " + operation);
        }
        return operation.get("value").deepCopy();
    }

    private static void add(JsonNode parent, String key, JsonNode value, String origin, String path) {
        if (parent instanceof ObjectNode object) {
            object.set(key, value);
        } else if (parent instanceof ArrayNode array) {
            if (key.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(array, key, true, origin, path), value);
            }
        } else {
            throw new IllegalArgumentException(origin + ": no object or list at the parent of " + path);
        }
    }

    private static void replace(JsonNode parent, String key, JsonNode value, String origin, String path) {
        if (parent instanceof ObjectNode object && object.has(key)) {
            object.set(key, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(index(array, key, false, origin, path), value);
        } else {
            throw new IllegalArgumentException(origin + ": nothing to replace at " + path);
        }
    }

    private static void remove(JsonNode parent, String key, String origin, String path) {
        if (parent instanceof ObjectNode object && object.has(key)) {
            object.remove(key);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(array, key, false, origin, path));
        } else {
            throw new IllegalArgumentException(origin + ": nothing to remove at " + path);
        }
    }

    private static JsonNode resolve(JsonNode node, List<String> tokens, String origin, String path) {
        JsonNode current = node;
        for (String token : tokens) {
            current = current.isArray() ? current.path(index((ArrayNode) current, token, false, origin, path))
                    : current.path(token);
            if (current.isMissingNode()) {
                throw new IllegalArgumentException(origin + ": no such path " + path);
            }
        }
        return current;
    }

    private static int index(ArrayNode array, String token, boolean end, String origin, String path) {
        try {
            int index = Integer.parseInt(token);
            if (index >= 0 && (index < array.size() || end && index == array.size())) {
                return index;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(origin + ": bad list index '" + token + "' in " + path);
    }

    /** JSON Pointer tokens: "/" separated, "~1" for "/" and "~0" for "~". */
    static List<String> tokens(String pointer) {
        List<String> tokens = new ArrayList<>();
        if (pointer.isEmpty()) {
            return tokens;
        }
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with /: " + pointer);
        }
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
