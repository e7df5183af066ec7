package org.telehealth.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The CRD schemas of Strimzi's kafka.strimzi.io/v1 resources, generated the way Strimzi generates
 * its own CRDs (its CrdGenerator over its API classes, both from Maven Central) in a child JVM, then
 * used as JSON Schemas. As the API server does with strict field validation, a field the schema does
 * not declare is an error, unless the schema preserves unknown fields there.
 */
final class StrimziCrdSchemas {

    private static final Map<String, String> API_CLASSES = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static volatile Path generated;

    private StrimziCrdSchemas() {
    }

    static boolean covers(Resource resource) {
        return resource.group().equals("kafka.strimzi.io");
    }

    /** The schema errors, empty if the object is valid. */
    static Set<String> validate(Resource resource) {
        if (!API_CLASSES.containsKey(resource.kind()) || !resource.version().equals("v1")) {
            return Set.of("no Strimzi CRD schema for " + resource.apiVersion() + " " + resource.kind());
        }
        JsonSchema schema = SCHEMAS.computeIfAbsent(resource.kind(), StrimziCrdSchemas::load);
        return schema.validate(resource.node()).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static JsonSchema load(String kind) {
        Path crd = generatedCrds().resolve(kind + ".yaml");
        ObjectNode definition = Yaml.documents(crd).get(0);
        JsonNode version = null;
        for (JsonNode candidate : definition.path("spec").path("versions")) {
            if (candidate.path("name").asText().equals("v1")) {
                version = candidate;
            }
        }
        if (version == null) {
            throw new IllegalStateException(crd + " has no version v1");
        }
        ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
        closeObjects(schema);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    /** Declares every object schema with properties closed, except where unknown fields are kept. */
    static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
            Iterator<JsonNode> children = object.elements();
            while (children.hasNext()) {
                closeObjects(children.next());
            }
        } else if (schema != null && schema.isArray()) {
            schema.forEach(StrimziCrdSchemas::closeObjects);
        }
    }

    private static synchronized Path generatedCrds() {
        if (generated != null) {
            return generated;
        }
        try {
            Path directory = Path.of("target", "strimzi-crds").toAbsolutePath();
            Files.createDirectories(directory);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "io.strimzi.crdgenerator.CrdGenerator", "--yaml",
                    "--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1"));
            API_CLASSES.forEach((kind, apiClass) -> command.add(apiClass + "=" + directory.resolve(kind + ".yaml")));
            File log = directory.resolve("generator.log").toFile();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Strimzi's CrdGenerator failed, see " + log);
            }
            generated = directory;
            return directory;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
