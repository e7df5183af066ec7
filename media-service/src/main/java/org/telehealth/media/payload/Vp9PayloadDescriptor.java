package org.telehealth.media.payload;

/**
 * The VP9 payload descriptor (RFC 9628 §4.2) at the start of each packet's payload, read in place
 * without allocating. A picture starts in the packet whose B bit is set; it is a keyframe when it
 * is not inter-picture predicted (P = 0) and, with layer indices, belongs to spatial layer 0. Only
 * the fields up to TL0PICIDX are read: the SFU needs no more.
 *
 * <pre>
 *       0 1 2 3 4 5 6 7
 *      +-+-+-+-+-+-+-+-+
 *      |I|P|L|F|B|E|V|Z|   required; P: inter-picture predicted, B: start of a frame
 *      +-+-+-+-+-+-+-+-+
 * I:   |M| picture id  |   7 bits, or with M 15 bits over two bytes
 *      +-+-+-+-+-+-+-+-+
 *      |  (picture id) |
 *      +-+-+-+-+-+-+-+-+
 * L:   | TID |U| SID |D|   layer indices
 *      +-+-+-+-+-+-+-+-+
 *      |   TL0PICIDX   |   only in non-flexible mode (F = 0)
 *      +-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class Vp9PayloadDescriptor {

    /** What the index methods return for a field the descriptor does not carry, or a payload too short to hold it. */
    public static final int NOT_PRESENT = -1;

    private static final int I_BIT = 0x80;
    private static final int P_BIT = 0x40;
    private static final int L_BIT = 0x20;
    private static final int F_BIT = 0x10;
    private static final int B_BIT = 0x08;
    private static final int SPATIAL_ID = 0x0E;

    private Vp9PayloadDescriptor() {
    }

    /** Whether the payload starts a keyframe: the first packet of a frame of spatial layer 0 that predicts from no other picture. */
    public static boolean startsKeyframe(byte[] buffer, int offset, int length) {
        if (length < 1 || (buffer[offset] & P_BIT) != 0 || (buffer[offset] & B_BIT) == 0) {
            return false;
        }
        if ((buffer[offset] & L_BIT) == 0) {
            return true;
        }
        int layers = layerIndicesIndex(buffer, offset, length);
        return layers != NOT_PRESENT && (buffer[layers] & SPATIAL_ID) == 0;
    }

    /** The buffer index of the picture id ({@link PictureIdField}), or {@link #NOT_PRESENT}. */
    public static int pictureIdIndex(byte[] buffer, int offset, int length) {
        if (length < 2 || (buffer[offset] & I_BIT) == 0 || PictureIdField.length(buffer, offset + 1) >= length) {
            return NOT_PRESENT;
        }
        return offset + 1;
    }

    /** The buffer index of the TL0PICIDX byte (non-flexible mode with layer indices), or {@link #NOT_PRESENT}. */
    public static int tl0PicIdxIndex(byte[] buffer, int offset, int length) {
        int layers = layerIndicesIndex(buffer, offset, length);
        if (layers == NOT_PRESENT || (buffer[offset] & F_BIT) != 0 || layers + 1 >= offset + length) {
            return NOT_PRESENT;
        }
        return layers + 1;
    }

    private static int layerIndicesIndex(byte[] buffer, int offset, int length) {
        if (length < 1 || (buffer[offset] & L_BIT) == 0) {
            return NOT_PRESENT;
        }
        int index = offset + 1;
        if ((buffer[offset] & I_BIT) != 0) {
            if (index >= offset + length) {
                return NOT_PRESENT;
            }
            index += PictureIdField.length(buffer, index);
        }
        return index < offset + length ? index : NOT_PRESENT;
    }
}
