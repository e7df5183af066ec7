package org.telehealth.media.stun;

import org.telehealth.media.wire.NetworkByteOrder;

/**
 * The 96-bit transaction id that ties a STUN response to its request. Held as two integers
 * rather than an array so that it is immutable, compares by value and costs one small object.
 *
 * @param high the first 8 bytes of the id, big-endian
 * @param low the last 4 bytes of the id, big-endian
 */
public record TransactionId(long high, int low) {

    public static final int LENGTH = 12;

    static TransactionId readFrom(byte[] bytes, int at) {
        return new TransactionId(NetworkByteOrder.int64(bytes, at), (int) NetworkByteOrder.uint32(bytes, at + 8));
    }

    void writeTo(byte[] bytes, int at) {
        NetworkByteOrder.writeInt64(bytes, at, high);
        NetworkByteOrder.writeUint32(bytes, at + 8, low);
    }

    @Override
    public String toString() {
        return String.format("%016x%08x", high, low);
    }
}
