package org.telehealth.recording.webm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A track of a WebM recording as its TrackEntry declares it: codec, a name (whose it is), and the
 * picture size or the audio format.
 *
 * @param codecPrivate the codec's setup data ({@code OpusHead} for Opus), or null
 */
public record WebmTrack(String codecId, boolean video, String name, int width, int height, int channels,
        double samplingFrequency, byte[] codecPrivate) {

    /** Opus at 48 kHz, two channels (what WebRTC signals; a mono stream decodes to both). */
    public static WebmTrack opus(String name) {
        return new WebmTrack("A_OPUS", false, name, 0, 0, 2, 48_000, opusHead(2));
    }

    /** VP8 ({@code V_VP8}) or VP9 ({@code V_VP9}) of this picture size. */
    public static WebmTrack video(String codecId, String name, int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a video track has a picture size, got " + width + "x" + height);
        }
        return new WebmTrack(codecId, true, name, width, height, 0, 0, null);
    }

    /**
     * The identification header of Ogg Opus (RFC 7845 §5.1), which WebM takes as CodecPrivate:
     * magic, version 1, channels, pre-skip 0 (RTP streams have none to trim), 48 kHz, gain 0,
     * mapping family 0.
     */
    static byte[] opusHead(int channels) {
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) channels).putShort((short) 0)
                .putInt(48_000).putShort((short) 0).put((byte) 0);
        return head.array();
    }
}
