package org.telehealth.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every object of every overlay is valid: Kubernetes objects against the Kubernetes API schema,
 * Strimzi's against the CRD schemas Strimzi generates, CloudNativePG's and the Keycloak Operator's
 * (whose CRDs are on no package registry this build reaches) by the structure checks below.
 */
class SchemaValidationTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;

    /** Kinds of the operators whose CRD schemas cannot be fetched here, checked by structure. */
    private static final Set<String> STRUCTURE_CHECKED = Set.of("postgresql.cnpg.io/Cluster",
            "postgresql.cnpg.io/ScheduledBackup", "barmancloud.cnpg.io/ObjectStore", "k8s.keycloak.org/Keycloak",
            "k8s.keycloak.org/KeycloakRealmImport");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kubernetesObjectsAreValidAgainstTheKubernetesApiSchema(String overlay) {
        assertThat(Repository.rendered(overlay)).filteredOn(KubernetesSchema::covers)
                .isNotEmpty()
                .allSatisfy(resource -> assertThat(KubernetesSchema.validate(resource)).as(resource.id()).isEmpty());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void strimziObjectsAreValidAgainstStrimzisCrdSchemas(String overlay) {
        assertThat(Repository.rendered(overlay)).filteredOn(StrimziCrdSchemas::covers)
                .isNotEmpty()
                .allSatisfy(resource -> assertThat(StrimziCrdSchemas.validate(resource)).as(resource.id()).isEmpty());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyObjectIsOfAKindSomeCheckCovers(String overlay) {
        assertThat(Repository.rendered(overlay))
                .allSatisfy(resource -> assertThat(KubernetesSchema.covers(resource) || StrimziCrdSchemas.covers(resource)
                        || STRUCTURE_CHECKED.contains(resource.group() + "/" + resource.kind()))
                        .as("%s is validated by some check", resource.id()).isTrue());
    }

    @Test
    void theKubernetesValidatorRejectsWhatTheApiServerWould() {
        Resource typo = deployment().withContainerField("resourcez", "{}");
        Resource noSelector = deployment().without("/spec/selector");
        Resource badQuantity = deployment().withContainerField("resources", "{\"limits\": {\"cpu\": \"2 cores\"}}");

        assertThat(KubernetesSchema.validate(deployment().resource())).isEmpty();
        assertThat(KubernetesSchema.validate(typo)).hasValueSatisfying(error -> assertThat(error).contains("resourcez"));
        assertThat(KubernetesSchema.validate(noSelector)).hasValueSatisfying(error -> assertThat(error).contains("selector"));
        assertThat(KubernetesSchema.validate(badQuantity)).isPresent();
    }

    @Test
    void theStrimziValidatorRejectsUnknownFieldsAndWrongTypes() {
        Resource valid = topic("{\"partitions\": 3, \"replicas\": 1}");
        Resource unknownField = topic("{\"partitions\": 3, \"replica\": 1}");
        Resource wrongType = topic("{\"partitions\": \"three\"}");

        assertThat(StrimziCrdSchemas.validate(valid)).isEmpty();
        assertThat(StrimziCrdSchemas.validate(unknownField)).anySatisfy(error -> assertThat(error).contains("replica"));
        assertThat(StrimziCrdSchemas.validate(wrongType)).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void cloudNativePgClustersAreWellFormedAndBackedUpWhereConfigured(String overlay) {
        List<Resource> resources = Repository.rendered(overlay);
        List<Resource> clusters = ofKind(resources, "postgresql.cnpg.io", "Cluster");
        Set<String> clusterNames = clusters.stream().map(Resource::name).collect(Collectors.toSet());
        Set<String> objectStores = ofKind(resources, "barmancloud.cnpg.io", "ObjectStore").stream().map(Resource::name)
                .collect(Collectors.toSet());

        assertThat(clusterNames).containsExactlyInAnyOrder("scheduling-db", "recording-db", "keycloak-db");
        assertThat(clusters).allSatisfy(cluster -> {
            JsonNode spec = cluster.node().path("spec");
            assertThat(fieldNames(spec)).as(cluster.id()).isSubsetOf("instances", "primaryUpdateStrategy", "bootstrap",
                    "enableSuperuserAccess", "storage", "walStorage", "postgresql", "affinity", "resources", "plugins",
                    "imageName", "monitoring");
            assertThat(spec.path("instances").isInt() && spec.path("instances").asInt() >= 1).as(cluster.id()).isTrue();
            assertThat(fieldNames(spec.path("bootstrap").path("initdb"))).containsExactlyInAnyOrder("database", "owner");
            assertThat(new Quantity(spec.path("storage").path("size").asText()).getNumber()).isPositive();
            validResources(spec.path("resources"));
            assertThat(spec.path("enableSuperuserAccess").asBoolean(true)).as("superuser access").isFalse();
            for (JsonNode plugin : spec.path("plugins")) {
                assertThat(plugin.path("name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
                assertThat(objectStores).as("ObjectStore of %s", cluster.id())
                        .contains(plugin.path("parameters").path("barmanObjectName").asText());
            }
        });
        assertThat(ofKind(resources, "postgresql.cnpg.io", "ScheduledBackup")).allSatisfy(backup -> {
            JsonNode spec = backup.node().path("spec");
            assertThat(clusterNames).contains(spec.path("cluster").path("name").asText());
            assertThat(spec.path("schedule").asText().trim().split("\\s+")).as("six-field schedule").hasSize(6);
            assertThat(spec.path("method").asText()).isEqualTo("plugin");
            Resource cluster = clusters.stream().filter(c -> c.name().equals(spec.path("cluster").path("name").asText()))
                    .findFirst().orElseThrow();
            assertThat(cluster.node().path("spec").path("plugins").findValuesAsText("name"))
                    .as("the backed-up cluster archives with the backup's plugin")
                    .contains(spec.path("pluginConfiguration").path("name").asText());
        });
        assertThat(ofKind(resources, "barmancloud.cnpg.io", "ObjectStore")).allSatisfy(store -> {
            JsonNode configuration = store.node().path("spec").path("configuration");
            assertThat(configuration.path("destinationPath").asText()).startsWith("s3://")
                    .endsWith("/" + store.name().replace("-backups", ""));
            assertThat(configuration.path("s3Credentials").findValuesAsText("name")).containsOnly("telehealth-backup-s3");
            assertThat(configuration.path("data").path("encryption").asText()).isNotEmpty();
            assertThat(configuration.path("wal").path("encryption").asText()).isNotEmpty();
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void productionBacksUpEveryDatabaseAndDevNone(String overlay) {
        List<Resource> resources = Repository.rendered(overlay);
        Set<String> backedUp = ofKind(resources, "postgresql.cnpg.io", "ScheduledBackup").stream()
                .map(r -> r.node().path("spec").path("cluster").path("name").asText()).collect(Collectors.toSet());

        if (overlay.equals("production")) {
            assertThat(backedUp).containsExactlyInAnyOrder("scheduling-db", "recording-db", "keycloak-db");
        } else {
            assertThat(backedUp).isEmpty();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloakUsesItsCloudNativePgClusterAndThePublicHostName(String overlay) {
        List<Resource> resources = Repository.rendered(overlay);
        List<Resource> keycloaks = ofKind(resources, "k8s.keycloak.org", "Keycloak");
        Set<String> clusters = ofKind(resources, "postgresql.cnpg.io", "Cluster").stream().map(Resource::name)
                .collect(Collectors.toSet());
        String authHost = site(resources).path("data").path("auth-host").asText();

        assertThat(keycloaks).hasSize(1);
        JsonNode spec = keycloaks.get(0).node().path("spec");
        assertThat(fieldNames(spec)).isSubsetOf("instances", "db", "http", "hostname", "proxy", "ingress",
                "additionalOptions", "resources", "truststores", "features", "bootstrapAdmin", "image",
                "startOptimized", "transaction", "networkPolicy", "scheduling", "cache", "unsupported");
        assertThat(spec.path("db").path("vendor").asText()).isEqualTo("postgres");
        assertThat(spec.path("db").path("url").asText()).startsWith("jdbc:postgresql://keycloak-db-rw:5432/keycloak?")
                .contains("sslmode=verify-full");
        assertThat(clusters).contains("keycloak-db");
        assertThat(spec.path("db").path("usernameSecret").path("name").asText()).isEqualTo("keycloak-db-app");
        assertThat(spec.path("db").path("passwordSecret").path("name").asText()).isEqualTo("keycloak-db-app");
        assertThat(spec.path("truststores").findValuesAsText("name")).contains("keycloak-db-ca");
        assertThat(spec.path("hostname").path("hostname").asText()).isEqualTo("https://" + authHost);
        assertThat(spec.path("http").path("tlsSecret").asText()).isNotEmpty();
        validResources(spec.path("resources"));
        assertThat(ofKind(resources, "k8s.keycloak.org", "KeycloakRealmImport"))
                .allSatisfy(realmImport -> assertThat(realmImport.node().path("spec").path("keycloakCRName").asText())
                        .isEqualTo(keycloaks.get(0).name()));
    }

    /** Fails unless the node is a valid Kubernetes ResourceRequirements (operators embed that type). */
    private static void validResources(JsonNode resources) {
        try {
            V1ResourceRequirements.fromJson(resources.toString());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new AssertionError("invalid resources " + resources + ": " + e.getMessage(), e);
        }
    }

    static List<Resource> ofKind(List<Resource> resources, String group, String kind) {
        return resources.stream().filter(r -> r.group().equals(group) && r.kind().equals(kind)).toList();
    }

    static ObjectNode site(List<Resource> resources) {
        return resources.stream().filter(r -> r.kind().equals("ConfigMap") && r.name().equals("telehealth-site"))
                .findFirst().orElseThrow().node();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Resource topic(String spec) {
        return new Resource((ObjectNode) Yaml.value("""
                {"apiVersion": "kafka.strimzi.io/v1", "kind": "KafkaTopic",
                 "metadata": {"name": "t", "labels": {"strimzi.io/cluster": "c"}}, "spec": %s}""".formatted(spec), "test"));
    }

    private static DeploymentFixture deployment() {
        return new DeploymentFixture();
    }

    /** A minimal valid Deployment to break one way at a time. */
    private static final class DeploymentFixture {

        private final ObjectNode node = (ObjectNode) Yaml.value("""
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
                 "spec": {"selector": {"matchLabels": {"a": "b"}},
                          "template": {"metadata": {"labels": {"a": "b"}},
                                       "spec": {"containers": [{"name": "c", "image": "i"}]}}}}""", "test");

        Resource resource() {
            return new Resource(node);
        }

        Resource withContainerField(String field, String json) {
            ((ObjectNode) node.at("/spec/template/spec/containers/0")).set(field, Yaml.value(json, "test"));
            return resource();
        }

        Resource without(String pointer) {
            JsonPatch.apply(node, Yaml.value("[{\"op\": \"remove\", \"path\": \"" + pointer + "\"}]", "test"), "test");
            return resource();
        }
    }
}
