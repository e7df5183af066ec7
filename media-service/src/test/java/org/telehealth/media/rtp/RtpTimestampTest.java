package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpTimestampTest {

    private static final long MAX = 0xFFFF_FFFFL;

    @Test
    void shouldSeeZeroAsTheSuccessorOfTheLargestTimestamp() {
        assertThat(RtpTimestamp.isNewer(0, MAX)).isTrue();
        assertThat(RtpTimestamp.isNewer(MAX, 0)).isFalse();
        assertThat(RtpTimestamp.difference(0, MAX)).isEqualTo(1);
        assertThat(RtpTimestamp.add(MAX, 1)).isZero();
        assertThat(RtpTimestamp.add(0, -1)).isEqualTo(MAX);
    }

    @Test
    void shouldMeasureAFrameIntervalAcrossTheWrap() {
        long beforeWrap = MAX - 1_499;

        long next = RtpTimestamp.add(beforeWrap, 3_000);

        assertThat(next).isEqualTo(1_500);
        assertThat(RtpTimestamp.difference(next, beforeWrap)).isEqualTo(3_000);
        assertThat(RtpTimestamp.difference(beforeWrap, next)).isEqualTo(-3_000);
    }

    @Test
    void shouldTakeAGapOfLessThanHalfTheSpaceAsForward() {
        assertThat(RtpTimestamp.isNewer(0x7FFF_FFFFL, 0)).isTrue();
        assertThat(RtpTimestamp.isNewer(0x8000_0000L, 0)).isFalse();
        assertThat(RtpTimestamp.difference(0x8000_0000L, 0)).isEqualTo(-(1L << 31));
    }
}
