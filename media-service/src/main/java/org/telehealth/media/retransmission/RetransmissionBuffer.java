package org.telehealth.media.retransmission;

import java.util.Arrays;
import java.util.Optional;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.rtp.RtpSequenceNumber;

/**
 * Copies of the last packets of one forwarded RTP stream (one SSRC), so that the SFU can answer a
 * receiver's NACK from its own memory: the lost packet reaches the receiver one SFU hop sooner than
 * if the NACK went on to the publisher, and the publisher's uplink is not spent twice.
 *
 * <p>A ring of {@code capacity} slots indexed by the unwrapped sequence number (see
 * {@link org.telehealth.media.rtp.WrapAroundUnwrapper}), so a stream can wrap from 65535 to 0 and
 * a capacity need not divide 65536. Only packets less than {@code capacity} behind the newest one
 * stored are kept and returned; a newer packet evicts the one {@code capacity} before it, and a
 * second packet with the same sequence number replaces the first. A slot's 1500-byte array is
 * allocated on its first use and reused from then on, so the buffer never holds more than
 * {@code capacity * 1500} bytes and storing allocates nothing once it is full.
 *
 * <p>Like {@link org.telehealth.media.rtp.WrapAroundUnwrapper}, a jump of half the sequence number
 * space or more is taken as a very late packet and ignored; a publisher that restarts its
 * numbering needs a new buffer. Thread-safe: the publisher's thread stores while receivers'
 * threads look packets up.
 */
public final class RetransmissionBuffer implements RetransmissionSource {

    /** Packets longer than this (an Ethernet MTU) are not kept; no WebRTC stack sends them. */
    public static final int MAX_PACKET_LENGTH = 1500;
    /** The largest capacity: beyond half the sequence number space "behind" becomes ambiguous. */
    public static final int MAX_CAPACITY = RtpSequenceNumber.MODULUS / 2;

    private static final long EMPTY = Long.MIN_VALUE;
    private static final int NO_SLOT = -1;

    private final long ssrc;
    private final int capacity;
    private final byte[][] slots;
    private final int[] lengths;
    private final long[] indexes;
    private boolean started;
    private long newestIndex;

    /**
     * @param ssrc the stream whose packets this buffer keeps
     * @param capacity how many of the newest sequence numbers are kept, 1 to {@link #MAX_CAPACITY}
     */
    public RetransmissionBuffer(long ssrc, int capacity) {
        if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("SSRC " + ssrc + " outside 0..4294967295");
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity " + capacity + " outside 1.." + MAX_CAPACITY);
        }
        this.ssrc = ssrc;
        this.capacity = capacity;
        this.slots = new byte[capacity][];
        this.lengths = new int[capacity];
        this.indexes = new long[capacity];
        Arrays.fill(indexes, EMPTY);
    }

    @Override
    public long ssrc() {
        return ssrc;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /**
     * Keeps a copy of the RTP packet in {@code length} bytes of {@code packet} from {@code offset};
     * the caller may reuse its buffer afterwards.
     *
     * @return whether the packet was kept: false if it is longer than {@link #MAX_PACKET_LENGTH} or
     *         {@code capacity} or more packets behind the newest one stored
     * @throws MalformedRtpException if the bytes are not an RTP packet; nothing is stored
     * @throws IllegalArgumentException if the range does not fit the array or the packet belongs
     *         to another SSRC (the caller routes packets by SSRC, so that is its bug)
     */
    public boolean store(byte[] packet, int offset, int length) throws MalformedRtpException {
        return store(RtpPacket.parse(packet, offset, length));
    }

    /**
     * Keeps a copy of {@code rtp}, a packet parsed already (the forwarder's, once per packet), as
     * {@link #store(byte[], int, int)} does; the caller may reuse its buffer afterwards.
     *
     * @return whether the packet was kept
     * @throws IllegalArgumentException if the packet belongs to another SSRC
     */
    public synchronized boolean store(RtpPacket rtp) {
        int length = rtp.length();
        if (rtp.ssrc() != ssrc) {
            throw new IllegalArgumentException("packet of SSRC " + rtp.ssrc() + " offered to the buffer of SSRC " + ssrc);
        }
        if (length > MAX_PACKET_LENGTH) {
            return false;
        }
        long index = started ? indexOf(rtp.sequenceNumber()) : rtp.sequenceNumber();
        if (started && index <= newestIndex - capacity) {
            return false;
        }
        int slot = Math.floorMod(index, capacity);
        if (slots[slot] == null) {
            slots[slot] = new byte[MAX_PACKET_LENGTH];
        }
        System.arraycopy(rtp.buffer(), rtp.offset(), slots[slot], 0, length);
        lengths[slot] = length;
        indexes[slot] = index;
        if (!started || index > newestIndex) {
            newestIndex = index;
            started = true;
        }
        return true;
    }

    /**
     * A copy of the stored packet with this sequence number, exactly as long as the packet, which
     * the caller owns and may rewrite (for RTX or SRTP); empty if no such packet was stored or it
     * has been evicted.
     */
    @Override
    public synchronized Optional<byte[]> find(int sequenceNumber) {
        int slot = slotHolding(sequenceNumber);
        return slot == NO_SLOT ? Optional.empty() : Optional.of(Arrays.copyOf(slots[slot], lengths[slot]));
    }

    /**
     * Whether the packet with this sequence number is stored: what {@link #find} would return,
     * without copying it. The forwarder asks this of every packet to drop copies of packets it
     * already forwarded.
     */
    public synchronized boolean contains(int sequenceNumber) {
        return slotHolding(sequenceNumber) != NO_SLOT;
    }

    private int slotHolding(int sequenceNumber) {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number " + sequenceNumber + " outside 0..65535");
        }
        if (!started) {
            return NO_SLOT;
        }
        long index = indexOf(sequenceNumber);
        if (index > newestIndex || index <= newestIndex - capacity) {
            return NO_SLOT;
        }
        int slot = Math.floorMod(index, capacity);
        return indexes[slot] == index ? slot : NO_SLOT;
    }

    /** The unwrapped index of {@code sequenceNumber}: the one nearest the newest index. */
    private long indexOf(int sequenceNumber) {
        return newestIndex + RtpSequenceNumber.difference(sequenceNumber, (int) newestIndex);
    }
}
