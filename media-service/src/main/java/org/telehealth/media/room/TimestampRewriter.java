package org.telehealth.media.room;

import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtp.RtpTimestamp;

/**
 * Keeps the RTP timestamps one receiver gets of one simulcast track on one clock, while each layer
 * has its own random starting point. Within a run (see {@link SequenceNumberRewriter}) a timestamp
 * is its layer's plus the run's offset, so frame timing within a layer is untouched; a new run's
 * offset is chosen so the receiver's clock goes on where it was:
 *
 * <ul>
 *   <li>when the publisher's latest sender reports of both layers are known, so that the
 *       receiver's timestamps map to the publisher's wall clock exactly as before the switch: the
 *       sender reports relayed after it (rewritten by the same offset) then agree with those before,
 *       and lip sync holds;
 *   <li>otherwise, or when that would not move forward (or be more than
 *       {@link #MAX_ALIGNMENT_ERROR_TICKS} off the next method), the last timestamp sent plus the
 *       time since that packet arrived, on the 90 kHz clock.
 * </ul>
 *
 * <pre>
 * layer h:  ts 1000, 4000, 7000 |
 * layer f:                      | ts 500900 (keyframe, 33 ms after h's 7000 arrived), 503900 ...
 * receiver: ts 1000, 4000, 7000 | 10000, 13000 ...                  run offset 10000 - 500900
 * </pre>
 *
 * Not thread-safe: the {@link LayerSwitcher} that owns it serializes calls.
 */
final class TimestampRewriter {

    /** Every video codec's RTP clock. */
    static final long CLOCK_RATE = 90_000;
    /** How far the sender reports may put a switch from the arrival-time estimate: half a second. */
    static final long MAX_ALIGNMENT_ERROR_TICKS = CLOCK_RATE / 2;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Sender reports more than this far apart on the publisher's clock are not used together. */
    private static final long MAX_REPORT_DISTANCE_NTP = 60L << 32;

    private boolean started;
    private long offset;
    private long newestSent;
    private long newestSentAtNanos;

    /**
     * Starts a run whose first packet, stamped {@code firstTimestamp} by its layer, arrived at
     * {@code nowNanos}; the first run keeps the layer's timestamps.
     *
     * @param previousLayer the publisher's latest sender report of the layer the last run came
     *        from, or null
     * @param nextLayer the publisher's latest sender report of the layer this run comes from, or null
     * @return the run's offset, to add modulo 2^32
     */
    long startRun(long firstTimestamp, long nowNanos, SenderReport previousLayer, SenderReport nextLayer) {
        if (!started) {
            offset = 0;
        } else {
            long elapsedTicks = Math.max(1, (nowNanos - newestSentAtNanos) * CLOCK_RATE / NANOS_PER_SECOND);
            long byArrival = RtpTimestamp.add(newestSent, elapsedTicks);
            long first = byArrival;
            if (previousLayer != null && nextLayer != null) {
                long bySenderReports = alignedBySenderReports(firstTimestamp, previousLayer, nextLayer);
                if (bySenderReports >= 0 && RtpTimestamp.isNewer(bySenderReports, newestSent)
                        && Math.abs(RtpTimestamp.difference(bySenderReports, byArrival)) <= MAX_ALIGNMENT_ERROR_TICKS) {
                    first = bySenderReports;
                }
            }
            offset = RtpTimestamp.add(first, -firstTimestamp);
        }
        started = true;
        newestSent = RtpTimestamp.add(firstTimestamp, offset);
        newestSentAtNanos = nowNanos;
        return offset;
    }

    /** Notes a packet of the current run forwarded at {@code nowNanos}, if its timestamp is the newest sent. */
    void onForwarded(long timestamp, long nowNanos) {
        long sent = RtpTimestamp.add(timestamp, offset);
        if (RtpTimestamp.isNewer(sent, newestSent)) {
            newestSent = sent;
            newestSentAtNanos = nowNanos;
        }
    }

    /** The current run's offset. */
    long offset() {
        return offset;
    }

    /**
     * The receiver's timestamp for {@code firstTimestamp} such that the receiver's timestamps keep
     * meaning the same wall-clock instants: the previous layer's mapping (its report, moved by the
     * current offset) carried over to the next layer's. -1 if the reports are too far apart.
     */
    private long alignedBySenderReports(long firstTimestamp, SenderReport previousLayer, SenderReport nextLayer) {
        long ntpDistance = nextLayer.ntpTimestamp() - previousLayer.ntpTimestamp();
        if (Math.abs(ntpDistance) > MAX_REPORT_DISTANCE_NTP) {
            return -1;
        }
        long ticksBetweenReports = Math.floorDiv(ntpDistance * CLOCK_RATE, 1L << 32);
        long nextReportOnReceiverClock = RtpTimestamp.add(RtpTimestamp.add(previousLayer.rtpTimestamp(), offset),
                ticksBetweenReports);
        return RtpTimestamp.add(nextReportOnReceiverClock, RtpTimestamp.difference(firstTimestamp, nextLayer.rtpTimestamp()));
    }
}
