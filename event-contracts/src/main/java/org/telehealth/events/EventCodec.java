package org.telehealth.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Turns envelopes into JSON bytes and back. Decoding checks the envelope and looks the payload type
 * up in an {@link EventCatalog}; anything else is a {@link MalformedEventException}. Unknown payload
 * fields are ignored so that a producer may add optional fields without a new version: a field
 * whose absence means what older producers meant. A missing or null primitive field is malformed
 * unless the record marks it optional with {@code @JsonSetter(nulls = Nulls.AS_EMPTY)} (then it
 * reads as {@code false} or 0).
 */
public final class EventCodec {

    /** Events larger than this are refused on both sides: an event is a fact, not a document. */
    public static final int MAX_EVENT_BYTES = 64 * 1024;

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private final EventCatalog catalog;

    public EventCodec(EventCatalog catalog) {
        this.catalog = catalog;
    }

    public byte[] encode(EventEnvelope<?> event) {
        ObjectNode node = json.createObjectNode();
        node.put("id", event.id().toString());
        node.put("type", event.type());
        node.put("version", event.version());
        node.put("occurredAt", event.occurredAt().toString());
        node.set("data", json.valueToTree(event.data()));
        try {
            byte[] bytes = json.writeValueAsBytes(node);
            if (bytes.length > MAX_EVENT_BYTES) {
                throw new MalformedEventException("event " + event.type() + " is " + bytes.length
                        + " bytes, more than the limit of " + MAX_EVENT_BYTES);
            }
            return bytes;
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("cannot encode event " + event.type(), e);
        }
    }

    public EventEnvelope<?> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("empty event");
        }
        if (bytes.length > MAX_EVENT_BYTES) {
            throw new MalformedEventException("event of " + bytes.length + " bytes exceeds the limit of " + MAX_EVENT_BYTES);
        }
        JsonNode node;
        try {
            node = json.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedEventException("event is not JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("event is not a JSON object");
        }
        String type = requiredText(node, "type");
        JsonNode versionNode = node.get("version");
        if (versionNode == null || !versionNode.canConvertToExactIntegral() || versionNode.asInt() < 1) {
            throw new MalformedEventException("event " + type + " has no valid version");
        }
        int version = versionNode.asInt();
        Class<? extends Record> recordType = catalog.find(type, version)
                .orElseThrow(() -> new MalformedEventException("unknown event " + type + " v" + version));
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("event " + type + " has no data object");
        }
        try {
            return envelope(UUID.fromString(requiredText(node, "id")), type, version,
                    Instant.parse(requiredText(node, "occurredAt")), json.treeToValue(data, recordType));
        } catch (IllegalArgumentException | DateTimeParseException | JsonProcessingException e) {
            throw new MalformedEventException("event " + type + " v" + version + " is malformed: " + e.getMessage(), e);
        }
    }

    private static <T extends Record> EventEnvelope<T> envelope(UUID id, String type, int version, Instant at, T data) {
        return new EventEnvelope<>(id, type, version, at, data);
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException("event has no '" + field + "'");
        }
        return value.asText();
    }
}
