package org.telehealth.media.retransmission;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.telehealth.media.rtcp.GenericNack;

/**
 * Answers one receiver's NACKs for one stream from that stream's {@link RetransmissionSource},
 * with two limits so that a receiver (buggy, or hostile) cannot turn the SFU into an amplifier:
 * at most {@code maxPacketsPerNack} packets per NACK, and no sequence number resent to this
 * receiver twice within {@code minResendInterval} (a receiver repeats its NACK before the first
 * retransmission could have arrived; resending then only adds to the congestion that lost it).
 *
 * <p>The resend times live in a table of a power of two of slots, at least the buffer's capacity,
 * indexed by the low bits of the sequence number: two sequence numbers sharing a slot are at least
 * that capacity apart, so the buffer never holds both and the table forgets nothing it needs.
 * One instance per receiver and stream; thread-safe.
 */
public final class NackResponder {

    public static final int DEFAULT_MAX_PACKETS_PER_NACK = 64;
    public static final long DEFAULT_MIN_RESEND_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private static final int NEVER_SENT = -1;

    private final RetransmissionSource buffer;
    private final int maxPacketsPerNack;
    private final long minResendIntervalNanos;
    private final LongSupplier nanoTime;
    private final int slotMask;
    private final int[] sentSequenceNumbers;
    private final long[] sentAtNanos;

    /** A responder with the default limits: 64 packets per NACK, a sequence number once per 100 ms. */
    public NackResponder(RetransmissionSource buffer, LongSupplier nanoTime) {
        this(buffer, DEFAULT_MAX_PACKETS_PER_NACK, DEFAULT_MIN_RESEND_INTERVAL_NANOS, nanoTime);
    }

    /**
     * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    public NackResponder(RetransmissionSource buffer, int maxPacketsPerNack, long minResendIntervalNanos,
            LongSupplier nanoTime) {
        if (buffer == null) {
            throw new IllegalArgumentException("buffer is null");
        }
        if (maxPacketsPerNack < 1) {
            throw new IllegalArgumentException("at most " + maxPacketsPerNack + " packets per NACK, need at least 1");
        }
        if (minResendIntervalNanos < 0) {
            throw new IllegalArgumentException("minimum resend interval " + minResendIntervalNanos + " ns is negative");
        }
        if (nanoTime == null) {
            throw new IllegalArgumentException("nanoTime is null");
        }
        this.buffer = buffer;
        this.maxPacketsPerNack = maxPacketsPerNack;
        this.minResendIntervalNanos = minResendIntervalNanos;
        this.nanoTime = nanoTime;
        int slots = buffer.capacity() == 1 ? 1 : Integer.highestOneBit(buffer.capacity() - 1) << 1;
        this.slotMask = slots - 1;
        this.sentSequenceNumbers = new int[slots];
        this.sentAtNanos = new long[slots];
        Arrays.fill(sentSequenceNumbers, NEVER_SENT);
    }

    /**
     * Copies of the original packets to resend, in the order the NACK lists them: those still in
     * the buffer and not resent to this receiver within the interval, at most the bound. A packet
     * returned counts as resent now.
     *
     * @throws IllegalArgumentException if the NACK is about another stream than the buffer's
     */
    public synchronized List<byte[]> respond(GenericNack nack) {
        if (nack.mediaSsrc() != buffer.ssrc()) {
            throw new IllegalArgumentException("NACK for SSRC " + nack.mediaSsrc() + " offered to the responder of SSRC "
                    + buffer.ssrc());
        }
        long now = nanoTime.getAsLong();
        List<byte[]> packets = new ArrayList<>();
        for (int sequenceNumber : nack.lostSequenceNumbers()) {
            if (packets.size() == maxPacketsPerNack) {
                break;
            }
            int slot = sequenceNumber & slotMask;
            if (sentSequenceNumbers[slot] == sequenceNumber && now - sentAtNanos[slot] < minResendIntervalNanos) {
                continue;
            }
            Optional<byte[]> packet = buffer.find(sequenceNumber);
            if (packet.isPresent()) {
                packets.add(packet.get());
                sentSequenceNumbers[slot] = sequenceNumber;
                sentAtNanos[slot] = now;
            }
        }
        return packets;
    }
}
