package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telehealth.media.rtp.Hex;

class FullIntraRequestTest {

    private static final FullIntraRequest EXPECTED = new FullIntraRequest(1,
            List.of(new FirEntry(0x11111111L, 7), new FirEntry(0x22222222L, 255)));

    @Test
    void shouldReadEveryEntryWithItsSequenceNumber() throws Exception {
        FullIntraRequest request = (FullIntraRequest) parseOne(RtcpVectors.FIR);

        assertThat(request.senderSsrc()).isEqualTo(1);
        assertThat(request.entries()).containsExactly(new FirEntry(0x11111111L, 7), new FirEntry(0x22222222L, 255));
    }

    @Test
    void shouldWriteTheSameBytes() {
        assertThat(EXPECTED.toBytes()).isEqualTo(RtcpVectors.FIR);
    }

    @Test
    void shouldIgnoreTheMediaSourceAndReservedBitsWhenReading() throws Exception {
        byte[] bytes = RtcpVectors.FIR.clone();
        bytes[11] = 0x42;
        bytes[17] = 0x13;

        assertThat(parseOne(bytes)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldRefuseEntriesTheirFieldsCannotHold() {
        assertThatThrownBy(() -> new FirEntry(1, 256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FullIntraRequest(1, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "truncated entry|84 ce 00 03 00 00 00 01 00 00 00 00 11 11 11 11"
                + "|FIR FCI of 4 bytes ends in a truncated 8-byte entry",
        "one and a half entries|84 ce 00 05 00 00 00 01 00 00 00 00 11 11 11 11 07 00 00 00 22 22 22 22"
                + "|FIR FCI of 12 bytes ends in a truncated",
        "no entry|84 ce 00 02 00 00 00 01 00 00 00 00|FIR has no FCI entry",
        "no media SSRC|84 ce 00 01 00 00 00 01|FIR of 8 bytes is shorter than the 12-byte feedback header",
    })
    void shouldRejectAMalformedFir(String variant, String hex, String message) {
        byte[] bytes = Hex.bytes(hex);

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining(message);
    }
}
