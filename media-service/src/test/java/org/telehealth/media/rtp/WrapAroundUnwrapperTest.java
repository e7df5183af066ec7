package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrapAroundUnwrapperTest {

    @Test
    void shouldKeepCountingPastTheSequenceNumberWrap() {
        WrapAroundUnwrapper unwrapper = WrapAroundUnwrapper.forSequenceNumbers();

        assertThat(unwrapper.unwrap(65_534)).isEqualTo(65_534);
        assertThat(unwrapper.unwrap(65_535)).isEqualTo(65_535);
        assertThat(unwrapper.unwrap(0)).isEqualTo(65_536);
        assertThat(unwrapper.unwrap(1)).isEqualTo(65_537);
    }

    @Test
    void shouldPlaceAPacketReorderedAcrossTheWrapBeforeTheNewest() {
        WrapAroundUnwrapper unwrapper = WrapAroundUnwrapper.forSequenceNumbers();

        assertThat(unwrapper.unwrap(65_535)).isEqualTo(65_535);
        assertThat(unwrapper.unwrap(1)).isEqualTo(65_537);
        assertThat(unwrapper.unwrap(0)).isEqualTo(65_536);
        assertThat(unwrapper.unwrap(65_535)).isEqualTo(65_535);
        assertThat(unwrapper.unwrap(2)).isEqualTo(65_538);
    }

    @Test
    void shouldCountEveryCycleOfALongStream() {
        WrapAroundUnwrapper unwrapper = WrapAroundUnwrapper.forSequenceNumbers();
        long index = 0;

        for (long expected = 60_000; expected < 10_000_000; expected += 1_000) {
            index = unwrapper.unwrap(expected % 65_536);
            assertThat(index).isEqualTo(expected);
        }

        assertThat(index).isEqualTo(9_999_000);
    }

    @Test
    void shouldGiveAPacketOlderThanTheFirstANegativeIndex() {
        WrapAroundUnwrapper unwrapper = WrapAroundUnwrapper.forSequenceNumbers();

        unwrapper.unwrap(5);

        assertThat(unwrapper.unwrap(65_534)).isEqualTo(-2);
        assertThat(unwrapper.unwrap(6)).isEqualTo(6);
    }

    @Test
    void shouldTakeAJumpOfHalfTheSpaceAsBackwards() {
        WrapAroundUnwrapper unwrapper = WrapAroundUnwrapper.forSequenceNumbers();

        unwrapper.unwrap(0);

        assertThat(unwrapper.unwrap(32_768)).isEqualTo(-32_768);
        assertThat(unwrapper.unwrap(32_767)).isEqualTo(32_767);
    }

    @Test
    void shouldKeepCountingPastTheTimestampWrap() {
        WrapAroundUnwrapper unwrapper = WrapAroundUnwrapper.forTimestamps();

        assertThat(unwrapper.unwrap(0xFFFF_FF00L)).isEqualTo(0xFFFF_FF00L);
        assertThat(unwrapper.unwrap(0x0000_0100L)).isEqualTo(0x1_0000_0100L);
        assertThat(unwrapper.unwrap(0xFFFF_FFF0L)).isEqualTo(0xFFFF_FFF0L);
        assertThat(unwrapper.unwrap(0x8000_0000L)).isEqualTo(0x1_8000_0000L);
        assertThat(unwrapper.unwrap(0xF000_0000L)).isEqualTo(0x1_F000_0000L);
        assertThat(unwrapper.unwrap(0x0000_0001L)).isEqualTo(0x2_0000_0001L);
    }

    @Test
    void shouldRefuseValuesWiderThanItsCounter() {
        assertThatThrownBy(() -> WrapAroundUnwrapper.forSequenceNumbers().unwrap(65_536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WrapAroundUnwrapper.forTimestamps().unwrap(1L << 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WrapAroundUnwrapper.forTimestamps().unwrap(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
