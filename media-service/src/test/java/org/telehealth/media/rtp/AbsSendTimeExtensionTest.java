package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AbsSendTimeExtensionTest {

    @Test
    void shouldReadTheSendTimeOfAPacket() throws Exception {
        RtpPacket packet = RtpPacket.parse(RtpPacketTest.FULL.clone(), 0, RtpPacketTest.FULL.length);

        assertThat(new AbsSendTimeExtension(2).read(packet)).isEqualTo(0x123456);
    }

    @Test
    void shouldTellWhenThePacketDoesNotCarryIt() throws Exception {
        RtpPacket packet = RtpPacket.parse(RtpPacketTest.FULL.clone(), 0, RtpPacketTest.FULL.length);

        assertThat(new AbsSendTimeExtension(9).read(packet)).isEqualTo(AbsSendTimeExtension.NOT_PRESENT);
        assertThat(new AbsSendTimeExtension(3).read(packet))
                .as("id 3 holds 2 bytes, not the 3 of abs-send-time")
                .isEqualTo(AbsSendTimeExtension.NOT_PRESENT);
    }

    @Test
    void shouldOverwriteTheSendTimeInPlaceLeavingEveryOtherByteIdentical() throws Exception {
        byte[] buffer = RtpPacketTest.FULL.clone();
        RtpPacket packet = RtpPacket.parse(buffer, 0, buffer.length);

        assertThat(new AbsSendTimeExtension(2).write(packet, 0xABCDEF)).isTrue();

        byte[] expected = RtpPacketTest.FULL.clone();
        System.arraycopy(Hex.bytes("ab cd ef"), 0, expected, 25, 3);
        assertThat(buffer).isEqualTo(expected);
    }

    @Test
    void shouldLeaveAPacketWithoutTheExtensionUntouched() throws Exception {
        byte[] buffer = RtpPacketTest.FULL.clone();
        RtpPacket packet = RtpPacket.parse(buffer, 0, buffer.length);

        assertThat(new AbsSendTimeExtension(9).write(packet, 1)).isFalse();
        assertThat(buffer).isEqualTo(RtpPacketTest.FULL);
    }

    @Test
    void shouldConvertBetweenNanosecondsAndSixPointEighteenFixedPoint() {
        assertThat(AbsSendTimeExtension.fromNanos(1_500_000_000L)).isEqualTo(0x060000);
        assertThat(AbsSendTimeExtension.toNanos(0x060000)).isEqualTo(1_500_000_000L);
        assertThat(AbsSendTimeExtension.fromNanos(63_999_999_999L)).isEqualTo(0xFFFFFF);
        assertThat(AbsSendTimeExtension.toNanos(1)).isEqualTo(3_814L);
    }

    @Test
    void shouldWrapEverySixtyFourSeconds() {
        assertThat(AbsSendTimeExtension.fromNanos(64_000_000_000L)).isZero();
        assertThat(AbsSendTimeExtension.fromNanos(65_500_000_000L)).isEqualTo(0x060000);
    }

    @Test
    void shouldRefuseValuesThatAreNotTwentyFourBitsOrAnIdOutsideTheNegotiableRange() throws Exception {
        RtpPacket packet = RtpPacket.parse(RtpPacketTest.FULL.clone(), 0, RtpPacketTest.FULL.length);

        assertThatThrownBy(() -> new AbsSendTimeExtension(2).write(packet, 1 << 24))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AbsSendTimeExtension.toNanos(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AbsSendTimeExtension(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AbsSendTimeExtension(256)).isInstanceOf(IllegalArgumentException.class);
    }
}
