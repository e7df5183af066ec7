package org.telehealth.media.rtp;

/**
 * Turns the wrapping 16-bit sequence numbers or 32-bit timestamps of one RTP stream into 64-bit
 * indexes that keep counting past the wrap, as the roll-over counter of RFC 3550 Appendix A.1 does:
 * after 65535 comes index 65536, not 0. Loss counting, jitter buffers and retransmission caches key
 * on the index so they never see the stream jump backwards.
 *
 * <p>Each value is placed at the index nearest the newest one seen so far, so a late (reordered)
 * packet gets an index below it, and one from before the first packet seen can get a negative
 * index. A jump of half the space or more cannot be told apart from reordering and is taken to go
 * backwards; a stream that restarts its numbering needs a new unwrapper. Not thread-safe: one
 * instance per stream, used by the thread that handles that stream.
 */
public final class WrapAroundUnwrapper {

    private final long modulus;
    private final long mask;
    private boolean started;
    private long newestIndex;

    private WrapAroundUnwrapper(int bits) {
        this.modulus = 1L << bits;
        this.mask = modulus - 1;
    }

    public static WrapAroundUnwrapper forSequenceNumbers() {
        return new WrapAroundUnwrapper(16);
    }

    public static WrapAroundUnwrapper forTimestamps() {
        return new WrapAroundUnwrapper(32);
    }

    /** The index of {@code value}; the first value unwrapped is its own index. */
    public long unwrap(long value) {
        if (value < 0 || value > mask) {
            throw new IllegalArgumentException("value " + value + " outside 0.." + mask);
        }
        if (!started) {
            started = true;
            newestIndex = value;
            return value;
        }
        long ahead = (value - newestIndex) & mask;
        long delta = ahead < modulus / 2 ? ahead : ahead - modulus;
        long index = newestIndex + delta;
        if (delta > 0) {
            newestIndex = index;
        }
        return index;
    }
}
