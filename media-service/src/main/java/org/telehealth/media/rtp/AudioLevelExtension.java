package org.telehealth.media.rtp;

import org.telehealth.media.wire.NetworkByteOrder;

/**
 * The client-to-mixer audio level header extension (RFC 6464): how loud the audio of the packet
 * is, and whether the sender's voice activity detector heard speech. The SFU reads it to find the
 * active speaker without decoding any audio. {@link #read} returns the raw byte so that reading it
 * allocates nothing; {@link #voiceActivity} and {@link #level} take it apart.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |V|    level    |   V: voice activity; level: 0 (loudest) to 127 (silence), in -dBov
 * +-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class AudioLevelExtension {

    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    /** What {@link #read} returns when the packet does not carry the extension. */
    public static final int NOT_PRESENT = -1;
    public static final int DATA_LENGTH = 1;

    private final int id;

    /** @param id the id the extension was negotiated with ({@code a=extmap}) */
    public AudioLevelExtension(int id) {
        this.id = HeaderExtensionBlock.requireId(id);
    }

    public int id() {
        return id;
    }

    /** The raw extension byte (0-255), or {@link #NOT_PRESENT}. */
    public int read(RtpPacket packet) {
        int index = packet.findHeaderExtension(id, DATA_LENGTH);
        if (index == RtpPacket.NOT_FOUND) {
            return NOT_PRESENT;
        }
        return NetworkByteOrder.uint8(packet.buffer(), index);
    }

    /** Whether the sender's voice activity detector heard speech, from a byte {@link #read} returned. */
    public static boolean voiceActivity(int raw) {
        return (requireByte(raw) & 0x80) != 0;
    }

    /** The level in -dBov, 0 the loudest and 127 silence, from a byte {@link #read} returned. */
    public static int level(int raw) {
        return requireByte(raw) & 0x7F;
    }

    private static int requireByte(int raw) {
        if (raw < 0 || raw > 0xFF) {
            throw new IllegalArgumentException("audio level byte " + raw + " outside 0..255");
        }
        return raw;
    }
}
