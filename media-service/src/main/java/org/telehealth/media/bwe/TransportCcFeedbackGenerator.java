package org.telehealth.media.bwe;

import java.util.ArrayList;
import java.util.List;
import org.telehealth.media.rtcp.TransportCcFeedback;
import org.telehealth.media.rtcp.TransportCcPacketStatus;
import org.telehealth.media.rtp.WrapAroundUnwrapper;

/**
 * Records when each packet of one publisher's transport arrived, by transport-wide sequence number,
 * and turns what arrived since the last call into transport-cc feedback. A browser's send-side
 * bandwidth estimator only ramps up on this feedback; without it, video stays near its start
 * bitrate. One generator per publishing transport: the sequence numbers count across all of its
 * streams.
 *
 * <p>Each call reports the sequence numbers from where the previous one stopped up to the newest
 * packet received, holes marked as not received. Nothing is reported twice, except a packet first
 * reported as not received that turns up later: it goes out once more, as received, in a feedback
 * of its own at the next call (consecutive late packets share one), because the sender keeps such
 * packets and counts them once their arrival is known. Reordered and duplicate packets are
 * expected: a packet keeps its first arrival time, and one that arrives before the first reported
 * packet joins the first feedback if none has been built yet.
 *
 * <p>A feedback is cut before it could grow past {@link #MAX_FEEDBACK_LENGTH} bytes (counting, to
 * stay cheap, as if every seven packets needed a chunk of their own; the chunks written are often
 * fewer), or where the next receive delta would not fit in 16 bits (arrivals more than 8.19 s
 * apart); the next feedback goes on from there with its own reference time.
 *
 * <p>Memory is bounded: a ring of {@link #HISTORY} sequence numbers up to the newest one. When
 * arrivals run that far ahead of the last feedback, the oldest unreported ones are dropped and never
 * reported; packets older than the ring are ignored. A sender that starts its numbering anew (a
 * jump of half the sequence space or more) is taken for reordering; use a new generator per
 * transport.
 *
 * <p>Thread-safe for its intended use: {@link #onPacket} from the thread that receives the
 * transport's packets, {@link #buildFeedback} from one scheduled task (every 100 ms or so). Both
 * take one lock, held for a few array accesses per packet and one pass over the reported range per
 * feedback.
 */
public final class TransportCcFeedbackGenerator {

    /** How many sequence numbers, up to the newest received, are remembered. */
    public static final int HISTORY = 8192;
    /** Longest feedback built, header included, so that it fits one datagram after SRTCP. */
    public static final int MAX_FEEDBACK_LENGTH = 1200;

    private static final long NANOS_PER_DELTA = TransportCcFeedback.DELTA_UNIT_MICROS * 1_000;
    private static final long NANOS_PER_REFERENCE_TICK = TransportCcFeedback.REFERENCE_TIME_UNIT_MICROS * 1_000;
    private static final long DELTAS_PER_REFERENCE_TICK = NANOS_PER_REFERENCE_TICK / NANOS_PER_DELTA;
    /** Feedback header, base, count, reference time and feedback packet count. */
    private static final int FIXED_LENGTH = 20;
    private static final int CHUNK_LENGTH = 2;
    /** Statuses a 2-bit vector chunk holds: any statuses fit one such chunk per seven. */
    private static final int STATUSES_PER_WORST_CHUNK = 7;

    /** Not received, and not reported: either not yet due, or from before the first feedback. */
    private static final byte EMPTY = 0;
    private static final byte RECEIVED = 1;
    private static final byte REPORTED = 2;
    private static final byte REPORTED_NOT_RECEIVED = 3;
    /** Received after it was reported as not received (or after the feedback that passed it). */
    private static final byte LATE = 4;

    private final Object lock = new Object();
    private final WrapAroundUnwrapper unwrapper = WrapAroundUnwrapper.forSequenceNumbers();
    private final byte[] states = new byte[HISTORY];
    private final long[] arrivals = new long[HISTORY];
    private boolean started;
    private boolean reportedAny;
    private long newest;
    private long nextToReport;
    private int lateCount;
    private int feedbackPacketCount;

    /**
     * Records the arrival of a packet that carried {@code transportSequenceNumber}.
     *
     * @param arrivalNanos when it arrived, on the clock {@code buildFeedback}'s {@code nowNanos}
     *        comes from ({@link System#nanoTime()} in production)
     */
    public void onPacket(int transportSequenceNumber, long arrivalNanos) {
        if (transportSequenceNumber < 0 || transportSequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("transport sequence number " + transportSequenceNumber
                    + " outside 0..65535");
        }
        synchronized (lock) {
            long index = unwrapper.unwrap(transportSequenceNumber);
            if (!started) {
                started = true;
                newest = index;
                nextToReport = index;
            } else if (index > newest) {
                advanceTo(index);
            } else if (index <= newest - HISTORY) {
                return;
            }
            int slot = slot(index);
            byte state = states[slot];
            if (index >= nextToReport) {
                if (state == EMPTY) {
                    record(slot, RECEIVED, arrivalNanos);
                }
            } else if (state == REPORTED_NOT_RECEIVED || state == EMPTY && reportedAny) {
                record(slot, LATE, arrivalNanos);
                lateCount++;
            } else if (state == EMPTY) {
                nextToReport = index;
                record(slot, RECEIVED, arrivalNanos);
            }
        }
    }

