package org.telehealth.media.payload;

/**
 * The picture id of a VP8 or VP9 payload descriptor, which both formats write the same way: a
 * 7-bit id in one byte, or with the M bit set a 15-bit id in two. Receivers' decoders use it to
 * find lost frames and the frames a frame refers to, so the SFU renumbers it to keep it continuous
 * across simulcast layer switches; a new value keeps the field's width, the high bits of a value
 * too large for a 7-bit field being dropped.
 *
 * <pre>
 *  0 1 2 3 4 5 6 7
 * +-+-+-+-+-+-+-+-+
 * |M| picture id  |        M = 0: 7-bit picture id
 * +-+-+-+-+-+-+-+-+
 * |  ...low bits  |        M = 1: 15-bit picture id, high 7 bits first
 * +-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class PictureIdField {

    /** The modulus of a 15-bit picture id, which any picture id arithmetic may use. */
    public static final int MODULUS = 1 << 15;

    private static final int M_BIT = 0x80;

    private PictureIdField() {
    }

    /** Bytes the field at {@code index} takes: 2 with the M bit, else 1. */
    static int length(byte[] buffer, int index) {
        return (buffer[index] & M_BIT) != 0 ? 2 : 1;
    }

    /** The picture id at {@code index}. */
    public static int read(byte[] buffer, int index) {
        if ((buffer[index] & M_BIT) == 0) {
            return buffer[index] & 0x7F;
        }
        return (buffer[index] & 0x7F) << 8 | buffer[index + 1] & 0xFF;
    }

    /** Writes {@code pictureId} (modulo the field's width) at {@code index}, keeping the width. */
    public static void write(byte[] buffer, int index, int pictureId) {
        if ((buffer[index] & M_BIT) == 0) {
            buffer[index] = (byte) (pictureId & 0x7F);
        } else {
            buffer[index] = (byte) (M_BIT | pictureId >>> 8 & 0x7F);
            buffer[index + 1] = (byte) pictureId;
        }
    }
}
