package org.telehealth.media.retransmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;

class RtxPacketizerTest {

    private static final long RTX_SSRC = 0x9ABC_DEF0L;
    private static final int RTX_PAYLOAD_TYPE = 97;

    private static final byte[] PLAIN = Hex.bytes(
            "80 e0 04 d2", // V=2, no P/X, CC=0 | M=1, PT=96 | seq 1234
            "00 01 e2 40", // timestamp 123456
            "12 34 56 78", // SSRC
            "de ad be ef"); // payload

    private static final byte[] PLAIN_RTX = Hex.bytes(
            "80 e1 ff ff", // V=2, no P/X, CC=0 | M=1, PT=97 | RTX seq 65535
            "00 01 e2 40", // timestamp 123456
            "9a bc de f0", // RTX SSRC
            "04 d2 de ad", // OSN 1234 | payload...
            "be ef"); // ...payload

    private static final byte[] EXTENDED = Hex.bytes(
            "b1 60 ff fe", // V=2, P, X, CC=1 | M=0, PT=96 | seq 65534
            "00 00 00 64", // timestamp 100
            "12 34 56 78", // SSRC
            "00 00 00 0a", // CSRC 10
            "be de 00 01", // one-byte extensions, 1 word
            "22 12 34 56", // id 2, 3 bytes: abs-send-time 0x123456
            "01 02 03 04", // payload...
            "05 00 00 03"); // ...payload | 3 bytes of padding

    private static final byte[] EXTENDED_RTX = Hex.bytes(
            "91 61 00 00", // V=2, P cleared, X, CC=1 | M=0, PT=97 | RTX seq 0
            "00 00 00 64", // timestamp 100
            "9a bc de f0", // RTX SSRC
            "00 00 00 0a", // CSRC 10
            "be de 00 01", // one-byte extensions, 1 word
            "22 12 34 56", // id 2, 3 bytes: abs-send-time 0x123456
            "ff fe 01 02", // OSN 65534 | payload...
            "03 04 05"); // ...payload, no padding

    @Test
    void shouldBuildTheRtxPacketOfAPacketWithoutCsrcsOrExtensions() throws Exception {
        RtxPacketizer packetizer = new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE, 65_535);

        assertThat(Hex.of(packetizer.packetize(PLAIN, 0, PLAIN.length))).isEqualTo(Hex.of(PLAIN_RTX));
    }

    @Test
    void shouldKeepTheCsrcsAndExtensionsAndDropThePadding() throws Exception {
        RtxPacketizer packetizer = new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE, 0);

        assertThat(Hex.of(packetizer.packetize(EXTENDED, 0, EXTENDED.length))).isEqualTo(Hex.of(EXTENDED_RTX));
    }

    @Test
    void shouldPutTheOriginalSequenceNumberRightAfterTheHeader() throws Exception {
        RtxPacketizer packetizer = new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE, 40_000);

        RtpPacket rtx = parse(packetizer.packetize(EXTENDED, 0, EXTENDED.length));

        assertThat(rtx.hasPadding()).isFalse();
        assertThat(rtx.paddingLength()).isZero();
        assertThat(rtx.headerLength()).isEqualTo(24);
        assertThat(rtx.payloadLength()).isEqualTo(2 + 5);
        assertThat(rtx.buffer()[rtx.payloadOffset()] & 0xFF).isEqualTo(0xFF);
        assertThat(rtx.buffer()[rtx.payloadOffset() + 1] & 0xFF).isEqualTo(0xFE);
        assertThat(rtx.findHeaderExtension(2)).isNotEqualTo(RtpPacket.NOT_FOUND);
        assertThat(rtx.csrc(0)).isEqualTo(10L);
        assertThat(rtx.sequenceNumber()).isEqualTo(40_000);
        assertThat(rtx.ssrc()).isEqualTo(RTX_SSRC);
        assertThat(rtx.payloadType()).isEqualTo(RTX_PAYLOAD_TYPE);
    }

    @Test
    void shouldReadTheOriginalFromItsOffsetAndLeaveItUnchanged() throws Exception {
        byte[] datagram = new byte[PLAIN.length + 7];
        System.arraycopy(PLAIN, 0, datagram, 3, PLAIN.length);
        byte[] before = datagram.clone();
        RtxPacketizer packetizer = new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE, 65_535);

        byte[] rtx = packetizer.packetize(datagram, 3, PLAIN.length);

        assertThat(Hex.of(rtx)).isEqualTo(Hex.of(PLAIN_RTX));
        assertThat(datagram).isEqualTo(before);
    }

    @Test
    void shouldNumberRtxPacketsConsecutivelyAndWrapFrom65535To0() throws Exception {
        RtxPacketizer packetizer = new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE, 65_534);

        int[] sequenceNumbers = new int[4];
        for (int i = 0; i < sequenceNumbers.length; i++) {
            sequenceNumbers[i] = parse(packetizer.packetize(PLAIN, 0, PLAIN.length)).sequenceNumber();
        }

        assertThat(sequenceNumbers).containsExactly(65_534, 65_535, 0, 1);
    }

    @Test
    void shouldTakeAnotherRtxPayloadTypeIntoTheSameSequence() throws Exception {
        RtxPacketizer packetizer = new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE, 300);

        RtpPacket first = parse(packetizer.packetize(PLAIN, 0, PLAIN.length));
        RtpPacket second = parse(packetizer.packetize(PLAIN, 0, PLAIN.length, 99));

        assertThat(first.payloadType()).isEqualTo(RTX_PAYLOAD_TYPE);
        assertThat(second.payloadType()).isEqualTo(99);
        assertThat(second.marker()).isTrue();
        assertThat(second.sequenceNumber()).isEqualTo(301);
        assertThatThrownBy(() -> packetizer.packetize(PLAIN, 0, PLAIN.length, 128)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldStartEachPacketizerAtARandomSequenceNumber() throws Exception {
        Set<Integer> firsts = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            RtxPacketizer packetizer = new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE);
            firsts.add(parse(packetizer.packetize(PLAIN, 0, PLAIN.length)).sequenceNumber());
        }

        assertThat(firsts).hasSizeGreaterThan(1);
    }

    @Test
    void shouldRejectAMalformedOriginalWithoutUsingASequenceNumber() throws Exception {
        RtxPacketizer packetizer = new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE, 10);
        byte[] badPadding = PLAIN.clone();
        badPadding[0] = (byte) 0xA0;
        badPadding[badPadding.length - 1] = 0;

        assertThatThrownBy(() -> packetizer.packetize(badPadding, 0, badPadding.length))
                .isInstanceOf(MalformedRtpException.class);
        assertThat(parse(packetizer.packetize(PLAIN, 0, PLAIN.length)).sequenceNumber()).isEqualTo(10);
    }

    @Test
    void shouldRejectArgumentsOutsideTheirRanges() {
        assertThatThrownBy(() -> new RtxPacketizer(-1, RTX_PAYLOAD_TYPE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtxPacketizer(1L << 32, RTX_PAYLOAD_TYPE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtxPacketizer(RTX_SSRC, 128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtxPacketizer(RTX_SSRC, RTX_PAYLOAD_TYPE, 65_536))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RtpPacket parse(byte[] packet) throws MalformedRtpException {
        return RtpPacket.parse(packet, 0, packet.length);
    }
}
