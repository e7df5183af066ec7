package org.telehealth.media.benchmark;

import org.telehealth.media.wire.NetworkByteOrder;

/**
 * What every benchmark RTP packet carries at the start of its payload, so that the receiving side
 * can tell its latency and whether it belongs to the step being measured. Sender and receivers
 * share one JVM, hence one {@code System.nanoTime} clock.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 packet index in its stream (64)               |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  send time, System.nanoTime (64)              |
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      step tag (32): the measured step, 0 outside a window     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
final class ProbePayload {

    static final int LENGTH = 20;
    /** Written outside measurement windows: warm-up, drain and idle traffic. */
    static final int UNMEASURED = 0;

    private ProbePayload() {
    }

    static void write(byte[] buffer, int at, long index, long sendNanos, int stepTag) {
        NetworkByteOrder.writeInt64(buffer, at, index);
        NetworkByteOrder.writeInt64(buffer, at + 8, sendNanos);
        NetworkByteOrder.writeUint32(buffer, at + 16, stepTag & 0xFFFF_FFFFL);
    }

    static long sendNanos(byte[] buffer, int at) {
        return NetworkByteOrder.int64(buffer, at + 8);
    }

    static int stepTag(byte[] buffer, int at) {
        return (int) NetworkByteOrder.uint32(buffer, at + 16);
    }
}
