package org.telehealth.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pods a rendering will run, with their labels and ports: those of its workloads, and those the
 * operators create for its custom resources, labelled as the Strimzi, CloudNativePG and Keycloak
 * operators label them. What NetworkPolicies, Services and budgets select must be among them.
 */
final class ClusterPods {

    /** One kind of pod: where it comes from, its labels, its container ports (name to number). */
    record Pod(String origin, Map<String, String> labels, Map<String, Integer> ports) {
    }

    private ClusterPods() {
    }

    static List<Pod> of(List<Resource> resources) {
        List<Pod> pods = new ArrayList<>();
        for (Resource resource : resources) {
            resource.podTemplate().ifPresent(template -> pods.add(new Pod(resource.id(),
                    Resource.stringMap(template.path("metadata").path("labels")), ports(template))));
            String name = resource.name();
            switch (resource.group() + "/" + resource.kind()) {
                case "kafka.strimzi.io/KafkaNodePool" -> {
                    String cluster = resource.labels().get("strimzi.io/cluster");
                    pods.add(new Pod(resource.id(), Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                            "strimzi.io/name", cluster + "-kafka", "strimzi.io/pool-name", name),
                            Map.of("tcp-replication", 9091, "tcp-tls", 9093)));
                }
                case "kafka.strimzi.io/Kafka" -> pods.add(new Pod(resource.id(), Map.of("strimzi.io/cluster", name,
                        "strimzi.io/kind", "Kafka", "strimzi.io/name", name + "-entity-operator"), Map.of()));
                case "postgresql.cnpg.io/Cluster" -> pods.add(new Pod(resource.id(),
                        Map.of("cnpg.io/cluster", name, "cnpg.io/podRole", "instance"),
                        Map.of("postgresql", 5432, "metrics", 9187, "status", 8000)));
                case "k8s.keycloak.org/Keycloak" -> {
                    pods.add(new Pod(resource.id(), Map.of("app", "keycloak", "app.kubernetes.io/instance", name,
                            "app.kubernetes.io/managed-by", "keycloak-operator", "app.kubernetes.io/component", "server"),
                            Map.of("https", 8443, "management", 9000, "jgroups", 7800, "jgroups-fd", 57800)));
                    pods.add(new Pod(resource.id() + " realm import", Map.of("app", "keycloak-realm-import",
                            "app.kubernetes.io/instance", name, "app.kubernetes.io/managed-by", "keycloak-operator"),
                            Map.of()));
                }
                default -> {
                }
            }
        }
        return pods;
    }

    private static Map<String, Integer> ports(JsonNode template) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (JsonNode container : template.path("spec").path("containers")) {
            for (JsonNode port : container.path("ports")) {
                ports.put(port.path("name").asText(String.valueOf(port.path("containerPort").asInt())),
                        port.path("containerPort").asInt());
            }
        }
        return ports;
    }

    /** Whether a Kubernetes label selector (matchLabels, matchExpressions) selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, String> required : Resource.stringMap(selector.path("matchLabels")).entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String key = expression.path("key").asText();
            Set<String> values = new java.util.HashSet<>();
            expression.path("values").forEach(value -> values.add(value.asText()));
            boolean holds = switch (expression.path("operator").asText()) {
                case "In" -> values.contains(labels.get(key));
                case "NotIn" -> !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new IllegalArgumentException("unknown operator in " + expression);
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Whether the selector names something at all (an empty selector selects every pod). */
    static boolean isEmpty(JsonNode selector) {
        return selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
    }
}
