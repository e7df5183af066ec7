package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telehealth.media.rtp.Hex;

class RtcpCompoundReaderTest {

    @Test
    void shouldWalkEveryPacketOfACompoundPacketKnownOrNot() throws Exception {
        byte[] compound = RtcpVectors.concat(RtcpVectors.CHROME_SENDER_REPORT, RtcpVectors.CHROME_SOURCE_DESCRIPTION,
                RtcpVectors.APPLICATION_DEFINED, RtcpVectors.TRANSPORT_CC, RtcpVectors.REMB);

        List<RtcpPacketView> packets = readAll(compound, 0, compound.length);

        assertThat(packets).extracting(RtcpPacketView::packetType).containsExactly(200, 202, 204, 205, 206);
        assertThat(packets).extracting(RtcpPacketView::countOrFormat).containsExactly(1, 1, 0, 15, 15);
        assertThat(packets).extracting(RtcpPacketView::offset).containsExactly(0, 52, 80, 96, 120);
        assertThat(packets).extracting(RtcpPacketView::length).containsExactly(52, 28, 16, 24, 24);
    }

    @Test
    void shouldWalkACompoundPacketInTheMiddleOfALargerBuffer() throws Exception {
        byte[] buffer = RtcpVectors.concat(Hex.bytes("ff ff ff"), RtcpVectors.PLI, RtcpVectors.NACK, Hex.bytes("ff"));

        List<RtcpPacketView> packets = readAll(buffer, 3, RtcpVectors.PLI.length + RtcpVectors.NACK.length);

        assertThat(packets).extracting(RtcpPacketView::offset).containsExactly(3, 15);
    }

    @Test
    void shouldLeaveThePaddingOutOfThePacketContent() throws Exception {
        byte[] padded = Hex.bytes("a0 c9 00 02", "00 00 00 01", "00 00 00 04");

        RtcpPacketView packet = readAll(padded, 0, padded.length).get(0);

        assertThat(packet.length()).isEqualTo(12);
        assertThat(packet.paddingLength()).isEqualTo(4);
        assertThat(packet.contentLength()).isEqualTo(8);
        assertThat(RtcpCompoundParser.parse(padded, 0, padded.length))
                .containsExactly(new ReceiverReport(1, List.of()));
    }

    @Test
    void shouldStepOverAPacketWithAZeroLengthFieldInsteadOfLoopingForever() {
        byte[] compound = RtcpVectors.concat(Hex.bytes("80 d2 00 00", "80 d2 00 00"), RtcpVectors.PLI);

        List<RtcpPacket> packets = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> RtcpCompoundParser.parse(compound, 0, compound.length));

        assertThat(packets).containsExactly(new PictureLossIndication(1, 0x1A2B3C4DL));
    }

    @Test
    void shouldReadNothingFromNoBytes() throws Exception {
        assertThat(readAll(new byte[0], 0, 0)).isEmpty();
    }

    @Test
    void shouldSayWhenAskedForAPacketPastTheEnd() {
        RtcpCompoundReader reader = new RtcpCompoundReader(new byte[4], 4, 0);

        assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "version 0|00 00 00 00 00 00 00 00|RTCP version is 0, expected 2",
        "version 1|41 c9 00 01 00 00 00 01|RTCP version is 1, expected 2",
        "version 3|c0 c9 00 01 00 00 00 01|RTCP version is 3, expected 2",
        "length past the end|80 c9 00 02 00 00 00 01|RTCP packet of type 201 announces 12 bytes but only 8 remain",
        "stray bytes after a packet|80 c9 00 01 00 00 00 01 80 c9|compound RTCP packet ends with 2 stray bytes",
        "pad count 0|a0 c9 00 01 00 00 00 00|has a pad count of 0",
        "pad count past the header|a0 c9 00 01 00 00 00 05|RTCP packet of type 201 and 8 bytes has a pad count of 5",
        "second packet past the end|80 c9 00 01 00 00 00 01 80 c9 00 03 00 00 00 01"
                + "|RTCP packet of type 201 announces 16 bytes but only 8 remain",
    })
    void shouldRejectAMalformedCompoundPacket(String variant, String hex, String message) {
        byte[] bytes = Hex.bytes(hex);

        assertThatThrownBy(() -> readAll(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining(message);
        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseAWindowOutsideTheBuffer() {
        assertThatThrownBy(() -> new RtcpCompoundReader(new byte[8], 4, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not fit");
    }

    private static List<RtcpPacketView> readAll(byte[] buffer, int offset, int length) throws MalformedRtcpException {
        RtcpCompoundReader reader = new RtcpCompoundReader(buffer, offset, length);
        List<RtcpPacketView> packets = new ArrayList<>();
        while (reader.hasNext()) {
            packets.add(reader.next());
        }
        return packets;
    }
}
