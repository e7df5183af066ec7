package org.telehealth.recording.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A track the media-service's recording fork sends, as it describes it in-band (RTCP APP
 * {@code TRCK}) and on its control API: whose it is, audio or video, the SSRC of its packets and
 * the payload types they may use (docs/media-control.md, "Recording fork").
 */
public record TrackDescription(String participant, Kind kind, long ssrc, boolean screenShare, List<Codec> codecs) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ID_LENGTH = 64;

    public enum Kind {
        AUDIO,
        VIDEO
    }

    /** A payload type of the track, as the publisher's browser numbered it. */
    public record Codec(int payloadType, String name, int clockRate, int channels) {
    }

    public TrackDescription {
        codecs = List.copyOf(codecs);
    }

    /** The codec of payload type {@code payloadType}, if the track may use it. */
    public Optional<Codec> codec(int payloadType) {
        return codecs.stream().filter(codec -> codec.payloadType() == payloadType).findFirst();
    }

    /**
     * Reads a description's JSON.
     *
     * @throws IllegalArgumentException if it is not JSON of that shape (participant id, kind audio
     *         or video, SSRC, codecs with a payload type 0..127 and a positive clock rate)
     */
    public static TrackDescription parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a track description is JSON", e);
        }
        String participant = node.path("participant").asText("");
        if (!participant.matches("[A-Za-z0-9_-]{1," + MAX_ID_LENGTH + "}")) {
            throw new IllegalArgumentException("a track description names its participant by id");
        }
        Kind kind = switch (node.path("kind").asText("")) {
            case "audio" -> Kind.AUDIO;
            case "video" -> Kind.VIDEO;
            default -> throw new IllegalArgumentException("a track is audio or video");
        };
        long ssrc = node.path("ssrc").asLong(-1);
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a track description has an SSRC");
        }
        List<Codec> codecs = new ArrayList<>();
        for (JsonNode codec : node.path("codecs")) {
            int payloadType = codec.path("payloadType").asInt(-1);
            int clockRate = codec.path("clockRate").asInt(0);
            String name = codec.path("name").asText("");
            if (payloadType < 0 || payloadType > 127 || clockRate <= 0 || name.isEmpty()) {
                throw new IllegalArgumentException("a codec has a payload type 0..127, a name and a clock rate");
            }
            codecs.add(new Codec(payloadType, name, clockRate, Math.max(1, codec.path("channels").asInt(1))));
        }
        return new TrackDescription(participant, kind, ssrc, node.path("screenShare").asBoolean(false), codecs);
    }
}
