package org.telehealth.media.room;

import java.util.OptionalLong;
import org.telehealth.media.stats.TrafficMeter;

/**
 * What the SFU knows of how much video one receiver can take: the estimate its browser last sent
 * in a REMB (its receive-side estimator, fed by the abs-send-time the SFU stamps on what it
 * forwards), the limit set through the control API, and the video the SFU forwarded it over the
 * last second, against which a REMB is judged (see {@link LayerSelector}). Kept by the receiving
 * {@link Participant}; written by the media thread and the control API, read by the feedback
 * timer and the stats API.
 */
public final class ReceiverBandwidth {

    /** A REMB older than this no longer counts: browsers send one at least every second or so. */
    static final long REMB_LIFETIME_NANOS = 5_000_000_000L;

    private static final long NOT_SET = -1;
    private static final int FORWARDED_BUCKETS = 4;
    private static final long FORWARDED_BUCKET_NANOS = 250_000_000L;

    private final TrafficMeter forwardedVideo = new TrafficMeter(FORWARDED_BUCKETS, FORWARDED_BUCKET_NANOS);
    private volatile long rembBps = NOT_SET;
    private volatile long rembAtNanos;
    private volatile long limitBps = NOT_SET;

    ReceiverBandwidth() {
    }

    /** Notes the receiver's REMB. */
    void onRemb(long bitsPerSecond, long nowNanos) {
        rembAtNanos = nowNanos;
        rembBps = bitsPerSecond;
    }

    /** The receiver's estimate from its latest REMB, if it came within {@link #REMB_LIFETIME_NANOS}. */
    public OptionalLong estimate(long nowNanos) {
        long remb = rembBps;
        return remb == NOT_SET || nowNanos - rembAtNanos > REMB_LIFETIME_NANOS ? OptionalLong.empty() : OptionalLong.of(remb);
    }

    /** Limits what the SFU sends the receiver, in bits per second; empty lifts the limit. */
    public void limit(OptionalLong bitsPerSecond) {
        if (bitsPerSecond.isPresent() && bitsPerSecond.getAsLong() <= 0) {
            throw new IllegalArgumentException("a receive limit is positive, got " + bitsPerSecond.getAsLong());
        }
        limitBps = bitsPerSecond.orElse(NOT_SET);
    }

    /** The limit set through the control API. */
    public OptionalLong limit() {
        long limit = limitBps;
        return limit == NOT_SET ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** Counts a video packet of {@code length} bytes forwarded to the receiver. Runs per packet and receiver. */
    void onVideoForwarded(int length, long nowNanos) {
        forwardedVideo.add(length, nowNanos);
    }

    /** The video forwarded to the receiver over the last second, bits per second. */
    long forwardedVideoBps(long nowNanos) {
        return forwardedVideo.bitsPerSecond(nowNanos);
    }
}
