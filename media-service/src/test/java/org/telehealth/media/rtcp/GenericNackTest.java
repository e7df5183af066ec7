package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telehealth.media.rtp.Hex;

class GenericNackTest {

    @Test
    void shouldListTheLostPacketsOfAGenericNack() throws Exception {
        GenericNack nack = (GenericNack) parseOne(RtcpVectors.NACK);

        assertThat(nack.senderSsrc()).isEqualTo(1);
        assertThat(nack.mediaSsrc()).isEqualTo(0x1A2B3C4DL);
        assertThat(nack.lostSequenceNumbers()).containsExactly(1000, 1001, 1003);
    }

    @Test
    void shouldBuildTheSameNackFromTheListOfLostPackets() {
        GenericNack nack = new GenericNack(1, 0x1A2B3C4DL, List.of(1000, 1001, 1003));

        assertThat(nack.toBytes()).isEqualTo(RtcpVectors.NACK);
    }

    @Test
    void shouldOpenANewEntryForAPacketMoreThanSixteenAfterThePid() throws Exception {
        byte[] bytes = Hex.bytes(
                "81 cd 00 04", // length 4: 20 bytes
                "00 00 00 01",
                "1a 2b 3c 4d",
                "03 e8 80 00", // PID 1000 | BLP bit 15: 1016
                "03 f9 00 04"); // PID 1017 | BLP bit 2: 1020
        GenericNack nack = new GenericNack(1, 0x1A2B3C4DL, List.of(1000, 1016, 1017, 1020));

        assertThat(nack.toBytes()).isEqualTo(bytes);
        assertThat(((GenericNack) parseOne(bytes)).lostSequenceNumbers()).containsExactly(1000, 1016, 1017, 1020);
    }

    @Test
    void shouldCoverTheSequenceNumberWrapInOneEntry() throws Exception {
        byte[] bytes = Hex.bytes("81 cd 00 03", "00 00 00 01", "1a 2b 3c 4d", "ff ff 00 03");
        GenericNack nack = new GenericNack(1, 0x1A2B3C4DL, List.of(65_535, 0, 1));

        assertThat(nack.toBytes()).isEqualTo(bytes);
        assertThat(((GenericNack) parseOne(bytes)).lostSequenceNumbers()).containsExactly(65_535, 0, 1);
    }

    @Test
    void shouldListEverySeventeenPacketsOfAFullBitmask() throws Exception {
        byte[] bytes = Hex.bytes("81 cd 00 03", "00 00 00 01", "1a 2b 3c 4d", "00 0a ff ff");

        assertThat(((GenericNack) parseOne(bytes)).lostSequenceNumbers())
                .containsExactly(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26);
    }

    @Test
    void shouldWriteEachLostPacketOnceEvenIfListedTwice() {
        GenericNack nack = new GenericNack(1, 0x1A2B3C4DL, List.of(1000, 1000, 1001, 1003, 1003));

        assertThat(nack.toBytes()).isEqualTo(RtcpVectors.NACK);
    }

    @Test
    void shouldRefuseToBuildANackWithoutLostPacketsOrWithAnImpossibleSequenceNumber() {
        assertThatThrownBy(() -> new GenericNack(1, 2, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenericNack(1, 2, List.of(65_536))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no FCI|81 cd 00 02 00 00 00 01 1a 2b 3c 4d|generic NACK has no PID/BLP entry",
        "no media SSRC|81 cd 00 01 00 00 00 01|generic NACK of 8 bytes is shorter than the 12-byte feedback header",
        "FCI cut by padding|a1 cd 00 04 00 00 00 01 1a 2b 3c 4d 03 e8 00 05 00 00 00 02"
                + "|generic NACK FCI of 6 bytes ends in a truncated entry",
    })
    void shouldRejectAMalformedNack(String variant, String hex, String message) {
        byte[] bytes = Hex.bytes(hex);

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining(message);
    }
}
