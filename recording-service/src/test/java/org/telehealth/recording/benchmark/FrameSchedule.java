package org.telehealth.recording.benchmark;

/**
 * When each frame of a paced stream (a microphone's 20 ms Opus frames, a camera's 25 frames a
 * second) is due and which RTP timestamp it carries: frame k at {@code start + k x period}, stamped
 * {@code base + k x ticks per frame}, whatever happened to the frames before. A sender that was held
 * up (a GC pause, a busy core) finds several frames due at once and sends them late, as a browser's
 * pacer does after a stall; it never sends a frame early and never skips one (the recorder would
 * see a hole that no decoder fills). The sender reports' timestamps come from the same clock.
 */
final class FrameSchedule {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
    private static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;

    private final long startNanos;
    private final long periodNanos;
    private final int clockRate;
    private final long ticksPerFrame;
    private final long baseTimestamp;
    private long next;

    /**
     * @param startNanos when frame 0 is due ({@link System#nanoTime()})
     * @param clockRate the RTP clock (48,000 for Opus, 90,000 for video); a period must be a whole number of its ticks
     * @param baseTimestamp frame 0's RTP timestamp
     */
    FrameSchedule(long startNanos, long periodNanos, int clockRate, long baseTimestamp) {
        if (periodNanos <= 0 || clockRate <= 0 || periodNanos * clockRate % NANOS_PER_SECOND != 0) {
            throw new IllegalArgumentException("a period of " + periodNanos + " ns is not a whole number of ticks at "
                    + clockRate + " Hz");
        }
        this.startNanos = startNanos;
        this.periodNanos = periodNanos;
        this.clockRate = clockRate;
        this.ticksPerFrame = periodNanos * clockRate / NANOS_PER_SECOND;
        this.baseTimestamp = baseTimestamp;
    }

    /** When the next frame not yet taken is due. */
    long nextDueNanos() {
        return startNanos + next * periodNanos;
    }

    boolean due(long nowNanos) {
        return nowNanos - nextDueNanos() >= 0;
    }

    /** Takes the next frame (call only when it is {@link #due}); returns its index, from 0. */
    long take() {
        return next++;
    }

    /** How late the next frame is at {@code nowNanos} (0 if not due yet). */
    long latenessNanos(long nowNanos) {
        return Math.max(0, nowNanos - nextDueNanos());
    }

    /** The 32-bit RTP timestamp of frame {@code index}. */
    long timestampOf(long index) {
        return baseTimestamp + index * ticksPerFrame & 0xFFFF_FFFFL;
    }

    /** The 32-bit RTP timestamp of the instant {@code nowNanos} on this stream's clock, for a sender report. */
    long timestampAt(long nowNanos) {
        long elapsed = nowNanos - startNanos;
        long ticks = Math.floorDiv(elapsed, NANOS_PER_SECOND) * clockRate
                + Math.floorMod(elapsed, NANOS_PER_SECOND) * clockRate / NANOS_PER_SECOND;
        return baseTimestamp + ticks & 0xFFFF_FFFFL;
    }

    /** The 64-bit NTP timestamp (seconds since 1900 . 32-bit fraction) of {@code epochNanos}, nanoseconds since 1970. */
    static long ntpTimestamp(long epochNanos) {
        long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND) + NTP_UNIX_OFFSET_SECONDS;
        long fraction = (Math.floorMod(epochNanos, NANOS_PER_SECOND) << 32) / NANOS_PER_SECOND;
        return seconds << 32 | fraction;
    }
}
