package org.telehealth.recording.capture;

import java.util.function.Consumer;

/**
 * Turns one track's RTP packets, in sequence order from its {@link JitterBuffer}, into whole coded
 * frames. A frame that lost a packet is dropped, never written broken. Not thread-safe.
 */
public interface Depacketizer {

    /**
     * Takes the next packet; {@code afterLoss} says packets before it were given up as lost.
     * Completed frames go to {@code frames}.
     */
    void push(RtpPacket packet, boolean afterLoss, Consumer<EncodedFrame> frames);

    /** The WebM codec id of what it produces: {@code A_OPUS}, {@code V_VP8}, {@code V_VP9}. */
    String codecId();

    /** A depacketizer for a codec by its SDP encoding name, if the recorder supports it. */
    static Depacketizer forCodec(String encodingName) {
        return switch (encodingName.toUpperCase(java.util.Locale.ROOT)) {
            case "OPUS" -> new OpusDepacketizer();
            case "VP8" -> new Vp8Depacketizer();
            case "VP9" -> new Vp9Depacketizer();
            default -> null;
        };
    }
}
