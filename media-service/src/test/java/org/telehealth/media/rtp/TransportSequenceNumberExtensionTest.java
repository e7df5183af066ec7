package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransportSequenceNumberExtensionTest {

    @Test
    void shouldReadTheTransportWideSequenceNumber() throws Exception {
        RtpPacket packet = RtpPacket.parse(RtpPacketTest.FULL.clone(), 0, RtpPacketTest.FULL.length);

        assertThat(new TransportSequenceNumberExtension(3).read(packet)).isEqualTo(1000);
        assertThat(new TransportSequenceNumberExtension(5).read(packet))
                .isEqualTo(TransportSequenceNumberExtension.NOT_PRESENT);
        assertThat(new TransportSequenceNumberExtension(2).read(packet))
                .as("id 2 holds 3 bytes")
                .isEqualTo(TransportSequenceNumberExtension.NOT_PRESENT);
    }

    @Test
    void shouldReadItFromATwoByteExtensionBlock() throws Exception {
        byte[] bytes = Hex.bytes("90 6f 00 07 00 00 03 c0 00 00 00 01", "10 00 00 01", "40 02 ff ff");
        RtpPacket packet = RtpPacket.parse(bytes, 0, bytes.length);

        assertThat(new TransportSequenceNumberExtension(64).read(packet)).isEqualTo(65_535);
    }

    @Test
    void shouldOverwriteItInPlaceLeavingEveryOtherByteIdentical() throws Exception {
        byte[] buffer = RtpPacketTest.FULL.clone();
        RtpPacket packet = RtpPacket.parse(buffer, 0, buffer.length);

        assertThat(new TransportSequenceNumberExtension(3).write(packet, 0xBEEF)).isTrue();

        byte[] expected = RtpPacketTest.FULL.clone();
        expected[30] = (byte) 0xBE;
        expected[31] = (byte) 0xEF;
        assertThat(buffer).isEqualTo(expected);
        assertThat(new TransportSequenceNumberExtension(3).write(packet, 0)).isTrue();
        assertThatThrownBy(() -> new TransportSequenceNumberExtension(3).write(packet, 65_536))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new TransportSequenceNumberExtension(7).write(packet, 1)).isFalse();
    }
}
