package org.telehealth.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kustomize subset behaves as Kustomize does, on small kustomizations written for each case. */
class KustomizeBuildTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                tier: front
            spec:
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                    - name: web
                      image: example/web:1.0
                      env:
                        - name: A
                          value: "1"
                        - name: B
                          value: "2"
                    - name: sidecar
                      image: example/sidecar:2.0
            """;

    @TempDir
    Path root;

    @Test
    void aStrategicMergePatchMergesContainersAndEnvByNameAndNullRemovesAField() throws IOException {
        write("base/deployment.yaml", DEPLOYMENT);
        write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels:
                    tier: null
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          env:
                            - name: B
                              value: "20"
                            - name: C
                              value: "3"
                """);
        write("overlay/kustomization.yaml", "resources: [../base]\npatches:\n  - path: patch.yaml\n");

        JsonNode deployment = only(KustomizeBuild.render(root.resolve("overlay")));

        assertThat(deployment.at("/metadata/labels").has("tier")).isFalse();
        assertThat(deployment.at("/spec/template/spec/containers")).hasSize(2);
        assertThat(deployment.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("example/web:1.0");
        assertThat(deployment.at("/spec/template/spec/containers/0/env").toString())
                .isEqualTo("[{\"name\":\"B\",\"value\":\"20\"},{\"name\":\"C\",\"value\":\"3\"},{\"name\":\"A\",\"value\":\"1\"}]");
    }

    @Test
    void aJsonPatchAppliesToEveryTargetAndFailsOnAMissingPath() throws IOException {
        write("base/deployment.yaml", DEPLOYMENT);
        write("base/kustomization.yaml", "resources: [deployment.yaml]\n");
        write("overlay/kustomization.yaml", """
                resources: [../base]
                patches:
                  - target:
                      kind: Deployment
                      labelSelector: tier=front
                    patch: |-
                      - op: replace
                        path: /spec/template/spec/containers/1/image
                        value: example/sidecar:3.0
                      - op: add
                        path: /spec/replicas
                        value: 2
                      - op: remove
                        path: /spec/template/spec/containers/0/env/0
                """);
        write("broken/kustomization.yaml", """
                resources: [../base]
                patches:
                  - target:
                      kind: Deployment
                    patch: |-
                      - op: replace
                        path: /spec/strategy/type
                        value: Recreate
                """);

        JsonNode deployment = only(KustomizeBuild.render(root.resolve("overlay")));

        assertThat(deployment.at("/spec/template/spec/containers/1/image").asText()).isEqualTo("example/sidecar:3.0");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
        assertThat(deployment.at("/spec/template/spec/containers/0/env/0/name").asText()).isEqualTo("B");
        assertThatThrownBy(() -> KustomizeBuild.render(root.resolve("broken")))
                .hasMessageContaining("/spec/strategy/type");
    }

    @Test
    void aComponentsReplacementCarriesAValueIntoPartOfAField() throws IOException {
        write("base/keycloak.yaml", """
                apiVersion: k8s.keycloak.org/v2alpha1
                kind: Keycloak
                metadata:
                  name: kc
                spec:
                  hostname:
                    hostname: https://auth.placeholder.example
                """);
        write("base/kustomization.yaml", "resources: [keycloak.yaml]\n");
        write("component/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1alpha1
                kind: Component
                replacements:
                  - source:
                      kind: ConfigMap
                      name: site
                      fieldPath: data.host
                    targets:
                      - select:
                          kind: Keycloak
                        fieldPaths:
                          - spec.hostname.hostname
                        options:
                          delimiter: /
                          index: 2
                """);
        write("overlay/site.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: site\ndata:\n  host: auth.hospital.org\n");
        write("overlay/kustomization.yaml", "resources: [site.yaml, ../base]\ncomponents: [../component]\n");

        List<Resource> resources = KustomizeBuild.render(root.resolve("overlay"));

        assertThat(resources.stream().filter(r -> r.kind().equals("Keycloak")).findFirst().orElseThrow().node()
                .at("/spec/hostname/hostname").asText()).isEqualTo("https://auth.hospital.org");
    }

    @Test
    void namespaceImagesAndGeneratorsWorkAsInKustomize() throws IOException {
        write("base/deployment.yaml", DEPLOYMENT);
        write("base/namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n");
        write("base/app.properties", "a=1\n");
        write("base/kustomization.yaml", """
                namespace: apps
                resources: [namespace.yaml, deployment.yaml]
                images:
                  - name: example/web
                    newName: registry.hospital.org/web
                    newTag: "1.1"
                configMapGenerator:
                  - name: web-config
                    files: [app.properties]
                    literals: [mode=production]
                    options:
                      disableNameSuffixHash: true
                """);

        List<Resource> resources = KustomizeBuild.render(root.resolve("base"));

        Resource namespace = resources.stream().filter(r -> r.kind().equals("Namespace")).findFirst().orElseThrow();
        Resource deployment = resources.stream().filter(r -> r.kind().equals("Deployment")).findFirst().orElseThrow();
        Resource configMap = resources.stream().filter(r -> r.kind().equals("ConfigMap")).findFirst().orElseThrow();
        assertThat(namespace.namespace()).isNull();
        assertThat(deployment.namespace()).isEqualTo("apps");
        assertThat(configMap.namespace()).isEqualTo("apps");
        assertThat(deployment.node().at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("registry.hospital.org/web:1.1");
        assertThat(deployment.node().at("/spec/template/spec/containers/1/image").asText()).isEqualTo("example/sidecar:2.0");
        assertThat(configMap.node().at("/data/app.properties").asText()).isEqualTo("a=1\n");
        assertThat(configMap.node().at("/data/mode").asText()).isEqualTo("production");
    }

    @Test
    void whatTheSubsetDoesNotImplementFailsInsteadOfRenderingWrong() throws IOException {
        write("labels/kustomization.yaml", "commonLabels:\n  a: b\n");
        write("hash/kustomization.yaml", "configMapGenerator:\n  - name: c\n    literals: [a=b]\n");

        assertThatThrownBy(() -> KustomizeBuild.render(root.resolve("labels"))).hasMessageContaining("commonLabels");
        assertThatThrownBy(() -> KustomizeBuild.render(root.resolve("hash"))).hasMessageContaining("disableNameSuffixHash");
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static JsonNode only(List<Resource> resources) {
        assertThat(resources).hasSize(1);
        return resources.get(0).node();
    }
}
