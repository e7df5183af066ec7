package org.telehealth.recording.capture;

import java.util.Map;
import java.util.TreeMap;

/**
 * Puts one SSRC's RTP packets back in sequence order before they are depacketized. Packets are
 * released as soon as every earlier one is there; a missing packet is waited for until the packet
 * after it has been held {@code maxDelayNanos}, or until {@code capacity} packets wait behind it,
 * then given up as lost: the next packet is released marked as following a loss, so the
 * depacketizer drops the frame it broke. Duplicates and packets older than what was released are
 * dropped. Sequence numbers are counted on 64 bits, so wrap-around is ordinary.
 *
 * <pre>
 * arrive:   1 2 4 3 5 5 7 ......(delay)...... 8
 * release:  1 2 - 3 4 5 - - - - - - - - - - - 7(after loss) 8
 * dropped:            5 (duplicate)           6 given up
 * </pre>
 *
 * Not thread-safe: one capture thread owns it.
 */
public final class JitterBuffer {

    /** Receives released packets in sequence order. */
    @FunctionalInterface
    public interface Output {
        void release(RtpPacket packet, boolean afterLoss, long arrivalNanos);
    }

    private record Held(RtpPacket packet, long arrivalNanos) {
    }

    private static final int RECENT = 1024;

    private final int capacity;
    private final long maxDelayNanos;
    private final TreeMap<Long, Held> held = new TreeMap<>();
    /** The last packets released, by index modulo its length: a copy of one of them is a duplicate, not late. */
    private final long[] released = new long[RECENT];
    private boolean started;
    private long highest;
    private long next;
    private boolean lossPending;
    private long lost;
    private long duplicates;
    private long late;

    public JitterBuffer(int capacity, long maxDelayNanos) {
        java.util.Arrays.fill(released, -1);
        if (capacity < 1 || maxDelayNanos < 0) {
            throw new IllegalArgumentException("capacity is positive and the delay not negative");
        }
        this.capacity = capacity;
        this.maxDelayNanos = maxDelayNanos;
    }

    /** Takes a packet that arrived at {@code nowNanos}; releases what it completes, and what waited too long. */
    public void push(RtpPacket packet, long nowNanos, Output output) {
        long index = unwrap(packet.sequenceNumber());
        if (index < next) {
            if (released[(int) Math.floorMod(index, (long) RECENT)] == index) {
                duplicates++;
            } else {
                late++;
            }
            return;
        }
        if (held.containsKey(index)) {
            duplicates++;
            return;
        }
        if (index >= next + 2L * capacity + 1000) { // a jump no reordering explains: the stream restarted
            flush(output);
            next = index;
        }
        held.put(index, new Held(packet, nowNanos));
        drain(nowNanos, output);
    }

    /** Releases what waited too long for a missing packet; called when nothing arrives for a while. */
    public void poll(long nowNanos, Output output) {
        drain(nowNanos, output);
    }

    /** Releases everything held, in order, gaps skipped: the recording ends. */
    public void flush(Output output) {
        while (!held.isEmpty()) {
            skipTo(held.firstKey());
            release(output);
        }
    }

    /** Packets given up as lost. */
    public long lost() {
        return lost;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Packets that came after the buffer had released (or given up) their place. */
    public long late() {
        return late;
    }

    private void drain(long nowNanos, Output output) {
        while (!held.isEmpty()) {
            Map.Entry<Long, Held> first = held.firstEntry();
            if (first.getKey() != next) {
                boolean waitedTooLong = nowNanos - first.getValue().arrivalNanos() >= maxDelayNanos;
                if (!waitedTooLong && held.size() < capacity) {
                    return;
                }
                skipTo(first.getKey());
            }
            release(output);
        }
    }

    private void skipTo(long index) {
        if (index > next) {
            lost += index - next;
            lossPending = true;
            next = index;
        }
    }

    private void release(Output output) {
        Map.Entry<Long, Held> entry = held.pollFirstEntry();
        Held first = entry.getValue();
        released[(int) Math.floorMod(entry.getKey(), (long) RECENT)] = entry.getKey();
        next++;
        boolean afterLoss = lossPending;
        lossPending = false;
        output.release(first.packet(), afterLoss, first.arrivalNanos());
    }

    private long unwrap(int sequenceNumber) {
        if (!started) {
            started = true;
            highest = sequenceNumber;
            next = sequenceNumber;
            return sequenceNumber;
        }
        long candidate = highest + (short) (sequenceNumber - (int) (highest & 0xFFFF));
        if (candidate > highest) {
            highest = candidate;
        }
        return candidate;
    }
}
