package org.telehealth.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secrets a rendering uses, and where each must come from: an operator (CloudNativePG's
 * credentials and CAs, Strimzi's cluster CA and users) or the hospital, who creates those listed in
 * the table of docs/deployment.md.
 */
final class SecretReferences {

    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE);

    private SecretReferences() {
    }

    /** Secret name to the objects that use it. */
    static TreeMap<String, Set<String>> referenced(Iterable<Resource> resources) {
        TreeMap<String, Set<String>> references = new TreeMap<>();
        for (Resource resource : resources) {
            JsonNode node = resource.node();
            node.findParents("secretKeyRef").forEach(parent -> add(references, parent.path("secretKeyRef").path("name"), resource));
            node.findValues("secretName").forEach(name -> add(references, name, resource));
            switch (resource.group() + "/" + resource.kind()) {
                case "k8s.keycloak.org/Keycloak" -> {
                    JsonNode spec = node.path("spec");
                    add(references, spec.path("http").path("tlsSecret"), resource);
                    add(references, spec.path("ingress").path("tlsSecret"), resource);
                    add(references, spec.path("db").path("usernameSecret").path("name"), resource);
                    add(references, spec.path("db").path("passwordSecret").path("name"), resource);
                    spec.path("truststores").forEach(store -> add(references, store.path("secret").path("name"), resource));
                }
                case "k8s.keycloak.org/KeycloakRealmImport" -> node.path("spec").path("placeholders")
                        .forEach(placeholder -> add(references, placeholder.path("secret").path("name"), resource));
                case "barmancloud.cnpg.io/ObjectStore" -> node.path("spec").path("configuration").path("s3Credentials")
                        .forEach(credential -> add(references, credential.path("name"), resource));
                default -> {
                }
            }
        }
        return references;
    }

    /** Secrets the operators create for the rendering's custom resources. */
    static Set<String> operatorProvided(Iterable<Resource> resources) {
        Set<String> names = new TreeSet<>();
        for (Resource resource : resources) {
            switch (resource.group() + "/" + resource.kind()) {
                case "postgresql.cnpg.io/Cluster" -> {
                    names.add(resource.name() + "-app");
                    names.add(resource.name() + "-ca");
                }
                case "kafka.strimzi.io/Kafka" -> names.add(resource.name() + "-cluster-ca-cert");
                case "kafka.strimzi.io/KafkaUser" -> names.add(resource.name());
                default -> {
                }
            }
        }
        return names;
    }

    /** Secrets the deployment guide tells the hospital to create (first column of its section "Secrets"). */
    static Set<String> documented() {
        String guide = Yaml.read(Repository.root().resolve(Path.of("docs", "deployment.md")));
        int start = guide.indexOf("\n## Secrets");
        if (start < 0) {
            throw new IllegalStateException("docs/deployment.md has no section \"## Secrets\"");
        }
        int end = guide.indexOf("\n## ", start + 1);
        String section = guide.substring(start, end < 0 ? guide.length() : end);
        Set<String> names = new TreeSet<>();
        Matcher matcher = DOCUMENTED.matcher(section);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static void add(TreeMap<String, Set<String>> references, JsonNode name, Resource resource) {
        if (name.isTextual() && !name.asText().isEmpty()) {
            references.computeIfAbsent(name.asText(), key -> new TreeSet<>()).add(resource.id());
        }
    }
}
