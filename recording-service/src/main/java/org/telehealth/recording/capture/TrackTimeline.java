package org.telehealth.recording.capture;

/**
 * Puts one track's RTP timestamps on the recorder's clock, so that every track of a recording
 * shares one timeline. With a sender report of the track and its participant's
 * {@link SenderClock}: the report's NTP/RTP pair, moved by the timestamp's distance from it, is the
 * moment the sender captured the frame, on the participant's clock, then on the recorder's (lip
 * sync holds: the participant's audio and video go through the same clock). Before the track's
 * first sender report: by arrival, the frame that arrived earliest for its timestamp setting the
 * offset (a packet is delayed by the network or a busy recorder, never early, so one stall does not
 * shift the track). Timestamps are unwrapped to 64 bits against the newest one seen.
 *
 * <pre>
 * with an SR:    t = clock(NTP_sr) + (ts - RTP_sr) / rate
 * before any SR: t = min over frames so far (arrival - ts / rate) + ts / rate
 * </pre>
 */
final class TrackTimeline {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int clockRate;
    private final SenderClock clock;
    private boolean started;
    private long newest;
    private long arrivalOffsetNanos;
    private boolean reported;
    private long reportTimestamp;
    private long reportNtpNanos;

    TrackTimeline(int clockRate, SenderClock clock) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("a clock rate is positive");
        }
        this.clockRate = clockRate;
        this.clock = clock;
    }

    /** Notes the track's sender report: {@code rtpTimestamp} is the same instant as {@code ntpTimestamp}. */
    void onSenderReport(long ntpTimestamp, long rtpTimestamp, long arrivalNanos) {
        clock.onSenderReport(ntpTimestamp, arrivalNanos);
        reportTimestamp = started ? unwrap(rtpTimestamp, false) : rtpTimestamp;
        reportNtpNanos = SenderClock.ntpNanos(ntpTimestamp);
        reported = true;
    }

    /**
     * Notes a frame stamped {@code rtpTimestamp} that arrived at {@code arrivalNanos}, and gives its
     * timestamp unwrapped to 64 bits, for {@link #toRecorderNanos}.
     */
    long observe(long rtpTimestamp, long arrivalNanos) {
        long timestamp;
        if (!started) {
            started = true;
            newest = rtpTimestamp;
            arrivalOffsetNanos = arrivalNanos - ticksToNanos(rtpTimestamp);
            if (reported) {
                reportTimestamp = rebase(reportTimestamp);
            }
            return rtpTimestamp;
        }
        timestamp = unwrap(rtpTimestamp, true);
        arrivalOffsetNanos = Math.min(arrivalOffsetNanos, arrivalNanos - ticksToNanos(timestamp));
        return timestamp;
    }

    /**
     * When, on the recorder's clock, the frame of unwrapped timestamp {@code timestamp} was
     * captured, by what the timeline knows now (later reports and arrivals refine it).
     */
    long toRecorderNanos(long timestamp) {
        if (reported && clock.known()) {
            return clock.toRecorderNanos(reportNtpNanos) + ticksToNanos(timestamp - reportTimestamp);
        }
        return arrivalOffsetNanos + ticksToNanos(timestamp);
    }

    private long ticksToNanos(long ticks) {
        return Math.floorDiv(ticks * NANOS_PER_SECOND, clockRate);
    }

    /** A 32-bit timestamp as the 64-bit one nearest the newest seen. */
    private long unwrap(long rtpTimestamp, boolean advance) {
        long candidate = newest + (int) (rtpTimestamp - (newest & 0xFFFF_FFFFL));
        if (advance && candidate > newest) {
            newest = candidate;
        }
        return candidate;
    }

    /** A report's 32-bit timestamp seen before the first frame, unwrapped against it. */
    private long rebase(long reportRtp) {
        return newest + (int) (reportRtp - (newest & 0xFFFF_FFFFL));
    }
}
