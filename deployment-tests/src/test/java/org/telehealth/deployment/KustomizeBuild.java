package org.telehealth.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory in plain Java, so that the manifests can be checked where no
 * kustomize or kubectl binary exists (CI installs neither: Debian's kubectl is 1.20, too old for
 * components). It implements the subset k8s/ uses, in Kustomize's order: resources, components,
 * configMapGenerator (without name hashes), then patches (strategic merge or JSON 6902, with
 * targets), namespace, images and replacements. A kustomization using anything else fails to render
 * rather than render wrong, and {@link KubectlKustomize} compares the result with the real tool
 * wherever kubectl exists.
 */
final class KustomizeBuild {

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "components",
            "configMapGenerator", "namespace", "patches", "images", "replacements");

    private KustomizeBuild() {
    }

    /** The objects the kustomization in this directory renders, in the order they were produced. */
    static List<Resource> render(Path directory) {
        return build(directory, new ArrayList<>(), false);
    }

    private static List<Resource> build(Path directory, List<Resource> accumulated, boolean component) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + directory);
        }
        List<ObjectNode> documents = Yaml.documents(file);
        if (documents.size() != 1) {
            throw new IllegalArgumentException(file + ": expected one document");
        }
        ObjectNode kustomization = documents.get(0);
        String origin = file.toString();
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new UnsupportedOperationException(origin + ": field '" + field + "' is not supported here");
            }
        });
        String kind = kustomization.path("kind").asText("Kustomization");
        if (component != kind.equals("Component")) {
            throw new IllegalArgumentException(origin + ": kind " + kind + " where a "
                    + (component ? "Component" : "Kustomization") + " is expected");
        }

        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                accumulated.addAll(build(path, new ArrayList<>(), false));
            } else {
                Yaml.documents(path).forEach(node -> accumulated.add(new Resource(node)));
            }
        }
        for (JsonNode entry : kustomization.path("components")) {
            build(directory.resolve(entry.asText()).normalize(), accumulated, true);
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            accumulated.add(ConfigMapGenerator.generate(directory, (ObjectNode) generator, origin));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, (ObjectNode) patch, accumulated, origin);
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            accumulated.stream().filter(resource -> !resource.clusterScoped())
                    .forEach(resource -> ((ObjectNode) resource.node().get("metadata")).put("namespace", namespace));
        }
        for (JsonNode image : kustomization.path("images")) {
            accumulated.forEach(resource -> Images.apply(resource.node(), image));
        }
        for (JsonNode replacement : kustomization.path("replacements")) {
            replace((ObjectNode) replacement, accumulated, origin);
        }
        return accumulated;
    }

    private static void applyPatch(Path directory, ObjectNode entry, List<Resource> resources, String origin) {
        String text = entry.has("path") ? Yaml.read(directory.resolve(entry.get("path").asText()))
                : entry.path("patch").asText();
        String patchOrigin = origin + (entry.has("path") ? " (" + entry.get("path").asText() + ")" : " (inline patch)");
        JsonNode target = entry.get("target");
        JsonNode parsed = Yaml.value(text, patchOrigin);
        if (parsed != null && parsed.isArray()) {
            if (target == null) {
                throw new IllegalArgumentException(patchOrigin + ": a JSON patch needs a target");
            }
            List<Resource> selected = select(resources, target);
            requireSome(selected, target, patchOrigin);
            selected.forEach(resource -> JsonPatch.apply(resource.node(), parsed, patchOrigin));
            return;
        }
        for (ObjectNode patch : Yaml.documents(text, patchOrigin)) {
            List<Resource> selected = target != null ? select(resources, target)
                    : select(resources, selectorOf(new Resource(patch)));
            requireSome(selected, target != null ? target : patch, patchOrigin);
            if (patch.path("$patch").asText().equals("delete")) {
                resources.removeAll(selected);
            } else {
                ObjectNode body = patch.deepCopy();
                if (target != null) {
                    ((ObjectNode) body.path("metadata")).remove("name");
                }
                selected.forEach(resource -> StrategicMerge.apply(resource, body));
            }
        }
    }

    private static ObjectNode selectorOf(Resource patch) {
        ObjectNode selector = JsonNodeFactory.instance.objectNode();
        selector.put("kind", patch.kind());
        selector.put("name", patch.name());
        if (patch.namespace() != null) {
            selector.put("namespace", patch.namespace());
        }
        return selector;
    }

    private static void requireSome(List<Resource> selected, JsonNode target, String origin) {
        if (selected.isEmpty()) {
            throw new IllegalArgumentException(origin + ": no resource matches " + target);
        }
    }

    /** The resources a patch or replacement target selects: kind, name, namespace, group, version, labels. */
    static List<Resource> select(List<Resource> resources, JsonNode selector) {
        List<Resource> selected = new ArrayList<>();
        for (Resource resource : resources) {
            if (matches(selector, "kind", resource.kind()) && matches(selector, "name", resource.name())
                    && matches(selector, "namespace", resource.namespace())
                    && matches(selector, "group", resource.group())
                    && matches(selector, "version", resource.version())
                    && labelsMatch(selector.path("labelSelector").asText(""), resource.labels())) {
                selected.add(resource);
            }
        }
        return selected;
    }

    private static boolean matches(JsonNode selector, String field, String value) {
        return !selector.has(field) || selector.get(field).asText().equals(value);
    }

    private static boolean labelsMatch(String labelSelector, Map<String, String> labels) {
        if (labelSelector.isBlank()) {
            return true;
        }
        for (String requirement : labelSelector.split(",")) {
            String[] pair = requirement.trim().split("=", 2);
            if (pair.length != 2 || !pair[1].equals(labels.get(pair[0]))) {
                return false;
            }
        }
        return true;
    }

    private static void replace(ObjectNode replacement, List<Resource> resources, String origin) {
        JsonNode source = replacement.path("source");
        List<Resource> sources = select(resources, source);
        if (sources.size() != 1) {
            throw new IllegalArgumentException(origin + ": replacement source " + source + " matches "
                    + sources.size() + " resources");
        }
        JsonNode value = FieldPath.parse(source.path("fieldPath").asText("metadata.name"))
                .get(sources.get(0).node(), origin);
        for (JsonNode target : replacement.path("targets")) {
            List<Resource> selected = select(resources, target.path("select"));
            requireSome(selected, target.path("select"), origin);
            JsonNode options = target.path("options");
            for (Resource resource : selected) {
                for (JsonNode fieldPath : target.path("fieldPaths")) {
                    FieldPath path = FieldPath.parse(fieldPath.asText());
                    JsonNode replaced = value;
                    if (options.has("delimiter")) {
                        replaced = new TextNode(replacePart(path.get(resource.node(), origin).asText(),
                                options.get("delimiter").asText(), options.path("index").asInt(0), value.asText()));
                    }
                    path.set(resource.node(), replaced.deepCopy(), origin);
                }
            }
        }
    }

    /** Kustomize's delimiter option: replaces one part of a value split at the delimiter. */
    static String replacePart(String current, String delimiter, int index, String value) {
        String[] parts = current.split(java.util.regex.Pattern.quote(delimiter), -1);
        if (index < 0 || index >= parts.length) {
            throw new IllegalArgumentException("'" + current + "' has no part " + index + " split at '" + delimiter + "'");
        }
        parts[index] = value;
        return String.join(delimiter, parts);
    }

    /** Kustomize's images transformer over containers and init containers. */
    static final class Images {

        private Images() {
        }

        static void apply(JsonNode node, JsonNode image) {
            if (node.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    if ((field.getKey().equals("containers") || field.getKey().equals("initContainers"))
                            && field.getValue().isArray()) {
                        for (JsonNode container : field.getValue()) {
                            rewrite((ObjectNode) container, image);
                        }
                    } else {
                        apply(field.getValue(), image);
                    }
                }
            } else if (node.isArray()) {
                node.forEach(element -> apply(element, image));
            }
        }

        private static void rewrite(ObjectNode container, JsonNode image) {
            String reference = container.path("image").asText();
            int digestAt = reference.indexOf('@');
            int tagAt = reference.lastIndexOf(':');
            String repository = digestAt >= 0 ? reference.substring(0, digestAt)
                    : tagAt > reference.lastIndexOf('/') ? reference.substring(0, tagAt) : reference;
            if (!repository.equals(image.path("name").asText())) {
                return;
            }
            String suffix = reference.substring(repository.length());
            String name = image.path("newName").asText(repository);
            if (image.has("digest")) {
                suffix = "@" + image.get("digest").asText();
            } else if (image.has("newTag")) {
                suffix = ":" + image.get("newTag").asText();
            }
            container.put("image", name + suffix);
        }
    }

    /** Kustomize's configMapGenerator with files and literals; name hashes are not implemented. */
    static final class ConfigMapGenerator {

        private ConfigMapGenerator() {
        }

        static Resource generate(Path directory, ObjectNode generator, String origin) {
            JsonNode options = generator.path("options");
            if (!options.path("disableNameSuffixHash").asBoolean(false)) {
                throw new UnsupportedOperationException(origin + ": configMapGenerator "
                        + generator.path("name").asText() + " needs options.disableNameSuffixHash: true here");
            }
            Map<String, String> data = new LinkedHashMap<>();
            for (JsonNode file : generator.path("files")) {
                String[] keyAndPath = file.asText().split("=", 2);
                Path path = directory.resolve(keyAndPath[keyAndPath.length - 1]);
                String key = keyAndPath.length == 2 ? keyAndPath[0] : path.getFileName().toString();
                data.put(key, Yaml.read(path));
            }
            for (JsonNode literal : generator.path("literals")) {
                String[] pair = literal.asText().split("=", 2);
                data.put(pair[0], pair[1]);
            }
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("apiVersion", "v1");
            node.put("kind", "ConfigMap");
            ObjectNode metadata = node.putObject("metadata");
            metadata.put("name", generator.path("name").asText());
            if (options.has("labels")) {
                metadata.set("labels", options.get("labels").deepCopy());
            }
            if (options.has("annotations")) {
                metadata.set("annotations", options.get("annotations").deepCopy());
            }
            ObjectNode dataNode = node.putObject("data");
            data.forEach(dataNode::put);
            return new Resource(node);
        }
    }

    static ArrayNode toArray(List<Resource> resources) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        resources.forEach(resource -> array.add(resource.node()));
        return array;
    }
}
