package org.telehealth.media.sdp;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An RTP header extension and the id that stands for it in packets
 * ({@code a=extmap:<id>[/<direction>] <uri> [<attributes>]}, RFC 8285). The SFU reads the mid and
 * rid from these to route packets, and keeps the offerer's ids so both sides agree on them.
 */
public record HeaderExtension(int id, Optional<Direction> direction, String uri, Optional<String> attributes) {

    /** RFC 8843: the mid of the m-section a packet belongs to. */
    public static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** RFC 8852: the rid of the simulcast layer a packet belongs to. */
    public static final String RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    /** RFC 8852: the rid of the layer an RTX packet repairs. */
    public static final String REPAIRED_RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    /** Send time for receive-side bandwidth estimation (REMB). */
    public static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    /** Transport-wide sequence number for send-side bandwidth estimation. */
    public static final String TRANSPORT_WIDE_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    /** RFC 6464: the level of an audio packet, for dominant-speaker detection. */
    public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    private static final int MAX_ID = 255;
    private static final String FORM = "<id>[/<direction>] <uri> [<attributes>]";

    public HeaderExtension {
        if (id < 1 || id > MAX_ID) {
            throw new IllegalArgumentException("a header extension id is 1 to " + MAX_ID + ", got " + id);
        }
        Objects.requireNonNull(direction, "direction");
        if (!SdpGrammar.isNonWhitespace(Objects.requireNonNull(uri, "uri"))) {
            throw new IllegalArgumentException("a header extension URI is non-blank, got " + SdpLine.quoted(uri));
        }
        if (attributes.isPresent() && (attributes.get().isBlank() || !SdpGrammar.isText(attributes.get()))) {
            throw new IllegalArgumentException("header extension attributes are non-blank text");
        }
    }

    static HeaderExtension parse(String value) throws UnacceptableOfferException {
        String[] fields = value.split(" ", 3);
        if (fields.length < 2) {
            throw UnacceptableOfferException.malformed("extmap", value, FORM);
        }
        String[] idAndDirection = fields[0].split("/", -1);
        OptionalLong id = SdpGrammar.unsignedDecimal(idAndDirection[0], MAX_ID);
        Optional<Direction> direction = idAndDirection.length == 2 ? Direction.fromSdpName(idAndDirection[1])
                : Optional.empty();
        boolean directionOk = idAndDirection.length == 1 || (idAndDirection.length == 2 && direction.isPresent());
        Optional<String> attributes = fields.length == 3 ? Optional.of(fields[2]) : Optional.empty();
        if (id.isEmpty() || id.getAsLong() == 0 || !directionOk || !SdpGrammar.isNonWhitespace(fields[1])
                || attributes.filter(String::isBlank).isPresent()) {
            throw UnacceptableOfferException.malformed("extmap", value, FORM);
        }
        return new HeaderExtension((int) id.getAsLong(), direction, fields[1], attributes);
    }

    String sdpValue() {
        return id + direction.map(d -> "/" + d.sdpName()).orElse("") + " " + uri + attributes.map(a -> " " + a).orElse("");
    }
}
