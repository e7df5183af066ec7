package org.telehealth.recording.capture;

/**
 * How one participant's wall clock (the NTP time of their browser's sender reports) lines up with
 * the recorder's: the offset from their NTP time to the recorder's monotonic clock, taken as the
 * smallest (arrival - NTP time) of their sender reports, so one-way delay counts once, at its
 * lowest. A participant's tracks share it (one browser, one clock, one CNAME): audio and video map
 * through the same offset and stay in sync; different participants are aligned to the recorder's
 * clock, within the reports' transit time.
 */
final class SenderClock {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private boolean known;
    private long offsetNanos;

    /** Notes a sender report stamped {@code ntpTimestamp} (64-bit NTP) that arrived at {@code arrivalNanos}. */
    void onSenderReport(long ntpTimestamp, long arrivalNanos) {
        long offset = arrivalNanos - ntpNanos(ntpTimestamp);
        if (!known || offset < offsetNanos) {
            offsetNanos = offset;
            known = true;
        }
    }

    boolean known() {
        return known;
    }

    /** The recorder's clock reading for the sender's NTP time {@code ntpNanos}. */
    long toRecorderNanos(long ntpNanos) {
        return ntpNanos + offsetNanos;
    }

    /** A 64-bit NTP timestamp (seconds since 1900 . fraction) in nanoseconds. */
    static long ntpNanos(long ntpTimestamp) {
        long seconds = ntpTimestamp >>> 32;
        long fraction = ntpTimestamp & 0xFFFF_FFFFL;
        return seconds * NANOS_PER_SECOND + (fraction * NANOS_PER_SECOND >>> 32);
    }
}
