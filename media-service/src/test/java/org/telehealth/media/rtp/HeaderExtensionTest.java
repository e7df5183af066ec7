package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Finding RFC 8285 elements by id through {@link RtpPacket}, in both forms. */
class HeaderExtensionTest {

    private static final String FIXED_HEADER = "90 6f 00 07 00 00 03 c0 00 00 00 01";

    @Test
    void shouldFindOneByteElementsAcrossPaddingBytes() throws Exception {
        RtpPacket packet = parse(FIXED_HEADER,
                "be de 00 03",
                "22 12 34 56", // id 2, 3 bytes
                "00 31 03 e8", // padding | id 3, 2 bytes
                "40 30 00 00", // id 4, 1 byte | padding
                "aa");

        assertThat(packet.findHeaderExtension(2)).isEqualTo(17);
        assertThat(packet.headerExtensionLengthAt(17)).isEqualTo(3);
        assertThat(packet.findHeaderExtension(3)).isEqualTo(22);
        assertThat(packet.headerExtensionLengthAt(22)).isEqualTo(2);
        assertThat(packet.findHeaderExtension(4)).isEqualTo(25);
        assertThat(packet.headerExtensionLengthAt(25)).isEqualTo(1);
        assertThat(packet.findHeaderExtension(5)).isEqualTo(RtpPacket.NOT_FOUND);
    }

    @Test
    void shouldReadASixteenByteOneByteElement() throws Exception {
        RtpPacket packet = parse(FIXED_HEADER,
                "be de 00 05",
                "1f 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f", // id 1, 16 bytes
                "00 00 00");

        assertThat(packet.findHeaderExtension(1)).isEqualTo(17);
        assertThat(packet.headerExtensionLengthAt(17)).isEqualTo(16);
    }

    @Test
    void shouldStopAtIdFifteenOfTheOneByteFormAndIgnoreWhatFollows() throws Exception {
        RtpPacket packet = parse(FIXED_HEADER,
                "be de 00 02",
                "21 aa bb f0", // id 2, 2 bytes | id 15: stop
                "3f 31 cc dd"); // would run past the block, and id 3: both ignored

        assertThat(packet.findHeaderExtension(2)).isEqualTo(17);
        assertThat(packet.findHeaderExtension(3)).isEqualTo(RtpPacket.NOT_FOUND);
        assertThat(packet.findHeaderExtension(15)).isEqualTo(RtpPacket.NOT_FOUND);
    }

    @Test
    void shouldFindTwoByteElementsIncludingEmptyOnesAndIdsAboveFourteen() throws Exception {
        RtpPacket packet = parse(FIXED_HEADER,
                "10 00 00 03",
                "01 00 00 05", // id 1, empty | padding | id 5 ...
                "02 04 d2 20", // ... 2 bytes | id 32 ...
                "03 68 69 21"); // ... 3 bytes "hi!"

        assertThat(packet.hasTwoByteHeaderExtensions()).isTrue();
        assertThat(packet.findHeaderExtension(1)).isEqualTo(18);
        assertThat(packet.headerExtensionLengthAt(18)).isZero();
        assertThat(packet.findHeaderExtension(5)).isEqualTo(21);
        assertThat(packet.headerExtensionLengthAt(21)).isEqualTo(2);
        assertThat(packet.findHeaderExtension(32)).isEqualTo(25);
        assertThat(packet.headerExtensionLengthAt(25)).isEqualTo(3);
        assertThat(packet.findHeaderExtension(2)).isEqualTo(RtpPacket.NOT_FOUND);
    }

    @Test
    void shouldAcceptTheApplicationBitsOfTheTwoByteProfile() throws Exception {
        RtpPacket packet = parse(FIXED_HEADER, "10 0f 00 01", "07 01 2a 00");

        assertThat(packet.headerExtensionProfile()).isEqualTo(0x100F);
        assertThat(packet.findHeaderExtension(7)).isEqualTo(18);
    }

    @Test
    void shouldFindNothingInAnExtensionOfAnotherProfile() throws Exception {
        RtpPacket packet = parse(FIXED_HEADER, "ab cd 00 01", "22 12 34 56");

        assertThat(packet.headerExtensionProfile()).isEqualTo(0xABCD);
        assertThat(packet.headerExtensionLength()).isEqualTo(4);
        assertThat(packet.findHeaderExtension(2)).isEqualTo(RtpPacket.NOT_FOUND);
    }

    @Test
    void shouldAcceptAnEmptyExtensionBlock() throws Exception {
        RtpPacket packet = parse(FIXED_HEADER, "be de 00 00", "aa bb");

        assertThat(packet.headerLength()).isEqualTo(16);
        assertThat(packet.payloadLength()).isEqualTo(2);
        assertThat(packet.findHeaderExtension(1)).isEqualTo(RtpPacket.NOT_FOUND);
    }

    @Test
    void shouldRefuseALengthLookupOutsideTheExtensionBlock() throws Exception {
        RtpPacket packet = parse(FIXED_HEADER, "be de 00 01", "22 12 34 56");

        assertThatThrownBy(() -> packet.headerExtensionLengthAt(16)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> packet.headerExtensionLengthAt(21)).isInstanceOf(IllegalArgumentException.class);
    }

    private static RtpPacket parse(String... words) throws MalformedRtpException {
        byte[] bytes = Hex.bytes(words);
        return RtpPacket.parse(bytes, 0, bytes.length);
    }
}
