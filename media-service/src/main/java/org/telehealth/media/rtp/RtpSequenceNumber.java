package org.telehealth.media.rtp;

/**
 * Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0: of two numbers, the newer
 * is the one less than half the space (32768) ahead of the other. Only the low 16 bits of the
 * arguments count, so callers can pass sums without masking them first.
 */
public final class RtpSequenceNumber {

    public static final int MODULUS = 1 << 16;

    private RtpSequenceNumber() {
    }

    /**
     * How far {@code later} is ahead of {@code earlier}, between -32768 and 32767: {@code
     * difference(2, 65534)} is 4 and {@code difference(65534, 2)} is -4. Numbers exactly half the
     * space apart come out -32768 both ways.
     */
    public static int difference(int later, int earlier) {
        return (short) (later - earlier);
    }

    /** Whether {@code candidate} comes after {@code reference}, across a wrap if need be. */
    public static boolean isNewer(int candidate, int reference) {
        return difference(candidate, reference) > 0;
    }

    /** {@code sequenceNumber + delta}, wrapped into 0..65535; {@code delta} may be negative. */
    public static int add(int sequenceNumber, int delta) {
        return (sequenceNumber + delta) & 0xFFFF;
    }
}
