package org.telehealth.media.room;

import org.telehealth.media.rtcp.ReportBlock;

/**
 * The sender reports the SFU relayed to one receiver lately and when each left, so that the report
 * blocks the receiver sends back give the round trip between the SFU and that receiver. A block
 * about a stream echoes the compact NTP timestamp of the last SR the receiver got for it (LSR) and
 * how long it held it before reporting (DLSR); RFC 3550 §6.4.1 gives RTT = arrival - LSR - DLSR.
 * The NTP timestamps here are the publisher's, on its clock, so they are only used to name the SR;
 * the SFU takes "LSR" to be the moment, on its own clock, that it sent that SR to this receiver.
 *
 * <p>Holds the last {@link #REMEMBERED} relays (a receiver gets about one SR per stream and second,
 * and reports within a few seconds) and the latest round trip measured. Kept by the receiving
 * {@link Participant}, so it goes when they leave. Written from the media thread, read by the
 * stats API.
 */
final class RelayedSenderReports {

    /** Two SRs of each of eight streams. */
    static final int REMEMBERED = 16;
    /** What {@link #roundTripNanos()} answers before any report block matched a relayed SR. */
    static final long UNKNOWN = -1;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** DLSR is in 1/65536 s: a receiver's rounding may make a very short round trip read a little below zero. */
    private static final long ROUNDING_TOLERANCE_NANOS = 1_000_000L;

    private final long[] ssrcs = new long[REMEMBERED];
    private final long[] compactNtpTimestamps = new long[REMEMBERED];
    private final long[] sentNanos = new long[REMEMBERED];
    private int count;
    private int next;
    private volatile long roundTripNanos = UNKNOWN;

    /** Notes that an SR of {@code ssrc} whose compact NTP timestamp is {@code compactNtpTimestamp} went to this receiver. */
    synchronized void sent(long ssrc, long compactNtpTimestamp, long nowNanos) {
        ssrcs[next] = ssrc;
        compactNtpTimestamps[next] = compactNtpTimestamp;
        sentNanos[next] = nowNanos;
        next = (next + 1) % REMEMBERED;
        count = Math.min(count + 1, REMEMBERED);
    }

    /**
     * Takes the round trip from a report block this receiver sent, if it answers an SR the SFU
     * relayed to it; other blocks (no SR received yet, an SR too old to be remembered) are ignored.
     */
    synchronized void onReportBlock(ReportBlock block, long arrivalNanos) {
        if (block.lastSenderReport() == 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            if (ssrcs[i] == block.ssrc() && compactNtpTimestamps[i] == block.lastSenderReport()) {
                long held = block.delaySinceLastSenderReport() * NANOS_PER_SECOND / 65_536;
                long roundTrip = arrivalNanos - sentNanos[i] - held;
                if (roundTrip >= -ROUNDING_TOLERANCE_NANOS) {
                    roundTripNanos = Math.max(0, roundTrip);
                }
                return;
            }
        }
    }

    /** The latest round trip measured, in nanoseconds, or {@link #UNKNOWN}. */
    long roundTripNanos() {
        return roundTripNanos;
    }
}
