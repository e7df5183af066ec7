package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

class GoodbyeTest {

    @Test
    void shouldReadTheSourcesAndTheReason() throws Exception {
        Goodbye goodbye = (Goodbye) parseOne(RtcpVectors.BYE);

        assertThat(goodbye.ssrcs()).containsExactly(0x5EF6A7B1L);
        assertThat(goodbye.reason()).isEqualTo("left call");
    }

    @Test
    void shouldWriteTheSameBytes() {
        assertThat(new Goodbye(List.of(0x5EF6A7B1L), "left call").toBytes()).isEqualTo(RtcpVectors.BYE);
    }

    @Test
    void shouldReadAndWriteAByeOfSeveralSourcesWithoutReason() throws Exception {
        byte[] bytes = Hex.bytes("82 cb 00 02", "00 00 00 01", "ff ff ff ff");
        Goodbye goodbye = new Goodbye(List.of(1L, 0xFFFF_FFFFL), "");

        assertThat(parseOne(bytes)).isEqualTo(goodbye);
        assertThat(goodbye.toBytes()).isEqualTo(bytes);
        assertThat(Goodbye.of(1).toBytes()).isEqualTo(Hex.bytes("81 cb 00 01", "00 00 00 01"));
    }

    @Test
    void shouldRejectAByeCountingMoreSourcesThanItHolds() {
        byte[] bytes = Hex.bytes("82 cb 00 01", "00 00 00 01");

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining("BYE counts 2 sources, which need 12 bytes, but has 8");
    }

    @Test
    void shouldRejectAReasonRunningPastTheEnd() {
        byte[] bytes = Hex.bytes("81 cb 00 02", "00 00 00 01", "05 61 62 63");

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining("BYE reason of 5 bytes runs past the end");
    }
}
