package org.telehealth.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One Kubernetes object of a rendering, with the few accessors the checks need. */
record Resource(ObjectNode node) {

    /** Kinds that live outside namespaces: Kustomize's namespace setting leaves them alone. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "RuntimeClass");

    /** Kinds whose pods are described by spec.template. */
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

    String apiVersion() {
        return node.path("apiVersion").asText();
    }

    /** The API group, "" for the core group. */
    String group() {
        String apiVersion = apiVersion();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    String version() {
        String apiVersion = apiVersion();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    String kind() {
        return node.path("kind").asText();
    }

    String name() {
        return node.path("metadata").path("name").asText();
    }

    String namespace() {
        return node.path("metadata").path("namespace").asText(null);
    }

    boolean clusterScoped() {
        return CLUSTER_SCOPED.contains(kind());
    }

    /** Group, kind, namespace and name: what identifies the object in a cluster. */
    String id() {
        return (group().isEmpty() ? "" : group() + "/") + kind() + " " + (namespace() == null ? "" : namespace() + "/")
                + name();
    }

    Map<String, String> labels() {
        return stringMap(node.path("metadata").path("labels"));
    }

    /** The pod template of a workload. */
    Optional<ObjectNode> podTemplate() {
        JsonNode template = node.path("spec").path("template");
        return WORKLOADS.contains(kind()) && template.isObject() ? Optional.of((ObjectNode) template) : Optional.empty();
    }

    static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }

    @Override
    public String toString() {
        return id();
    }
}
