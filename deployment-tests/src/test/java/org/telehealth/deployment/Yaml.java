package org.telehealth.deployment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads YAML streams (several documents, comments) into Jackson trees, the form every check works on. */
final class Yaml {

    static final ObjectMapper MAPPER = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {
    }

    /** The non-empty documents of a YAML stream, each a mapping. */
    static List<ObjectNode> documents(String yaml, String origin) {
        List<ObjectNode> documents = new ArrayList<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml);
                MappingIterator<JsonNode> values = MAPPER.readValues(parser, JsonNode.class)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new IllegalArgumentException(origin + ": a document is not a mapping");
                }
                documents.add((ObjectNode) document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": not valid YAML", e);
        }
        return documents;
    }

    static List<ObjectNode> documents(Path file) {
        return documents(read(file), file.toString());
    }

    /** The single YAML value in a string, which may be a sequence (a JSON patch) or a mapping. */
    static JsonNode value(String yaml, String origin) {
        try {
            return MAPPER.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(origin + ": not valid YAML", e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
