package org.telehealth.media.room;

import org.telehealth.media.rtp.RtpSequenceNumber;

/**
 * Numbers the packets one receiver gets of one simulcast track as one sequence, while the layers
 * they come from each have their own. Packets are forwarded in runs, one per layer switch: within
 * a run a packet's new number is its layer's number plus the run's offset, so a gap the publisher's
 * uplink left stays a gap (the receiver NACKs it); a new run starts at the number after the newest
 * one sent, so a switch leaves none. A packet of the current layer from before its run started
 * (reordered around the switch) is dropped: its number is taken.
 *
 * <pre>
 * layer h:  ... 7001 7002 7003 |                          (h's later packets dropped)
 * layer f:                     | 300 301 302 ...          (switch at f's keyframe, 300)
 * receiver: ... 7001 7002 7003 | 7004 7005 7006 ...       run offset 7004 - 300
 * </pre>
 *
 * <p>Numbers are handled as 64-bit indexes that keep counting past 65535, so runs and wrap-around
 * mix freely. The last {@link #REMEMBERED_RUNS} runs are remembered to turn a receiver's NACK back
 * into the layer packet it asks for ({@link #original}). Not thread-safe: the
 * {@link LayerSwitcher} that owns it serializes calls.
 */
final class SequenceNumberRewriter {

    /** Runs a NACK can reach back into: switches are seconds apart, NACKs a few round trips. */
    static final int REMEMBERED_RUNS = 8;

    /** Where a number the receiver got came from: the run (counting from 0) and the layer's own number. */
    record Origin(int run, int sequenceNumber) {
    }

    private final long[] firstIndexes = new long[REMEMBERED_RUNS];
    private final long[] offsets = new long[REMEMBERED_RUNS];
    private int runs;
    private long runFirstIndex;
    private long newestIndex;
    private long newestSentIndex;

    /**
     * Starts a run at the packet numbered {@code firstSequenceNumber} in its layer: it gets the
     * number after the newest one sent (the first run keeps the layer's numbers).
     *
     * @return the run's number, counting from 0
     */
    int startRun(int firstSequenceNumber) {
        requireSequenceNumber(firstSequenceNumber);
        long sentIndex = runs == 0 ? firstSequenceNumber : newestSentIndex + 1;
        int slot = runs % REMEMBERED_RUNS;
        firstIndexes[slot] = sentIndex;
        offsets[slot] = sentIndex - firstSequenceNumber;
        runFirstIndex = firstSequenceNumber;
        newestIndex = firstSequenceNumber;
        newestSentIndex = sentIndex;
        return runs++;
    }

    /**
     * Whether a packet of the current run's layer numbered {@code sequenceNumber} goes on: not if
     * it comes from before the run started. Notes it as the newest sent when it is.
     *
     * @throws IllegalStateException before the first run
     */
    boolean accept(int sequenceNumber) {
        requireSequenceNumber(sequenceNumber);
        if (runs == 0) {
            throw new IllegalStateException("no run started");
        }
        long index = newestIndex + RtpSequenceNumber.difference(sequenceNumber, (int) newestIndex);
        if (index < runFirstIndex) {
            return false;
        }
        if (index > newestIndex) {
            newestIndex = index;
            newestSentIndex = index + offsets[(runs - 1) % REMEMBERED_RUNS];
        }
        return true;
    }

    /** Whether {@code sequenceNumber} is the newest packet of the current run accepted so far. */
    boolean isNewest(int sequenceNumber) {
        return (int) (newestIndex & 0xFFFF) == sequenceNumber;
    }

    /** What to add (modulo 2^16) to a layer's number in run {@code run} to get the receiver's. */
    int offset(int run) {
        return (int) (offsets[run % REMEMBERED_RUNS] & 0xFFFF);
    }

    /** The run packets are forwarded in now, or -1 before the first. */
    int currentRun() {
        return runs - 1;
    }

    /**
     * The layer packet behind number {@code sent} of the receiver's sequence, or null if no packet
     * was sent with it, or it belongs to a run too old to remember.
     */
    SequenceNumberRewriter.Origin original(int sent) {
        requireSequenceNumber(sent);
        if (runs == 0) {
            return null;
        }
        long index = newestSentIndex + RtpSequenceNumber.difference(sent, (int) newestSentIndex);
        if (index > newestSentIndex) {
            return null;
        }
        for (int run = runs - 1; run >= Math.max(0, runs - REMEMBERED_RUNS); run--) {
            int slot = run % REMEMBERED_RUNS;
            if (firstIndexes[slot] <= index) {
                return new Origin(run, (int) ((index - offsets[slot]) & 0xFFFF));
            }
        }
        return null;
    }

    private static void requireSequenceNumber(int sequenceNumber) {
        if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
            throw new IllegalArgumentException("sequence number " + sequenceNumber + " outside 0..65535");
        }
    }
}
