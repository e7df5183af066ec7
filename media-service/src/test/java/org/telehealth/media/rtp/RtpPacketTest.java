package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RtpPacketTest {

    /** The smallest packet: fixed header and four payload bytes. */
    private static final byte[] MINIMAL = Hex.bytes(
            "80 60 04 d2", // V=2, no P/X, CC=0 | M=0, PT=96 | seq 1234
            "00 01 e2 40", // timestamp 123456
            "12 34 56 78", // SSRC
            "de ad be ef"); // payload

    /** A video packet like a browser's: two CSRCs, one-byte extensions, padding, all fields at the wrap. */
    static final byte[] FULL = Hex.bytes(
            "b2 e0 ff ff", // V=2, P, X, CC=2 | M=1, PT=96 | seq 65535
            "ff ff ff ff", // timestamp 2^32 - 1
            "1a 2b 3c 4d", // SSRC
            "00 00 00 0a", // CSRC 10
            "ff ff ff fe", // CSRC 4294967294
            "be de 00 03", // one-byte extensions, 3 words
            "22 12 34 56", // id 2, 3 bytes: abs-send-time 0x123456
            "00 31 03 e8", // padding | id 3, 2 bytes: transport-wide seq 1000
            "40 30 00 00", // id 4, 1 byte: mid "0" | padding
            "90 e0 aa bb", // payload...
            "cc 00 00 03"); // ...payload | 3 bytes of padding

    @Test
    void shouldReadEveryFieldOfAMinimalPacket() throws Exception {
        RtpPacket packet = RtpPacket.parse(MINIMAL, 0, MINIMAL.length);

        assertThat(packet.version()).isEqualTo(2);
        assertThat(packet.hasPadding()).isFalse();
        assertThat(packet.hasHeaderExtension()).isFalse();
        assertThat(packet.csrcCount()).isZero();
        assertThat(packet.marker()).isFalse();
        assertThat(packet.payloadType()).isEqualTo(96);
        assertThat(packet.sequenceNumber()).isEqualTo(1234);
        assertThat(packet.timestamp()).isEqualTo(123_456L);
        assertThat(packet.ssrc()).isEqualTo(0x12345678L);
        assertThat(packet.headerExtensionProfile()).isEqualTo(RtpPacket.NO_HEADER_EXTENSION);
        assertThat(packet.headerExtensionLength()).isZero();
        assertThat(packet.headerLength()).isEqualTo(12);
        assertThat(packet.payloadOffset()).isEqualTo(12);
        assertThat(packet.payloadLength()).isEqualTo(4);
        assertThat(packet.paddingLength()).isZero();
        assertThat(packet.findHeaderExtension(1)).isEqualTo(RtpPacket.NOT_FOUND);
    }

    @Test
    void shouldReadTheUnsignedMaximaOfEveryField() throws Exception {
        RtpPacket packet = RtpPacket.parse(FULL, 0, FULL.length);

        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(96);
        assertThat(packet.sequenceNumber()).isEqualTo(65_535);
        assertThat(packet.timestamp()).isEqualTo(0xFFFF_FFFFL);
        assertThat(packet.ssrc()).isEqualTo(0x1A2B3C4DL);
    }

    @Test
    void shouldReadTheCsrcsTheExtensionBlockAndThePayloadWithoutItsPadding() throws Exception {
        RtpPacket packet = RtpPacket.parse(FULL, 0, FULL.length);

        assertThat(packet.hasPadding()).isTrue();
        assertThat(packet.hasHeaderExtension()).isTrue();
        assertThat(packet.csrcCount()).isEqualTo(2);
        assertThat(packet.csrc(0)).isEqualTo(10L);
        assertThat(packet.csrc(1)).isEqualTo(0xFFFF_FFFEL);
        assertThat(packet.headerExtensionProfile()).isEqualTo(0xBEDE);
        assertThat(packet.hasOneByteHeaderExtensions()).isTrue();
        assertThat(packet.hasTwoByteHeaderExtensions()).isFalse();
        assertThat(packet.headerExtensionOffset()).isEqualTo(24);
        assertThat(packet.headerExtensionLength()).isEqualTo(12);
        assertThat(packet.headerLength()).isEqualTo(36);
        assertThat(packet.payloadOffset()).isEqualTo(36);
        assertThat(packet.payloadLength()).isEqualTo(5);
        assertThat(packet.paddingLength()).isEqualTo(3);
        assertThat(Arrays.copyOfRange(FULL, packet.payloadOffset(), packet.payloadOffset() + packet.payloadLength()))
                .isEqualTo(Hex.bytes("90 e0 aa bb cc"));
    }

    @Test
    void shouldReadAPacketInTheMiddleOfALargerBuffer() throws Exception {
        byte[] buffer = new byte[7 + FULL.length + 5];
        Arrays.fill(buffer, (byte) 0xA5);
        System.arraycopy(FULL, 0, buffer, 7, FULL.length);

        RtpPacket packet = RtpPacket.parse(buffer, 7, FULL.length);

        assertThat(packet.offset()).isEqualTo(7);
        assertThat(packet.length()).isEqualTo(FULL.length);
        assertThat(packet.sequenceNumber()).isEqualTo(65_535);
        assertThat(packet.csrc(1)).isEqualTo(0xFFFF_FFFEL);
        assertThat(packet.headerExtensionOffset()).isEqualTo(7 + 24);
        assertThat(packet.payloadOffset()).isEqualTo(7 + 36);
        assertThat(packet.payloadLength()).isEqualTo(5);
        assertThat(packet.paddingLength()).isEqualTo(3);
        assertThat(packet.findHeaderExtension(3)).isEqualTo(7 + 30);
    }

    @Test
    void shouldAcceptAPaddingOnlyPacketAsSentForBandwidthProbing() throws Exception {
        byte[] probe = Hex.bytes("a0 60 00 01", "00 00 00 00", "00 00 00 01", "00 00 00 00", "00 00 00 08");

        RtpPacket packet = RtpPacket.parse(probe, 0, probe.length);

        assertThat(packet.payloadLength()).isZero();
        assertThat(packet.paddingLength()).isEqualTo(8);
    }

    @Test
    void shouldReadThe224BytesOfPaddingOfALargeProbe() throws Exception {
        byte[] probe = new byte[12 + 224];
        System.arraycopy(Hex.bytes("a0 60 00 01", "00 00 00 00", "00 00 00 01"), 0, probe, 0, 12);
        probe[probe.length - 1] = (byte) 224;

        RtpPacket packet = RtpPacket.parse(probe, 0, probe.length);

        assertThat(packet.paddingLength()).isEqualTo(224);
        assertThat(packet.payloadLength()).isZero();
    }

    @Test
    void shouldRewriteTheSequenceNumberInPlaceLeavingEveryOtherByteIdentical() throws Exception {
        byte[] buffer = FULL.clone();
        RtpPacket packet = RtpPacket.parse(buffer, 0, buffer.length);

        packet.setSequenceNumber(0x0102);

        byte[] expected = FULL.clone();
        expected[2] = 0x01;
        expected[3] = 0x02;
        assertThat(buffer).isEqualTo(expected);
        assertThat(packet.sequenceNumber()).isEqualTo(0x0102);
    }

    @Test
    void shouldRewriteTheTimestampInPlaceLeavingEveryOtherByteIdentical() throws Exception {
        byte[] buffer = FULL.clone();
        RtpPacket packet = RtpPacket.parse(buffer, 0, buffer.length);

        packet.setTimestamp(0x8000_0001L);

        byte[] expected = FULL.clone();
        System.arraycopy(Hex.bytes("80 00 00 01"), 0, expected, 4, 4);
        assertThat(buffer).isEqualTo(expected);
        assertThat(packet.timestamp()).isEqualTo(0x8000_0001L);
    }

    @Test
    void shouldRewriteTheSsrcInPlaceLeavingEveryOtherByteIdentical() throws Exception {
        byte[] buffer = FULL.clone();
        RtpPacket packet = RtpPacket.parse(buffer, 0, buffer.length);

        packet.setSsrc(0xCAFE_F00DL);

        byte[] expected = FULL.clone();
        System.arraycopy(Hex.bytes("ca fe f0 0d"), 0, expected, 8, 4);
        assertThat(buffer).isEqualTo(expected);
        assertThat(packet.ssrc()).isEqualTo(0xCAFE_F00DL);
    }

    @Test
    void shouldRewriteThePayloadTypeKeepingTheMarkerBit() throws Exception {
        byte[] buffer = FULL.clone();
        RtpPacket packet = RtpPacket.parse(buffer, 0, buffer.length);

        packet.setPayloadType(100);

        byte[] expected = FULL.clone();
        expected[1] = (byte) 0xE4;
        assertThat(buffer).isEqualTo(expected);
        assertThat(packet.payloadType()).isEqualTo(100);
        assertThat(packet.marker()).isTrue();
    }

    @Test
    void shouldSetAndClearTheMarkerKeepingThePayloadType() throws Exception {
        byte[] buffer = MINIMAL.clone();
        RtpPacket packet = RtpPacket.parse(buffer, 0, buffer.length);

        packet.setMarker(true);
        assertThat(buffer[1]).isEqualTo((byte) 0xE0);
        packet.setMarker(false);

        assertThat(buffer).isEqualTo(MINIMAL);
    }

    @Test
    void shouldNotTouchTheBytesAroundAViewWhenRewriting() throws Exception {
        byte[] buffer = new byte[3 + MINIMAL.length + 3];
        Arrays.fill(buffer, (byte) 0x77);
        System.arraycopy(MINIMAL, 0, buffer, 3, MINIMAL.length);
        RtpPacket packet = RtpPacket.parse(buffer, 3, MINIMAL.length);

        packet.setSequenceNumber(0);
        packet.setTimestamp(0);
        packet.setSsrc(0);
        packet.setPayloadType(0);
        packet.setMarker(false);

        byte[] expected = new byte[buffer.length];
        Arrays.fill(expected, (byte) 0x77);
        System.arraycopy(Hex.bytes("80 00 00 00", "00 00 00 00", "00 00 00 00", "de ad be ef"), 0, expected, 3, 16);
        assertThat(buffer).isEqualTo(expected);
    }

    @Test
    void shouldRefuseValuesTheirFieldsCannotHold() throws Exception {
        RtpPacket packet = RtpPacket.parse(MINIMAL.clone(), 0, MINIMAL.length);

        assertThatThrownBy(() -> packet.setSequenceNumber(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packet.setSequenceNumber(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packet.setTimestamp(1L << 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packet.setSsrc(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packet.setPayloadType(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packet.csrc(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAViewOutsideTheBuffer() {
        assertThatThrownBy(() -> RtpPacket.parse(MINIMAL, 8, MINIMAL.length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not fit");
        assertThatThrownBy(() -> RtpPacket.parse(null, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty||shorter than the 12-byte fixed header",
        "eleven bytes|80 60 00 01 00 00 00 00 00 00 00|shorter than the 12-byte fixed header",
        "version 0|00 60 00 01 00 00 00 00 00 00 00 01|RTP version is 0, expected 2",
        "version 1|40 60 00 01 00 00 00 00 00 00 00 01|RTP version is 1, expected 2",
        "version 3|c0 60 00 01 00 00 00 00 00 00 00 01|RTP version is 3, expected 2",
        "CSRCs past the end|82 60 00 01 00 00 00 00 00 00 00 01 00 00 00 0a|lists 2 CSRCs, which need 20 bytes",
        "no extension header|90 60 00 01 00 00 00 00 00 00 00 01 be de|ends before the extension header",
        "extension past the end|90 60 00 01 00 00 00 00 00 00 00 01 be de 00 02 22 12 34 56"
                + "|header extension of 8 bytes ends at byte 24, past the end of the 20-byte packet",
        "pad count 0|a0 60 00 01 00 00 00 00 00 00 00 01 aa bb cc 00|pad count is 0",
        "padding into the header|a0 60 00 01 00 00 00 00 00 00 00 01 aa 05"
                + "|padding of 5 bytes overlaps the 12-byte header",
        "padding only, no room|a0 60 00 01 00 00 00 00 00 00 00 01|padding of 1 bytes overlaps",
        "one-byte element past its block|90 60 00 01 00 00 00 00 00 00 00 01 be de 00 01 23 aa bb cc"
                + "|one-byte header extension element runs past the end of the 4-byte extension block",
        "two-byte element without length|90 60 00 01 00 00 00 00 00 00 00 01 10 00 00 01 00 00 00 07"
                + "|two-byte header extension element runs past the end",
        "two-byte element past its block|90 60 00 01 00 00 00 00 00 00 00 01 10 00 00 01 05 03 aa bb"
                + "|two-byte header extension element runs past the end",
    })
    void shouldRejectAMalformedPacketSayingWhatIsWrong(String variant, String hex, String message) {
        byte[] bytes = hex == null ? new byte[0] : Hex.bytes(hex);

        assertThatThrownBy(() -> RtpPacket.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtpException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldReadEveryFieldWithoutAllocating() throws Exception {
        RtpPacket packet = RtpPacket.parse(FULL.clone(), 0, FULL.length);
        AbsSendTimeExtension absSendTime = new AbsSendTimeExtension(2);
        TransportSequenceNumberExtension transportSequence = new TransportSequenceNumberExtension(3);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += readEveryField(packet, absSendTime, transportSequence);
        }

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            sink += readEveryField(packet, absSendTime, transportSequence);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(sink).isNotZero();
        assertThat(allocated).as("bytes allocated by 100,000 reads of every field").isLessThan(16_000);
    }

    private static long readEveryField(RtpPacket packet, AbsSendTimeExtension absSendTime,
            TransportSequenceNumberExtension transportSequence) {
        return packet.version() + (packet.marker() ? 1 : 0) + packet.payloadType() + packet.sequenceNumber()
                + packet.timestamp() + packet.ssrc() + packet.csrc(1) + packet.payloadOffset() + packet.payloadLength()
                + packet.findHeaderExtension(4) + absSendTime.read(packet) + transportSequence.read(packet);
    }
}
