package org.telehealth.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * recording-service as the manifests run it (docs/deployment.md, "Recordings"): media-service's fork
 * reaches its capture ports from the media nodes and nowhere else, its master key is a read-only
 * secret kept apart from the recordings, its spool outlives the pod, and its store's settings come
 * from a Secret. Read against the service's own configuration, so a port or path changed on one side
 * only fails here.
 */
class RecordingWiringTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void mediaNodesReachTheCapturePortsAndRecordingReachesTheirControlApi(String overlay) {
        Map<String, String> config = config(overlay);
        int first = Integer.parseInt(config.get("recording.capture.first-port"));
        int last = Integer.parseInt(config.get("recording.capture.last-port"));
        String nodes = site(overlay).get("node-cidr");
        JsonNode container = container(overlay);
        JsonNode policy = resource(overlay, "NetworkPolicy", "recording-service").node().path("spec");

        assertThat(config.get("recording.capture.bind-address")).as("captures listen on the pod's address").isEqualTo("0.0.0.0");
        assertThat(ports(container)).as("the capture port the pod declares").anySatisfy(port -> {
            assertThat(port.path("protocol").asText()).isEqualTo("UDP");
            assertThat(port.path("containerPort").asInt()).isEqualTo(first);
        });
        assertThat(rules(policy, "ingress")).as("UDP into the pod").filteredOn(rule -> protocols(rule).contains("UDP"))
                .singleElement().satisfies(rule -> {
                    assertThat(peers(rule, "from")).containsExactly(nodes);
                    assertThat(rule.path("ports")).singleElement().satisfies(port -> {
                        assertThat(port.path("port").asInt()).isEqualTo(first);
                        assertThat(port.path("endPort").asInt()).isEqualTo(last);
                    });
                });
        assertThat(rules(policy, "egress")).as("the media nodes' control API").anySatisfy(rule -> {
            assertThat(peers(rule, "to")).containsExactly(nodes);
            assertThat(rule.path("ports").findValuesAsText("port")).containsExactly("8083");
        });
        assertThat(env(container, "RECORDING_CAPTURE_ADVERTISED_HOST").path("value").asText()).isEqualTo("$(POD_IP)");
        assertThat(env(container, "POD_IP").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("status.podIP");
        assertThat(env(container, "TELEHEALTH_RECORDING_CLIENT_SECRET").at("/valueFrom/secretKeyRef/key").asText())
                .as("its own client secret for the service token").isEqualTo("recording-service");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void mediaServiceForksToPodAddressesOnly(String overlay) {
        Resource media = resource(overlay, "Deployment", "media-service");
        JsonNode allowed = env(media.podTemplate().orElseThrow().path("spec").path("containers").get(0),
                "MEDIA_RECORDING_ALLOWED_TARGETS");

        assertThat(allowed.at("/valueFrom/configMapKeyRef/name").asText()).isEqualTo("telehealth-site");
        assertThat(allowed.at("/valueFrom/configMapKeyRef/key").asText()).isEqualTo("pod-cidr");
        assertThat(site(overlay).get("pod-cidr")).matches("[0-9.]+/[0-9]+");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theMasterKeyIsAReadOnlySecretApartFromTheRecordings(String overlay) {
        Map<String, String> config = config(overlay);
        JsonNode pod = resource(overlay, "StatefulSet", "recording-service").podTemplate().orElseThrow().path("spec");
        JsonNode volume = volume(pod, "master-key");
        JsonNode mount = mount(container(overlay), "master-key");
        String spool = mount(container(overlay), "spool").path("mountPath").asText();

        assertThat(volume.at("/secret/secretName").asText()).isEqualTo("telehealth-recording-master-key");
        assertThat(volume.at("/secret/defaultMode").asInt()).as("mode 0400").isEqualTo(0400);
        assertThat(mount.path("readOnly").asBoolean(false)).isTrue();
        assertThat(config.get("recording.master-key-location")).startsWith(mount.path("mountPath").asText() + "/")
                .doesNotStartWith(spool + "/");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theSpoolOutlivesThePodAndTheStoreComesFromItsSecret(String overlay) {
        Map<String, String> config = config(overlay);
        Resource statefulSet = resource(overlay, "StatefulSet", "recording-service");
        JsonNode container = container(overlay);
        JsonNode policy = resource(overlay, "NetworkPolicy", "recording-service").node().path("spec");

        assertThat(statefulSet.node().at("/spec/volumeClaimTemplates").findValuesAsText("name")).contains("spool");
        assertThat(config.get("recording.storage.spool-directory"))
                .startsWith(mount(container, "spool").path("mountPath").asText() + "/");
        assertThat(env(container, "RECORDING_CAPTURE_NODE_ID").path("value").asText())
                .as("the pod's name, which its spool volume goes with").isEqualTo("$(POD_NAME)");
        assertThat(config.get("recording.storage.type")).isEqualTo("s3");
        for (String variable : List.of("RECORDING_STORAGE_S3_ENDPOINT", "RECORDING_STORAGE_S3_REGION", "RECORDING_STORAGE_S3_BUCKET",
                "RECORDING_STORAGE_S3_ACCESS_KEY_ID", "RECORDING_STORAGE_S3_SECRET_ACCESS_KEY")) {
            assertThat(env(container, variable).at("/valueFrom/secretKeyRef/name").asText()).as(variable)
                    .isEqualTo("telehealth-recording-store");
        }
        assertThat(rules(policy, "egress")).as("HTTPS to the store").anySatisfy(rule -> {
            assertThat(peers(rule, "to")).containsExactly(site(overlay).get("recording-store-cidr"));
            assertThat(rule.path("ports").findValuesAsText("port")).containsExactly("443");
        });
    }

    /** The service's packaged properties overlaid with the cluster's config file (as Quarkus reads them there). */
    private static Map<String, String> config(String overlay) {
        Map<String, String> values = new TreeMap<>(ServiceProperties.of("recording-service"));
        Properties cluster = new Properties();
        try {
            cluster.load(new StringReader(resource(overlay, "ConfigMap", "recording-service-config").node()
                    .path("data").path("application.properties").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cluster.stringPropertyNames().forEach(name -> values.put(name, cluster.getProperty(name)));
        return values;
    }

    private static Map<String, String> site(String overlay) {
        return Resource.stringMap(resource(overlay, "ConfigMap", "telehealth-site").node().path("data"));
    }

    private static Resource resource(String overlay, String kind, String name) {
        return Repository.rendered(overlay).stream().filter(r -> r.kind().equals(kind) && r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + overlay));
    }

    private static JsonNode container(String overlay) {
        return resource(overlay, "StatefulSet", "recording-service").podTemplate().orElseThrow().path("spec").path("containers")
                .get(0);
    }

    private static List<JsonNode> ports(JsonNode container) {
        return StreamSupport.stream(container.path("ports").spliterator(), false).toList();
    }

    private static JsonNode env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false).filter(e -> e.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + container.path("name").asText()));
    }

    private static JsonNode mount(JsonNode container, String volume) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("name").asText().equals(volume)).findFirst()
                .orElseThrow(() -> new AssertionError("volume " + volume + " is not mounted"));
    }

    private static JsonNode volume(JsonNode podSpec, String name) {
        return StreamSupport.stream(podSpec.path("volumes").spliterator(), false).filter(v -> v.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static List<JsonNode> rules(JsonNode policySpec, String direction) {
        return StreamSupport.stream(policySpec.path(direction).spliterator(), false).toList();
    }

    private static List<String> protocols(JsonNode rule) {
        return rule.path("ports").findValuesAsText("protocol");
    }

    /** The CIDRs of a rule's peers ({@code from} or {@code to}); a peer that is not an address block counts as "pods". */
    private static List<String> peers(JsonNode rule, String side) {
        List<String> peers = new ArrayList<>();
        rule.path(side).forEach(peer -> peers.add(peer.has("ipBlock") ? peer.at("/ipBlock/cidr").asText() : "pods"));
        return peers;
    }
}
