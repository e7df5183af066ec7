package org.telehealth.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The part of Kubernetes' strategic merge patch that overlays use: mappings merge field by field, a
 * null removes a field, and in objects of the Kubernetes API the lists of containers, volumes,
 * environment variables, mounts and ports merge element by element on their key (other lists, and
 * every list of a custom resource, are replaced whole, as Kustomize does without a schema).
 * KustomizeBuildTest pins the order of merged lists to what kubectl's Kustomize produces.
 */
final class StrategicMerge {

    /** Merge key of a list, by the list's field name, in objects of the Kubernetes API groups. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "ephemeralContainers", "name", "volumes", "name", "env", "name", "imagePullSecrets", "name",
            "volumeMounts", "mountPath", "ports", "containerPort");

    private static final Set<String> KUBERNETES_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling",
            "networking.k8s.io", "rbac.authorization.k8s.io");

    private StrategicMerge() {
    }

    static void apply(Resource target, ObjectNode patch) {
        merge(target.node(), patch, KUBERNETES_GROUPS.contains(target.group()));
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean kubernetesApi) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, kubernetesApi);
            } else if (value.isArray() && current != null && current.isArray() && kubernetesApi
                    && MERGE_KEYS.containsKey(name)) {
                mergeList((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(name), kubernetesApi);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    /**
     * Merges a keyed list as Kustomize does: the patch's elements first, in the patch's order (each
     * merged into its namesake, or new), then the target's elements the patch did not name.
     */
    private static void mergeList(ArrayNode target, ArrayNode patch, String key, boolean kubernetesApi) {
        ArrayNode merged = target.arrayNode();
        java.util.Set<JsonNode> named = new java.util.HashSet<>();
        for (JsonNode element : patch) {
            named.add(element.path(key));
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path(key).equals(element.path(key))) {
                    match = (ObjectNode) candidate;
                    break;
                }
            }
            if (element.path("$patch").asText().equals("delete")) {
                continue;
            }
            if (match == null) {
                merged.add(element.deepCopy());
            } else {
                merge(match, (ObjectNode) element, kubernetesApi);
                merged.add(match);
            }
        }
        for (JsonNode element : target) {
            if (!named.contains(element.path(key))) {
                merged.add(element);
            }
        }
        target.removeAll();
        target.addAll(merged);
    }
}
