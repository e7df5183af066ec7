package org.telehealth.media.wire;

/**
 * Reads and writes the unsigned big-endian integers of STUN, RTP and RTCP headers in place in a byte
 * array, so that reading a packet needs no {@code ByteBuffer} and allocates nothing. The callers
 * have checked the bounds; these methods trust the index they are given.
 */
public final class NetworkByteOrder {

    private NetworkByteOrder() {
    }

    public static int uint8(byte[] buffer, int index) {
        return buffer[index] & 0xFF;
    }

    public static int uint16(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 8 | buffer[index + 1] & 0xFF;
    }

    public static int uint24(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 16 | (buffer[index + 1] & 0xFF) << 8 | buffer[index + 2] & 0xFF;
    }

    public static long uint32(byte[] buffer, int index) {
        return (long) uint16(buffer, index) << 16 | uint16(buffer, index + 2);
    }

    /** The 64 bits as a Java {@code long}: values of 2^63 and above come out negative. */
    public static long int64(byte[] buffer, int index) {
        return uint32(buffer, index) << 32 | uint32(buffer, index + 4);
    }

    public static void writeUint16(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 8);
        buffer[index + 1] = (byte) value;
    }

    public static void writeUint24(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 16);
        buffer[index + 1] = (byte) (value >>> 8);
        buffer[index + 2] = (byte) value;
    }

    public static void writeUint32(byte[] buffer, int index, long value) {
        buffer[index] = (byte) (value >>> 24);
        buffer[index + 1] = (byte) (value >>> 16);
        buffer[index + 2] = (byte) (value >>> 8);
        buffer[index + 3] = (byte) value;
    }

    public static void writeInt64(byte[] buffer, int index, long value) {
        writeUint32(buffer, index, value >>> 32);
        writeUint32(buffer, index + 4, value);
    }
}
