package org.telehealth.media.stats;

import org.telehealth.media.rtcp.ReportBlock;
import org.telehealth.media.rtp.WrapAroundUnwrapper;

/**
 * How one RTP stream reaches the SFU, in the terms of an RTCP report block (RFC 3550 §6.4.1,
 * computed as its appendices A.3 and A.8 do): the extended highest sequence number, the packets
 * lost in all and since the previous report, the interarrival jitter, and the last sender report
 * received. Receiver reports built from it tell the publisher's browser how its uplink is doing
 * and, with LSR and DLSR, its round trip to the SFU; the stats API shows the same figures.
 *
 * <ul>
 *   <li>Sequence numbers are unwrapped into indexes that keep counting past 65535
 *       ({@link WrapAroundUnwrapper}); the extended highest sequence number is the highest index.
 *       There is no probation period nor resynchronisation after a large jump (RFC 3550 A.1): the
 *       SSRC was announced in SDP and each packet passed SRTP authentication.
 *   <li>Expected packets run from the first index seen (or an older one that turns up late) to the
 *       highest; every packet received counts, so duplicates can make the loss negative, as RFC
 *       3550 allows.
 *   <li>Jitter is kept scaled by 16 in integers, as A.8 does, in RTP timestamp units of the codec's
 *       clock. Only packets newer than all before them and not retransmitted update it: a late or
 *       resent packet says nothing about how the network spaces packets.
 * </ul>
 *
 * <p>Thread-safe: packets come from the media thread, reports are built by the feedback timer and
 * the stats API reads; each call holds the lock for a few arithmetic operations.
 */
public final class ReceiveStatistics {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** DLSR and LSR count 1/65536 s. */
    private static final long NTP_SHORT_UNITS_PER_SECOND = 65_536;

    private final int clockRate;
    private final WrapAroundUnwrapper sequenceNumbers = WrapAroundUnwrapper.forSequenceNumbers();
    private boolean started;
    private long baseIndex;
    private long highestIndex;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private int fractionLost;
    private long firstArrivalNanos;
    private boolean hasTransit;
    private long lastTransit;
    /** Interarrival jitter times 16. */
    private long scaledJitter;
    private boolean hasSenderReport;
    private long lastSenderReport;
    private long lastSenderReportArrivalNanos;

    /** @param clockRate the RTP clock of the stream's codec, in Hz (Opus 48000, video 90000) */
    public ReceiveStatistics(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate " + clockRate + " Hz is not positive");
        }
        this.clockRate = clockRate;
    }

    /**
     * Counts a packet of the stream. Runs per packet.
     *
     * @param retransmitted whether it came back through retransmission (RTX) rather than first-hand
     */
    public synchronized void onPacket(int sequenceNumber, long rtpTimestamp, long arrivalNanos, boolean retransmitted) {
        long index = sequenceNumbers.unwrap(sequenceNumber);
        received++;
        if (!started) {
            started = true;
            baseIndex = index;
            highestIndex = index;
            firstArrivalNanos = arrivalNanos;
        } else if (index > highestIndex) {
            highestIndex = index;
        } else {
            baseIndex = Math.min(baseIndex, index);
            return;
        }
        if (!retransmitted) {
            updateJitter(rtpTimestamp, arrivalNanos);
        }
    }

    /** Notes a sender report of the stream, whose middle 32 NTP bits were {@code compactNtpTimestamp}. */
    public synchronized void onSenderReport(long compactNtpTimestamp, long arrivalNanos) {
        hasSenderReport = true;
        lastSenderReport = compactNtpTimestamp;
        lastSenderReportArrivalNanos = arrivalNanos;
    }

    /**
     * The report block about the stream as of {@code nowNanos}, which ends the interval its fraction
     * lost covers and starts the next; null before the first packet.
     */
    public synchronized ReportBlock report(long ssrc, long nowNanos) {
        if (!started) {
            return null;
        }
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        expectedPrior = expected;
        receivedPrior = received;
        fractionLost = expectedInterval == 0 || lostInterval <= 0
                ? 0 : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        long delaySinceLastSenderReport = 0;
        if (hasSenderReport) {
            long held = Math.max(0, nowNanos - lastSenderReportArrivalNanos);
            delaySinceLastSenderReport = Math.min(0xFFFF_FFFFL, held * NTP_SHORT_UNITS_PER_SECOND / NANOS_PER_SECOND);
        }
        return new ReportBlock(ssrc, fractionLost, cumulativeLost(), highestIndex & 0xFFFF_FFFFL, scaledJitter >> 4,
                hasSenderReport ? lastSenderReport : 0, delaySinceLastSenderReport);
    }

    /** Packets expected minus packets received since the first, clamped to what a report block holds. */
    public synchronized int cumulativeLost() {
        long lost = started ? expected() - received : 0;
        return (int) Math.max(ReportBlock.MIN_CUMULATIVE_LOST, Math.min(ReportBlock.MAX_CUMULATIVE_LOST, lost));
    }

    /** The fraction lost, in 256ths, over the interval the last report covered; 0 before the first report. */
    public synchronized int fractionLost() {
        return fractionLost;
    }

    /** The interarrival jitter, in RTP timestamp units. */
    public synchronized long jitter() {
        return scaledJitter >> 4;
    }

    /** The interarrival jitter in milliseconds. */
    public synchronized double jitterMillis() {
        return (scaledJitter >> 4) * 1000.0 / clockRate;
    }

    private long expected() {
        return highestIndex - baseIndex + 1;
    }

    /**
     * A.8: the transit time is the arrival, on the stream's RTP clock, minus the packet's timestamp;
     * the jitter moves a sixteenth of the way towards each change in transit time.
     */
    private void updateJitter(long rtpTimestamp, long arrivalNanos) {
        long transit = timestampUnits(arrivalNanos - firstArrivalNanos) - rtpTimestamp;
        if (hasTransit) {
            long change = Math.abs((long) (int) (transit - lastTransit)); // RTP timestamps wrap at 2^32
            scaledJitter += change - ((scaledJitter + 8) >> 4);
        }
        lastTransit = transit;
        hasTransit = true;
    }

    /** {@code nanos} on the stream's RTP clock, without overflow for any uptime. */
    private long timestampUnits(long nanos) {
        long seconds = Math.floorDiv(nanos, NANOS_PER_SECOND);
        long rest = Math.floorMod(nanos, NANOS_PER_SECOND);
        return seconds * clockRate + rest * clockRate / NANOS_PER_SECOND;
    }
}
