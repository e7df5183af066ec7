package org.telehealth.signaling.protocol;

import static org.telehealth.signaling.protocol.ErrorCode.INVALID_MESSAGE;
import static org.telehealth.signaling.protocol.ErrorCode.MALFORMED_JSON;
import static org.telehealth.signaling.protocol.ErrorCode.MESSAGE_TOO_LARGE;
import static org.telehealth.signaling.protocol.ErrorCode.UNKNOWN_TYPE;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns one text frame into a {@link ClientMessage} or a {@link SignalingException}; nothing else
 * reads client JSON. Every message is a flat object with a {@code type} and exactly the fields of
 * that type (docs/signaling-protocol.md), so a typo or an unexpected field is an error rather than
 * silently ignored. Frames above the message limit are refused unless they are a {@code media-offer},
 * whose SDP has a limit of its own (the transport's frame cap bounds what is read at all).
 */
public final class ClientMessageParser {

    /** Longest token or participant id we read; real ones are far shorter. */
    static final int MAX_TOKEN_CHARS = 8192;
    static final int MAX_ID_CHARS = 64;
    static final String MEDIA_OFFER = "media-offer";

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final int maxMessageBytes;
    private final int maxChatChars;
    private final int maxSdpBytes;
    private final Map<String, Function<JsonNode, ClientMessage>> readers;

    public ClientMessageParser(int maxMessageBytes, int maxChatChars, int maxSdpBytes) {
        if (maxMessageBytes < 64 || maxChatChars < 1 || maxSdpBytes < 64) {
            throw new IllegalArgumentException("limits too small: " + maxMessageBytes + " bytes, " + maxChatChars
                    + " chars, " + maxSdpBytes + " SDP bytes");
        }
        this.maxMessageBytes = maxMessageBytes;
        this.maxChatChars = maxChatChars;
        this.maxSdpBytes = maxSdpBytes;
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4).build());
        Map<String, Function<JsonNode, ClientMessage>> core = Map.of(
                "hello", node -> {
                    fields(node, "protocol", "token");
                    return new ClientMessage.Hello(integer(node, "protocol"), text(node, "token", MAX_TOKEN_CHARS));
                },
                "admit", node -> {
                    fields(node, "participantId");
                    return new ClientMessage.Admit(text(node, "participantId", MAX_ID_CHARS));
                },
                "decline", node -> {
                    fields(node, "participantId");
                    return new ClientMessage.Decline(text(node, "participantId", MAX_ID_CHARS));
                },
                "chat", node -> {
                    fields(node, "text");
                    return new ClientMessage.Chat(text(node, "text", this.maxChatChars));
                },
                MEDIA_OFFER, node -> {
                    fields(node, "sdp");
                    return new ClientMessage.MediaOffer(sdp(node));
                },
                "media-state", node -> {
                    fields(node, "audio", "video");
                    return new ClientMessage.MediaState(bool(node, "audio"), bool(node, "video"));
                },
                "leave", node -> {
                    fields(node);
                    return new ClientMessage.Leave();
                },
                "end-visit", node -> {
                    fields(node);
                    return new ClientMessage.EndVisit();
                },
                "ping", node -> {
                    fields(node);
                    return new ClientMessage.Ping();
                });
        Map<String, Function<JsonNode, ClientMessage>> all = new HashMap<>(core);
        all.putAll(recordingReaders());
        this.readers = Map.copyOf(all);
    }

    /** The messages of recording consent (issue #6): the doctor's start and stop, everyone's answer. */
    private static Map<String, Function<JsonNode, ClientMessage>> recordingReaders() {
        return Map.of(
                "recording-start", node -> {
                    fields(node);
                    return new ClientMessage.RecordingStart();
                },
                "recording-consent", node -> {
                    fields(node, "recordingId", "accept");
                    return new ClientMessage.RecordingConsent(uuid(node, "recordingId"), bool(node, "accept"));
                },
                "recording-stop", node -> {
                    fields(node);
                    return new ClientMessage.RecordingStop();
                });
    }

    public ClientMessage parse(String frame) {
        if (frame == null) {
            throw new SignalingException(MALFORMED_JSON, "empty message");
        }
        // a char is at most 3 UTF-8 bytes: skip the encoding for the common short frame
        boolean oversized = frame.length() * 3L > maxMessageBytes
                && frame.getBytes(StandardCharsets.UTF_8).length > maxMessageBytes;
        JsonNode node;
        try {
            node = json.readTree(frame);
        } catch (IOException e) {
            throw oversized ? tooLarge() : new SignalingException(MALFORMED_JSON, "message is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw oversized ? tooLarge() : new SignalingException(MALFORMED_JSON, "message is not a JSON object");
        }
        JsonNode type = node.get("type");
        // only a media-offer may exceed the message limit; its SDP is checked against its own
        if (oversized && (type == null || !MEDIA_OFFER.equals(type.asText()))) {
            throw tooLarge();
        }
        if (type == null || !type.isTextual()) {
            throw new SignalingException(INVALID_MESSAGE, "message has no string 'type'");
        }
        Function<JsonNode, ClientMessage> reader = readers.get(type.asText());
        if (reader == null) {
            throw new SignalingException(UNKNOWN_TYPE, "unknown message type");
        }
        return reader.apply(node);
    }

    private SignalingException tooLarge() {
        return new SignalingException(MESSAGE_TOO_LARGE, "messages are limited to " + maxMessageBytes + " bytes");
    }

    private static void fields(JsonNode node, String... expected) {
        Set<String> allowed = Set.of(expected);
        for (String field : expected) {
            if (!node.has(field)) {
                throw new SignalingException(INVALID_MESSAGE, "missing field '" + field + "'");
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"type".equals(name) && !allowed.contains(name)) {
                throw new SignalingException(INVALID_MESSAGE, "unexpected field '" + abbreviated(name) + "'");
            }
        }
    }

    private static String text(JsonNode node, String field, int maxChars) {
        JsonNode value = node.get(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new SignalingException(INVALID_MESSAGE, "'" + field + "' must be a non-empty string");
        }
        String text = value.asText();
        if (text.codePointCount(0, text.length()) > maxChars) {
            throw new SignalingException(INVALID_MESSAGE, "'" + field + "' is longer than " + maxChars + " characters");
        }
        return text;
    }

    private String sdp(JsonNode node) {
        String sdp = text(node, "sdp", Integer.MAX_VALUE);
        if (sdp.length() * 3L > maxSdpBytes && sdp.getBytes(StandardCharsets.UTF_8).length > maxSdpBytes) {
            throw new SignalingException(MESSAGE_TOO_LARGE, "'sdp' is limited to " + maxSdpBytes + " bytes");
        }
        return sdp;
    }

    private static UUID uuid(JsonNode node, String field) {
        String text = text(node, field, MAX_ID_CHARS);
        try {
            UUID id = UUID.fromString(text);
            // UUID.fromString also takes shortened forms such as "1-2-3-4-5": only the canonical one is an id
            if (id.toString().equalsIgnoreCase(text)) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new SignalingException(INVALID_MESSAGE, "'" + field + "' must be a UUID");
    }

    private static int integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isInt()) {
            throw new SignalingException(INVALID_MESSAGE, "'" + field + "' must be an integer");
        }
        return value.intValue();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (!value.isBoolean()) {
            throw new SignalingException(INVALID_MESSAGE, "'" + field + "' must be a boolean");
        }
        return value.booleanValue();
    }

    private static String abbreviated(String name) {
        return name.length() <= 32 ? name : name.substring(0, 32) + "…";
    }
}
