package org.telehealth.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every overlay renders, and renders exactly as kubectl's Kustomize does where kubectl exists. */
class OverlayRenderTest {

    static final List<String> OVERLAYS = Repository.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void overlayRendersOneObjectPerIdentity(String overlay) {
        List<Resource> resources = Repository.rendered(overlay);

        assertThat(resources).isNotEmpty();
        assertThat(resources.stream().map(Resource::id)).doesNotHaveDuplicates();
        assertThat(resources).allSatisfy(resource -> {
            assertThat(resource.apiVersion()).as("apiVersion of %s", resource).isNotBlank();
            assertThat(resource.kind()).as("kind of %s", resource).isNotBlank();
            assertThat(resource.name()).as("name of a %s", resource.kind()).isNotBlank();
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyNamespacedObjectIsInTheOverlaysNamespace(String overlay) {
        List<Resource> resources = Repository.rendered(overlay);
        List<Resource> namespaces = resources.stream().filter(r -> r.kind().equals("Namespace")).toList();

        assertThat(namespaces).hasSize(1);
        String namespace = namespaces.get(0).name();
        assertThat(resources).filteredOn(r -> !r.clusterScoped())
                .allSatisfy(r -> assertThat(r.namespace()).as("namespace of %s", r).isEqualTo(namespace));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void rendersAsKubectlKustomizeDoes(String overlay) {
        Optional<List<Resource>> kubectl = KubectlKustomize.render(Repository.overlay(overlay));
        assumeTrue(kubectl.isPresent(), "kubectl with Kustomize components support is not installed");

        Map<String, JsonNode> ours = byId(Repository.rendered(overlay));
        Map<String, JsonNode> theirs = byId(kubectl.get());

        assertThat(ours.keySet()).containsExactlyInAnyOrderElementsOf(theirs.keySet());
        ours.forEach((id, node) -> assertThat(node).as(id).isEqualTo(theirs.get(id)));
    }

    private static Map<String, JsonNode> byId(List<Resource> resources) {
        return resources.stream().collect(Collectors.toMap(Resource::id, Resource::node, (a, b) -> a, TreeMap::new));
    }
}
