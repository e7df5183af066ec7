package org.telehealth.media.retransmission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;

class RtxUnwrapperTest {

    private static final long MEDIA_SSRC = 0x1234_5678L;
    private static final long RTX_SSRC = 0x9ABC_DEF0L;

    private static final byte[] RTX = Hex.bytes(
            "b1 e1 00 07", // V=2, P, X, CC=1 | M=1, PT=97 | RTX seq 7
            "00 00 00 64", // timestamp 100
            "9a bc de f0", // RTX SSRC
            "00 00 00 0a", // CSRC 10
            "be de 00 01", // one-byte extensions, 1 word
            "22 12 34 56", // id 2, 3 bytes: abs-send-time 0x123456
            "ff ff 01 02", // OSN 65535 | payload...
            "03 04 00 02"); // ...payload | 2 bytes of the RTX packet's own padding

    private static final byte[] ORIGINAL = Hex.bytes(
            "91 e0 ff ff", // V=2, P cleared, X, CC=1 | M=1, PT=96 | seq 65535 (the OSN)
            "00 00 00 64", // timestamp 100
            "12 34 56 78", // media SSRC
            "00 00 00 0a", // CSRC 10
            "be de 00 01", // one-byte extensions, 1 word
            "22 12 34 56", // id 2, 3 bytes: abs-send-time 0x123456
            "01 02 03 04"); // payload

    private final RtxUnwrapper unwrapper = new RtxUnwrapper(MEDIA_SSRC);

    @Test
    void shouldRestoreTheOriginalPacketFromTheRfc4588Format() throws Exception {
        RtpPacket rtx = parse(RTX);

        assertThat(RtxUnwrapper.carriesOriginal(rtx)).isTrue();
        assertThat(RtxUnwrapper.originalSequenceNumber(rtx)).isEqualTo(65_535);
        assertThat(Hex.of(unwrapper.unwrap(rtx, 96))).isEqualTo(Hex.of(ORIGINAL));
    }

    @Test
    void shouldLeaveTheRtxPacketAsItWas() throws Exception {
        byte[] rtx = RTX.clone();

        unwrapper.unwrap(parse(rtx), 96);

        assertThat(rtx).isEqualTo(RTX);
    }

    @Test
    void shouldUndoWhatThePacketizerDid() throws Exception {
        byte[] original = RetransmissionBufferTest.packet(4_242, 0x0BAD_F00D, 40);
        original[1] = (byte) 0x80 | 96; // marker set
        byte[] rtx = new RtxPacketizer(RTX_SSRC, 97, 9).packetize(original, 0, original.length);

        assertThat(unwrapper.unwrap(parse(rtx), 96)).isEqualTo(original);
    }

    @Test
    void shouldSeeNoOriginalInAPaddingOnlyProbe() throws Exception {
        RtpPacket probe = parse(Hex.bytes(
                "a0 61 00 08", // V=2, P | PT=97 | RTX seq 8
                "00 00 00 64", // timestamp 100
                "9a bc de f0", // RTX SSRC
                "00 00 00 04")); // 4 bytes of padding

        assertThat(RtxUnwrapper.carriesOriginal(probe)).isFalse();
        assertThatThrownBy(() -> unwrapper.unwrap(probe, 96)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RtxUnwrapper.originalSequenceNumber(probe)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAPayloadTypeOutside7Bits() throws Exception {
        RtpPacket rtx = parse(RTX);

        assertThatThrownBy(() -> unwrapper.unwrap(rtx, 128)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RtpPacket parse(byte[] packet) throws MalformedRtpException {
        return RtpPacket.parse(packet, 0, packet.length);
    }
}
