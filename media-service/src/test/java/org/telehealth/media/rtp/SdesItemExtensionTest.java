package org.telehealth.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdesItemExtensionTest {

    /** The first packet of a simulcast layer: mid "1" (id 4), rid "hi" (id 10), repaired rid "lo" (id 11). */
    private static final byte[] SIMULCAST = Hex.bytes(
            "90 60 00 01 00 00 00 00 00 00 00 02",
            "be de 00 03",
            "40 31 a1 68", // id 4, "1" | id 10 ...
            "69 b1 6c 6f", // ... "hi" | id 11, "lo"
            "00 00 00 00",
            "aa");

    @Test
    void shouldReadTheMidAndTheStreamIdsOfASimulcastLayer() throws Exception {
        RtpPacket packet = RtpPacket.parse(SIMULCAST, 0, SIMULCAST.length);

        assertThat(SdesItemExtension.mid(4).read(packet)).contains("1");
        assertThat(SdesItemExtension.rtpStreamId(10).read(packet)).contains("hi");
        assertThat(SdesItemExtension.repairedRtpStreamId(11).read(packet)).contains("lo");
        assertThat(SdesItemExtension.mid(5).read(packet)).isEmpty();
        assertThat(SdesItemExtension.rtpStreamId(10).uri())
                .isEqualTo("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id");
    }

    @Test
    void shouldReadAnEmptyTwoByteElementAsNoText() throws Exception {
        byte[] bytes = Hex.bytes("90 60 00 01 00 00 00 00 00 00 00 02", "10 00 00 01", "04 00 00 00");
        RtpPacket packet = RtpPacket.parse(bytes, 0, bytes.length);

        assertThat(SdesItemExtension.mid(4).read(packet)).isEmpty();
    }
}
