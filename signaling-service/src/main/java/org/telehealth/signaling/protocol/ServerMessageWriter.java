package org.telehealth.signaling.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes {@link ServerMessage}s as the JSON text frames of protocol v1: {@code type} first, then the fields. */
public final class ServerMessageWriter {

    private final ObjectMapper json = new ObjectMapper();

    public String write(ServerMessage message) {
        ObjectNode node = json.createObjectNode();
        node.put("type", message.type());
        ObjectNode fields = json.valueToTree(message);
        fields.remove("type");
        node.setAll(fields);
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + message.type(), e);
        }
    }
}
