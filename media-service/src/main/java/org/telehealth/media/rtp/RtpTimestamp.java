package org.telehealth.media.rtp;

/**
 * Arithmetic on 32-bit RTP timestamps, which wrap from 2^32 - 1 to 0 (after about 13 hours of
 * 90 kHz video): of two timestamps, the newer is the one less than 2^31 ahead of the other. Only
 * the low 32 bits of the arguments count.
 */
public final class RtpTimestamp {

    public static final long MODULUS = 1L << 32;

    private RtpTimestamp() {
    }

    /** How far {@code later} is ahead of {@code earlier}, between -2^31 and 2^31 - 1. */
    public static long difference(long later, long earlier) {
        return (int) (later - earlier);
    }

    /** Whether {@code candidate} comes after {@code reference}, across a wrap if need be. */
    public static boolean isNewer(long candidate, long reference) {
        return difference(candidate, reference) > 0;
    }

    /** {@code timestamp + delta}, wrapped into 0..2^32 - 1; {@code delta} may be negative. */
    public static long add(long timestamp, long delta) {
        return (timestamp + delta) & 0xFFFF_FFFFL;
    }
}
