package org.telehealth.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What must hold in every overlay, whatever a hospital changes in it (docs/deployment.md). */
class OverlayInvariantsTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;

    /** The only workload allowed the node's network: the SFU's UDP path needs it (k8s/base/media). */
    private static final String HOST_NETWORK_WORKLOAD = "media-service";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasProbesRequestsAndLimits(String overlay) {
        assertThat(workloads(overlay)).allSatisfy(workload -> {
            JsonNode spec = podSpec(workload);
            for (JsonNode container : spec.path("containers")) {
                String where = workload.id() + " container " + container.path("name").asText();
                assertThat(container.has("startupProbe")).as("startup probe of %s", where).isTrue();
                assertThat(container.has("readinessProbe")).as("readiness probe of %s", where).isTrue();
                assertThat(container.has("livenessProbe")).as("liveness probe of %s", where).isTrue();
            }
            for (JsonNode container : allContainers(spec)) {
                String where = workload.id() + " container " + container.path("name").asText();
                JsonNode resources = container.path("resources");
                assertThat(fieldNames(resources.path("requests"))).as("requests of %s", where).contains("cpu", "memory");
                assertThat(fieldNames(resources.path("limits"))).as("limits of %s", where).contains("cpu", "memory");
            }
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void nothingRunsAsRootOrCanGainPrivileges(String overlay) {
        assertThat(workloads(overlay)).allSatisfy(workload -> {
            JsonNode spec = podSpec(workload);
            JsonNode pod = spec.path("securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean(false)).as("runAsNonRoot of %s", workload).isTrue();
            assertThat(pod.path("runAsUser").asInt(-1)).as("runAsUser of %s", workload).isPositive();
            assertThat(pod.path("seccompProfile").path("type").asText()).as("seccomp of %s", workload)
                    .isEqualTo("RuntimeDefault");
            assertThat(spec.path("hostPID").asBoolean(false) || spec.path("hostIPC").asBoolean(false)).isFalse();
            assertThat(spec.path("volumes").findValues("hostPath")).as("hostPath volumes of %s", workload).isEmpty();
            assertThat(spec.path("automountServiceAccountToken").asBoolean(true))
                    .as("%s needs no Kubernetes API token", workload).isFalse();
            for (JsonNode container : allContainers(spec)) {
                String where = workload.id() + " container " + container.path("name").asText();
                JsonNode context = container.path("securityContext");
                assertThat(context.path("allowPrivilegeEscalation").asBoolean(true)).as(where).isFalse();
                assertThat(context.path("readOnlyRootFilesystem").asBoolean(false)).as(where).isTrue();
                assertThat(context.path("privileged").asBoolean(false)).as(where).isFalse();
                assertThat(texts(context.path("capabilities").path("drop"))).as(where).contains("ALL");
                assertThat(context.path("capabilities").path("add")).as(where).isEmpty();
                assertThat(context.path("runAsUser").asInt(1)).as(where).isNotZero();
            }
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyMediaServiceUsesTheNodesNetwork(String overlay) {
        assertThat(workloads(overlay)).allSatisfy(workload -> assertThat(podSpec(workload).path("hostNetwork")
                .asBoolean(false)).as("hostNetwork of %s", workload).isEqualTo(workload.name().equals(HOST_NETWORK_WORKLOAD)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaPodsRunAsNonRootToo(String overlay) {
        assertThat(Repository.rendered(overlay)).filteredOn(r -> r.kind().equals("Kafka")).singleElement()
                .satisfies(kafka -> assertThat(kafka.node().at("/spec/kafka/template/pod/securityContext/runAsNonRoot")
                        .asBoolean(false)).isTrue());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDeploymentHasAnAutoscalerAndADisruptionBudget(String overlay) {
        List<Resource> resources = Repository.rendered(overlay);
        assertThat(workloads(overlay)).filteredOn(w -> w.kind().equals("Deployment")).isNotEmpty().allSatisfy(deployment -> {
            Map<String, String> podLabels = Resource.stringMap(deployment.podTemplate().orElseThrow().path("metadata").path("labels"));
            assertThat(resources).as("HorizontalPodAutoscaler of %s", deployment)
                    .anySatisfy(hpa -> {
                        assertThat(hpa.kind()).isEqualTo("HorizontalPodAutoscaler");
                        assertThat(hpa.node().at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
                        assertThat(hpa.node().at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.name());
                        assertThat(hpa.node().at("/spec/minReplicas").asInt())
                                .isBetween(1, hpa.node().at("/spec/maxReplicas").asInt());
                    });
            assertThat(resources).as("PodDisruptionBudget of %s", deployment)
                    .anySatisfy(pdb -> {
                        assertThat(pdb.kind()).isEqualTo("PodDisruptionBudget");
                        assertThat(ClusterPods.selects(pdb.node().path("spec").path("selector"), podLabels)).isTrue();
                    });
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsAPodAndOneOfItsPorts(String overlay) {
        List<ClusterPods.Pod> pods = ClusterPods.of(Repository.rendered(overlay));
        assertThat(Repository.rendered(overlay)).filteredOn(r -> r.kind().equals("Service")).isNotEmpty()
                .allSatisfy(service -> {
                    JsonNode selector = service.node().path("spec").path("selector");
                    assertThat(selector.isEmpty()).as("selector of %s", service).isFalse();
                    Map<String, String> wanted = Resource.stringMap(selector);
                    List<ClusterPods.Pod> selected = pods.stream()
                            .filter(pod -> pod.labels().entrySet().containsAll(wanted.entrySet())).toList();
                    assertThat(selected).as("pods of %s", service).isNotEmpty();
                    for (JsonNode port : service.node().path("spec").path("ports")) {
                        JsonNode target = port.path("targetPort");
                        assertThat(selected).as("target port %s of %s", target, service).allSatisfy(pod ->
                                assertThat(target.isTextual() ? pod.ports().containsKey(target.asText())
                                        : pod.ports().containsValue(target.asInt(port.path("port").asInt()))).isTrue());
                    }
                });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyNetworkPolicyRefersToRealPodsAndPorts(String overlay) {
        List<ClusterPods.Pod> pods = ClusterPods.of(Repository.rendered(overlay));
        assertThat(Repository.rendered(overlay)).filteredOn(r -> r.kind().equals("NetworkPolicy")).isNotEmpty()
                .allSatisfy(policy -> {
                    JsonNode spec = policy.node().path("spec");
                    assertThat(ClusterPods.isEmpty(spec.path("podSelector"))).as("%s selects every pod", policy).isFalse();
                    List<ClusterPods.Pod> selected = pods.stream()
                            .filter(pod -> ClusterPods.selects(spec.path("podSelector"), pod.labels())).toList();
                    assertThat(selected).as("pods %s applies to", policy).isNotEmpty();
                    for (JsonNode peer : peers(spec)) {
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                            assertThat(pods).as("pods of peer %s in %s", peer, policy)
                                    .anySatisfy(pod -> assertThat(ClusterPods.selects(peer.path("podSelector"), pod.labels())).isTrue());
                        }
                        if (peer.has("namespaceSelector")) {
                            assertThat(fieldNames(peer.path("namespaceSelector").path("matchLabels")))
                                    .as("namespaces are selected by name in %s", policy)
                                    .containsExactly("kubernetes.io/metadata.name");
                        }
                    }
                    for (JsonNode rule : spec.path("ingress")) {
                        for (JsonNode port : rule.path("ports")) {
                            assertThat(selected).as("port %s that %s opens", port.path("port"), policy)
                                    .allSatisfy(pod -> assertThat(pod.ports().containsValue(port.path("port").asInt())
                                            || pod.ports().containsKey(port.path("port").asText())).isTrue());
                        }
                    }
                });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkasListenerAdmitsOnlyPodsThatExist(String overlay) {
        List<ClusterPods.Pod> pods = ClusterPods.of(Repository.rendered(overlay));
        Resource kafka = Repository.rendered(overlay).stream().filter(r -> r.kind().equals("Kafka")).findFirst().orElseThrow();
        for (JsonNode listener : kafka.node().at("/spec/kafka/listeners")) {
            assertThat(listener.path("networkPolicyPeers")).as("peers of listener %s", listener.path("name")).isNotEmpty();
            for (JsonNode peer : listener.path("networkPolicyPeers")) {
                if (peer.has("podSelector")) {
                    assertThat(pods).anySatisfy(pod -> assertThat(ClusterPods.selects(peer.path("podSelector"), pod.labels())).isTrue());
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyConfigMapReferenceResolves(String overlay) {
        List<Resource> resources = Repository.rendered(overlay);
        Map<String, Set<String>> configMaps = resources.stream().filter(r -> r.kind().equals("ConfigMap"))
                .collect(Collectors.toMap(Resource::name, r -> new TreeSet<>(fieldNames(r.node().path("data")))));
        assertThat(workloads(overlay)).allSatisfy(workload -> {
            JsonNode spec = podSpec(workload);
            for (JsonNode parent : spec.findParents("configMapKeyRef")) {
                JsonNode ref = parent.path("configMapKeyRef");
                assertThat(configMaps.getOrDefault(ref.path("name").asText(), Set.of()))
                        .as("ConfigMap key %s/%s used by %s", ref.path("name").asText(), ref.path("key").asText(), workload)
                        .contains(ref.path("key").asText());
            }
            for (JsonNode volume : spec.path("volumes")) {
                if (volume.has("configMap") && !volume.path("configMap").path("optional").asBoolean(false)) {
                    assertThat(configMaps).as("ConfigMap volume of %s", workload)
                            .containsKey(volume.path("configMap").path("name").asText());
                }
            }
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void secretsAreReferencedNeverEmbedded(String overlay) {
        List<Resource> resources = Repository.rendered(overlay);
        Set<String> known = new TreeSet<>(SecretReferences.operatorProvided(resources));
        known.addAll(SecretReferences.documented());

        assertThat(resources).as("Secret objects in the manifests").noneMatch(r -> r.kind().equals("Secret"));
        assertThat(SecretReferences.referenced(resources).keySet())
                .as("Secrets used that neither an operator creates nor docs/deployment.md lists").isSubsetOf(known);
        assertThat(workloads(overlay)).allSatisfy(workload -> {
            for (JsonNode env : podSpec(workload).findValues("env")) {
                for (JsonNode variable : env) {
                    String name = variable.path("name").asText();
                    if (name.matches(".*(PASSWORD|SECRET|TOKEN|JAAS|KEY).*")) {
                        assertThat(variable.has("value")).as("%s of %s is a literal", name, workload).isFalse();
                    }
                }
            }
        });
    }

    @Test
    void everySecretTheGuideListsIsUsedInProduction() {
        assertThat(SecretReferences.referenced(Repository.rendered("production")).keySet())
                .containsAll(SecretReferences.documented());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theSiteValuesReplacedEveryPlaceholder(String overlay) throws Exception {
        String rendered = Yaml.JSON.writeValueAsString(KustomizeBuild.toArray(Repository.rendered(overlay)));

        assertThat(rendered).doesNotContain("telehealth.example").doesNotContain("192.0.2.");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podSecurityAdmissionWarnsAtRestricted(String overlay) {
        Resource namespace = Repository.rendered(overlay).stream().filter(r -> r.kind().equals("Namespace")).findFirst().orElseThrow();

        assertThat(namespace.labels()).containsEntry("pod-security.kubernetes.io/warn", "restricted")
                .containsEntry("pod-security.kubernetes.io/audit", "restricted")
                .containsKey("pod-security.kubernetes.io/enforce");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesListenWhereTheirCodeSays(String overlay) {
        for (String service : List.of("scheduling-service", "signaling-service", "media-service", "recording-service")) {
            Map<String, String> properties = ServiceProperties.of(service);
            Resource deployment = workloads(overlay).stream().filter(w -> w.name().equals(service)).findFirst().orElseThrow();
            JsonNode container = podSpec(deployment).path("containers").get(0);
            JsonNode http = StreamSupport.stream(container.path("ports").spliterator(), false)
                    .filter(port -> port.path("name").asText().equals("http")).findFirst().orElseThrow();

            assertThat(http.path("containerPort").asText()).as("HTTP port of %s", service)
                    .isEqualTo(properties.get("quarkus.http.port"));
            assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
            if (service.equals("media-service")) {
                assertThat(container.path("ports").findValuesAsText("protocol")).contains("UDP");
                assertThat(StreamSupport.stream(container.path("ports").spliterator(), false)
                        .filter(port -> port.path("protocol").asText().equals("UDP")).findFirst().orElseThrow()
                        .path("containerPort").asText()).isEqualTo(properties.get("media.transport.port"));
            }
        }
    }

    /**
     * A media pod stops through drain.sh, which asks the instance to drain by creating the file the
     * instance watches: that file must be on a writable volume of the pod's own (the root file
     * system is read-only), or the instance would keep opening rooms while it waits to stop.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void mediaPodsAskTheirInstanceToDrainBeforeStopping(String overlay) {
        Resource media = workloads(overlay).stream().filter(w -> w.name().equals(HOST_NETWORK_WORKLOAD)).findFirst().orElseThrow();
        JsonNode spec = podSpec(media);
        JsonNode container = spec.path("containers").get(0);
        assertThat(texts(container.at("/lifecycle/preStop/exec/command"))).last().asString().endsWith("/drain.sh");

        String request = StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(env -> env.path("name").asText().equals("MEDIA_DRAIN_REQUEST_FILE")).findFirst()
                .map(env -> env.path("value").asText()).orElseThrow(() -> new AssertionError("no MEDIA_DRAIN_REQUEST_FILE"));
        JsonNode mount = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> request.startsWith(m.path("mountPath").asText() + "/")).findFirst()
                .orElseThrow(() -> new AssertionError(request + " is on no volume of the pod"));
        assertThat(mount.path("readOnly").asBoolean(false)).as("%s writable", mount.path("mountPath").asText()).isFalse();
        assertThat(StreamSupport.stream(spec.path("volumes").spliterator(), false)
                .filter(volume -> volume.path("name").asText().equals(mount.path("name").asText())).findFirst().orElseThrow()
                .has("emptyDir")).as("the drain request's volume is the pod's own emptyDir").isTrue();
    }

    static List<Resource> workloads(String overlay) {
        return Repository.rendered(overlay).stream().filter(r -> r.podTemplate().isPresent()).toList();
    }

    static JsonNode podSpec(Resource workload) {
        return workload.podTemplate().orElseThrow().path("spec");
    }

    static List<JsonNode> allContainers(JsonNode podSpec) {
        List<JsonNode> containers = new ArrayList<>();
        podSpec.path("initContainers").forEach(containers::add);
        podSpec.path("containers").forEach(containers::add);
        return containers;
    }

    private static List<JsonNode> peers(JsonNode spec) {
        List<JsonNode> peers = new ArrayList<>();
        spec.path("ingress").forEach(rule -> rule.path("from").forEach(peers::add));
        spec.path("egress").forEach(rule -> rule.path("to").forEach(peers::add));
        return peers;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
