package org.telehealth.media.payload;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2) at the start of each packet's payload, and the first
 * byte of the VP8 frame after it, read in place without allocating. A frame starts in the packet
 * whose S bit is set with partition index 0, and is a keyframe when the inverse keyframe bit P of
 * its VP8 payload header (§4.3) is 0; a keyframe also carries the start code of RFC 6386 §9.1.
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |X|R|N|S|R| PID |   required; S: start of a partition, PID: partition index
 *      +-+-+-+-+-+-+-+-+
 * X:   |I|L|T|K| RSV   |   which optional fields follow
 *      +-+-+-+-+-+-+-+-+
 * I:   |M| picture id  |   7 bits, or with M 15 bits over two bytes
 *      +-+-+-+-+-+-+-+-+
 *      |  (picture id) |
 *      +-+-+-+-+-+-+-+-+
 * L:   |   TL0PICIDX   |   counts the frames of temporal layer 0
 *      +-+-+-+-+-+-+-+-+
 * T/K: |TID|Y| KEYIDX  |
 *      +-+-+-+-+-+-+-+-+
 *      |Size0|H| VER |P|   VP8 payload header (at S = 1, PID = 0); P = 0: keyframe
 *      +-+-+-+-+-+-+-+-+
 *      |     Size1     |
 *      +-+-+-+-+-+-+-+-+
 *      |     Size2     |
 *      +-+-+-+-+-+-+-+-+
 *      | 0x9d 0x01 0x2a|   keyframe start code, then width and height
 *      +-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class Vp8PayloadDescriptor {

    /** What the index methods return for a field the descriptor does not carry, or a payload too short to hold it. */
    public static final int NOT_PRESENT = -1;

    private static final int X_BIT = 0x80;
    private static final int S_BIT = 0x10;
    private static final int PARTITION_INDEX = 0x07;
    private static final int I_BIT = 0x80;
    private static final int L_BIT = 0x40;
    private static final int T_BIT = 0x20;
    private static final int K_BIT = 0x10;
    private static final int INVERSE_KEYFRAME_BIT = 0x01;
    private static final int PAYLOAD_HEADER_LENGTH = 3;
    private static final byte[] START_CODE = {(byte) 0x9d, 0x01, 0x2a};

    private Vp8PayloadDescriptor() {
    }

    /** Whether the payload starts a keyframe: the first packet of a frame whose payload header says key. */
    public static boolean startsKeyframe(byte[] buffer, int offset, int length) {
        int frame = frameOffset(buffer, offset, length);
        if (frame == NOT_PRESENT || (buffer[offset] & S_BIT) == 0 || (buffer[offset] & PARTITION_INDEX) != 0) {
            return false;
        }
        int end = offset + length;
        if (frame + PAYLOAD_HEADER_LENGTH + START_CODE.length > end || (buffer[frame] & INVERSE_KEYFRAME_BIT) != 0) {
            return false;
        }
        for (int i = 0; i < START_CODE.length; i++) {
            if (buffer[frame + PAYLOAD_HEADER_LENGTH + i] != START_CODE[i]) {
                return false;
            }
        }
        return true;
    }

    /** The buffer index of the picture id ({@link PictureIdField}), or {@link #NOT_PRESENT}. */
    public static int pictureIdIndex(byte[] buffer, int offset, int length) {
        if (frameOffset(buffer, offset, length) == NOT_PRESENT || (buffer[offset] & X_BIT) == 0
                || (buffer[offset + 1] & I_BIT) == 0) {
            return NOT_PRESENT;
        }
        return offset + 2;
    }

    /** The buffer index of the TL0PICIDX byte, or {@link #NOT_PRESENT}. */
    public static int tl0PicIdxIndex(byte[] buffer, int offset, int length) {
        if (frameOffset(buffer, offset, length) == NOT_PRESENT || (buffer[offset] & X_BIT) == 0
                || (buffer[offset + 1] & L_BIT) == 0) {
            return NOT_PRESENT;
        }
        int index = offset + 2;
        if ((buffer[offset + 1] & I_BIT) != 0) {
            index += PictureIdField.length(buffer, index);
        }
        return index;
    }

    /** The buffer index where the VP8 frame data starts, after the descriptor; {@link #NOT_PRESENT} if the payload ends first. */
    static int frameOffset(byte[] buffer, int offset, int length) {
        int end = offset + length;
        if (length < 1) {
            return NOT_PRESENT;
        }
        int index = offset + 1;
        if ((buffer[offset] & X_BIT) != 0) {
            if (index >= end) {
                return NOT_PRESENT;
            }
            int extension = buffer[index++] & 0xFF;
            if ((extension & I_BIT) != 0) {
                if (index >= end) {
                    return NOT_PRESENT;
                }
                index += PictureIdField.length(buffer, index);
            }
            if ((extension & L_BIT) != 0) {
                index++;
            }
            if ((extension & (T_BIT | K_BIT)) != 0) {
                index++;
            }
        }
        return index <= end ? index : NOT_PRESENT;
    }
}