    /**
     * The feedback for the packets that arrived since the last call, in sequence order; empty if
     * none did. Reporting stops before the first packet stamped later than {@code nowNanos} (the
     * receive thread got it in while this call was being made): it, any hole before it and anything
     * after it wait for the next call.
     */
    public List<TransportCcFeedback> buildFeedback(long senderSsrc, long mediaSsrc, long nowNanos) {
        List<TransportCcFeedback> feedback = new ArrayList<>();
        synchronized (lock) {
            if (!started) {
                return feedback;
            }
            if (lateCount > 0) {
                reportLateArrivals(senderSsrc, mediaSsrc, nowNanos, feedback);
            }
            long end = nextToReport - 1;
            for (long index = nextToReport; index <= newest; index++) {
                int slot = slot(index);
                if (states[slot] == RECEIVED) {
                    if (arrivals[slot] > nowNanos) {
                        break;
                    }
                    end = index;
                }
            }
            if (end >= nextToReport) {
                report(nextToReport, end, senderSsrc, mediaSsrc, feedback);
                nextToReport = end + 1;
                reportedAny = true;
            }
        }
        return feedback;
    }

    /** Moves the ring on to a new newest packet, forgetting what falls out of it. */
    private void advanceTo(long index) {
        for (long reused = Math.max(newest + 1, index - HISTORY + 1); reused <= index; reused++) {
            int slot = slot(reused);
            if (states[slot] == LATE) {
                lateCount--;
            }
            states[slot] = EMPTY;
        }
        newest = index;
        nextToReport = Math.max(nextToReport, index - HISTORY + 1);
    }

    /** One feedback per run of consecutive late packets, oldest first. */
    private void reportLateArrivals(long senderSsrc, long mediaSsrc, long nowNanos, List<TransportCcFeedback> out) {
        boolean inRun = false;
        long runStart = 0;
        for (long index = newest - HISTORY + 1; index <= nextToReport; index++) {
            int slot = slot(index);
            boolean due = index < nextToReport && states[slot] == LATE && arrivals[slot] <= nowNanos;
            if (due && !inRun) {
                runStart = index;
            } else if (!due && inRun) {
                report(runStart, index - 1, senderSsrc, mediaSsrc, out);
            }
            inRun = due;
        }
    }

    /**
     * Reports {@code from..to}, whose last packet was received, in as many feedbacks as it takes,
     * marking each packet reported.
     */
    private void report(long from, long to, long senderSsrc, long mediaSsrc, List<TransportCcFeedback> out) {
        long start = from;
        while (start <= to) {
            long firstReceived = start;
            while (!isReceived(states[slot(firstReceived)])) {
                firstReceived++;
            }
            long referenceTicks = Math.floorDiv(arrivals[slot(firstReceived)], NANOS_PER_REFERENCE_TICK);
            long previousDeltas = referenceTicks * DELTAS_PER_REFERENCE_TICK;
            List<TransportCcPacketStatus> statuses = new ArrayList<>();
            int deltaBytes = 0;
            long index = start;
            for (; index <= to; index++) {
                int slot = slot(index);
                TransportCcPacketStatus status = TransportCcPacketStatus.NOT_RECEIVED;
                long arrivalDeltas = 0;
                if (isReceived(states[slot])) {
                    arrivalDeltas = Math.floorDiv(arrivals[slot], NANOS_PER_DELTA);
                    long delta = arrivalDeltas - previousDeltas;
                    if (delta < Short.MIN_VALUE || delta > Short.MAX_VALUE) {
                        break;
                    }
                    status = TransportCcPacketStatus.received((int) delta);
                }
                int bytes = deltaBytes + status.deltaLength();
                if (maxLength(statuses.size() + 1, bytes) > MAX_FEEDBACK_LENGTH) {
                    break;
                }
                statuses.add(status);
                deltaBytes = bytes;
                if (status.received()) {
                    previousDeltas = arrivalDeltas;
                    if (states[slot] == LATE) {
                        lateCount--;
                    }
                    states[slot] = REPORTED;
                } else {
                    states[slot] = REPORTED_NOT_RECEIVED;
                }
            }
            out.add(new TransportCcFeedback(senderSsrc, mediaSsrc, (int) (start & 0xFFFF),
                    (int) (referenceTicks << 40 >> 40), feedbackPacketCount, statuses));
            feedbackPacketCount = (feedbackPacketCount + 1) & 0xFF;
            start = index;
        }
    }

    /**
     * The most bytes {@code statuses} packets can take, whatever they are: every seven fit one 2-bit
     * vector chunk. The chunks actually written are as few as possible, often far fewer.
     */
    private static int maxLength(int statuses, int deltaBytes) {
        int chunks = (statuses + STATUSES_PER_WORST_CHUNK - 1) / STATUSES_PER_WORST_CHUNK;
        return (FIXED_LENGTH + CHUNK_LENGTH * chunks + deltaBytes + 3) & ~3;
    }

    private static boolean isReceived(byte state) {
        return state == RECEIVED || state == LATE;
    }

    private void record(int slot, byte state, long arrivalNanos) {
        states[slot] = state;
        arrivals[slot] = arrivalNanos;
    }

    private static int slot(long index) {
        return (int) (index & (HISTORY - 1));
    }
}
