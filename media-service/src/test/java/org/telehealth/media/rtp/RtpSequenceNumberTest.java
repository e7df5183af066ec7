package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtpSequenceNumberTest {

    @Test
    void shouldSeeZeroAsTheSuccessorOf65535() {
        assertThat(RtpSequenceNumber.isNewer(0, 65_535)).isTrue();
        assertThat(RtpSequenceNumber.isNewer(65_535, 0)).isFalse();
        assertThat(RtpSequenceNumber.difference(0, 65_535)).isEqualTo(1);
        assertThat(RtpSequenceNumber.difference(65_535, 0)).isEqualTo(-1);
        assertThat(RtpSequenceNumber.add(65_535, 1)).isZero();
        assertThat(RtpSequenceNumber.add(0, -1)).isEqualTo(65_535);
    }

    @Test
    void shouldCompareNumbersThatDoNotWrapByValue() {
        assertThat(RtpSequenceNumber.isNewer(1001, 1000)).isTrue();
        assertThat(RtpSequenceNumber.isNewer(1000, 1001)).isFalse();
        assertThat(RtpSequenceNumber.isNewer(1000, 1000)).isFalse();
        assertThat(RtpSequenceNumber.difference(1003, 1000)).isEqualTo(3);
    }

    @Test
    void shouldTakeAGapOfLessThanHalfTheSpaceAsForward() {
        assertThat(RtpSequenceNumber.difference(32_766, 65_535)).isEqualTo(32_767);
        assertThat(RtpSequenceNumber.isNewer(32_766, 65_535)).isTrue();
        assertThat(RtpSequenceNumber.isNewer(32_767, 65_535)).isFalse();
    }

    @Test
    void shouldCallNeitherOfTwoNumbersHalfTheSpaceApartNewer() {
        assertThat(RtpSequenceNumber.difference(32_768, 0)).isEqualTo(-32_768);
        assertThat(RtpSequenceNumber.difference(0, 32_768)).isEqualTo(-32_768);
        assertThat(RtpSequenceNumber.isNewer(32_768, 0)).isFalse();
        assertThat(RtpSequenceNumber.isNewer(0, 32_768)).isFalse();
    }
}
