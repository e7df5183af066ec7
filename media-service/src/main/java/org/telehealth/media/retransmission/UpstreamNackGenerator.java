package org.telehealth.media.retransmission;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.telehealth.media.rtp.RtpSequenceNumber;

/**
 * Finds the packets of one published stream that never reached the SFU and says when to NACK
 * them to the publisher, so that a loss on the publisher's uplink is repaired once, at the SFU,
 * instead of by every receiver on its own.
 *
 * <p>A packet newer than the newest one by more than one opens a gap: the packets in between are
 * missing and due for a NACK at once. A missing packet is NACKed at most {@value #MAX_NACKS}
 * times, at least {@link #RETRY_INTERVAL_NANOS} apart, and given up on after its third NACK or
 * {@link #GIVE_UP_NANOS} after it went missing, whichever comes first: by then the receivers'
 * jitter buffers have moved on. A missing packet that arrives (late, or as the publisher's RTX
 * answer) is no longer NACKed. A gap of more than {@value #MAX_MISSING} packets is not NACKed at
 * all: asking for that much costs the publisher more than the keyframe the caller should request
 * instead. At most {@value #MAX_MISSING} packets are tracked; a newer gap evicts the oldest.
 *
 * <p>Retries are driven by the caller polling {@link #due} as packets arrive, not by a timer: a
 * publisher's packets (video at several per frame, and its audio every 20 ms, which the forwarder
 * also polls on) arrive far more often than the 20 ms retry interval, so polls come when retries
 * are due, with no thread, no wake-ups for idle streams and no state shared with a timer. A
 * publisher that falls silent gets no retries, but then it has nothing to repair with either.
 *
 * <p>Missing packets sit in a ring in the order they went missing, which is ascending sequence
 * order; times come from the caller, a monotonic clock in nanoseconds. Nothing is allocated per
 * packet unless NACKs are due. Thread-safe.
 */
public final class UpstreamNackGenerator {

    /** Missing packets tracked at once, and the largest gap that is NACKed rather than given up on. */
    public static final int MAX_MISSING = 256;
    /** NACKs per missing packet. */
    public static final int MAX_NACKS = 3;
    /** Least time between two NACKs of the same packet: about one round trip to a publisher nearby. */
    public static final long RETRY_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** A packet missing for this long is given up on, NACKed or not. */
    public static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** What the arrival of a packet meant for the stream. */
    public enum Arrival {
        /** The first packet, or the one after the newest. */
        NEXT,
        /** Newer than the one after the newest: the packets in between are missing and will be NACKed. */
        AFTER_GAP,
        /** More than {@value #MAX_MISSING} packets newer: they are not NACKed; ask for a keyframe. */
        AFTER_LARGE_GAP,
        /** One of the missing packets: it is no longer NACKed. */
        FILLED_GAP,
        /** Neither newer nor missing: a copy, or a packet given up on. */
        OLD
    }

    private static final int MASK = MAX_MISSING - 1;
    private static final int GONE = -1;

    private final int[] sequenceNumbers = new int[MAX_MISSING];
    private final long[] missingSince = new long[MAX_MISSING];
    private final long[] lastNackAt = new long[MAX_MISSING];
    private final int[] nacksSent = new int[MAX_MISSING];
    private int head;
    private int size;
    private int pending;
    private long nextDueNanos;
    private boolean started;
    private int newest;

    /**
     * Notes the arrival of the packet with this sequence number at {@code nowNanos}.
     *
     * @throws IllegalArgumentException if the sequence number is outside 0..65535
     */
    public synchronized Arrival onPacket(int sequenceNumber, long nowNanos) {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number " + sequenceNumber + " outside 0..65535");
        }
        if (!started) {
            started = true;
            newest = sequenceNumber;
            return Arrival.NEXT;
        }
        int ahead = RtpSequenceNumber.difference(sequenceNumber, newest);
        if (ahead > 0) {
            int previous = newest;
            newest = sequenceNumber;
            int gap = ahead - 1;
            if (gap == 0) {
                return Arrival.NEXT;
            }
            if (gap > MAX_MISSING) {
                forgetAll();
                return Arrival.AFTER_LARGE_GAP;
            }
            if (pending == 0 || nowNanos - nextDueNanos < 0) {
                nextDueNanos = nowNanos;
            }
            for (int i = 1; i <= gap; i++) {
                append(RtpSequenceNumber.add(previous, i), nowNanos);
            }
            return Arrival.AFTER_GAP;
        }
        return ahead < 0 && remove(sequenceNumber) ? Arrival.FILLED_GAP : Arrival.OLD;
    }

    /**
     * The missing packets to NACK now, in ascending sequence order, each counted as NACKed; empty
     * when none is due. Between retries this returns at once, without looking at the packets.
     */
    public synchronized List<Integer> due(long nowNanos) {
        if (pending == 0 || nowNanos - nextDueNanos < 0) {
            return List.of();
        }
        List<Integer> lost = new ArrayList<>();
        boolean anyLeft = false;
        long nextDue = 0;
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & MASK;
            if (sequenceNumbers[slot] == GONE) {
                continue;
            }
            if (nowNanos - missingSince[slot] >= GIVE_UP_NANOS) {
                drop(slot);
                continue;
            }
            if (nacksSent[slot] == 0 || nowNanos - lastNackAt[slot] >= RETRY_INTERVAL_NANOS) {
                lost.add(sequenceNumbers[slot]);
                lastNackAt[slot] = nowNanos;
                if (++nacksSent[slot] == MAX_NACKS) {
                    drop(slot);
                    continue;
                }
            }
            long retryAt = lastNackAt[slot] + RETRY_INTERVAL_NANOS;
            if (!anyLeft || retryAt - nextDue < 0) {
                nextDue = retryAt;
                anyLeft = true;
            }
        }
        nextDueNanos = nextDue;
        trimHead();
        return lost;
    }

    /** How many packets are missing and not yet given up on. */
    public synchronized int missing() {
        return pending;
    }

    private void append(int sequenceNumber, long nowNanos) {
        if (size == MAX_MISSING) {
            if (sequenceNumbers[head] != GONE) {
                pending--;
            }
            head = (head + 1) & MASK;
            size--;
        }
        int slot = (head + size) & MASK;
        sequenceNumbers[slot] = sequenceNumber;
        missingSince[slot] = nowNanos;
        nacksSent[slot] = 0;
        size++;
        pending++;
    }

    private boolean remove(int sequenceNumber) {
        for (int i = 0; i < size; i++) {
            int slot = (head + i) & MASK;
            if (sequenceNumbers[slot] == sequenceNumber) {
                drop(slot);
                trimHead();
                return true;
            }
        }
        return false;
    }

    private void drop(int slot) {
        sequenceNumbers[slot] = GONE;
        pending--;
    }

    private void trimHead() {
        while (size > 0 && sequenceNumbers[head] == GONE) {
            head = (head + 1) & MASK;
            size--;
        }
    }

    private void forgetAll() {
        head = 0;
        size = 0;
        pending = 0;
    }
}
