package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telehealth.media.rtp.Hex;

class ReceiverEstimatedMaxBitrateTest {

    @Test
    void shouldReadTheBitrateAndTheSources() throws Exception {
        ReceiverEstimatedMaxBitrate remb = (ReceiverEstimatedMaxBitrate) parseOne(RtcpVectors.REMB);

        assertThat(remb.senderSsrc()).isEqualTo(1);
        assertThat(remb.bitrate()).isEqualTo(1_000_000);
        assertThat(remb.ssrcs()).containsExactly(0x1A2B3C4DL);
    }

    @Test
    void shouldWriteTheSameBytes() {
        assertThat(new ReceiverEstimatedMaxBitrate(1, 1_000_000, List.of(0x1A2B3C4DL)).toBytes())
                .isEqualTo(RtcpVectors.REMB);
    }

    @Test
    void shouldWriteABitrateOfMoreThanEighteenSignificantBitsRoundedDown() throws Exception {
        byte[] bytes = Hex.bytes(
                "8f ce 00 06",
                "00 00 00 01",
                "00 00 00 00",
                "52 45 4d 42",
                "02 12 62 5a", // 2 SSRCs | exponent 4 | mantissa 156250: 2,500,000 bit/s
                "00 00 00 0a",
                "00 00 00 0b");
        ReceiverEstimatedMaxBitrate remb = new ReceiverEstimatedMaxBitrate(1, 2_500_001, List.of(10L, 11L));

        assertThat(remb.toBytes()).isEqualTo(bytes);
        assertThat(((ReceiverEstimatedMaxBitrate) parseOne(bytes)).bitrate()).isEqualTo(2_500_000);
    }

    @Test
    void shouldReadTheLargestBitrateALongHolds() throws Exception {
        byte[] bytes = Hex.bytes("8f ce 00 04", "00 00 00 01", "00 00 00 00", "52 45 4d 42",
                "00 b7 ff ff"); // no SSRC | exponent 45 | mantissa 2^18 - 1

        ReceiverEstimatedMaxBitrate remb = (ReceiverEstimatedMaxBitrate) parseOne(bytes);

        assertThat(remb.bitrate()).isEqualTo(((1L << 18) - 1) << 45);
        assertThat(remb.toBytes()).isEqualTo(bytes);
    }

    @Test
    void shouldSkipOtherApplicationLayerFeedback() throws Exception {
        byte[] bytes = Hex.bytes("8f ce 00 04", "00 00 00 01", "00 00 00 00", "47 4f 4f 47", "00 00 00 00");

        assertThat(RtcpCompoundParser.parse(bytes, 0, bytes.length)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fewer SSRCs than counted|8f ce 00 05 00 00 00 01 00 00 00 00 52 45 4d 42 02 0b d0 90 1a 2b 3c 4d"
                + "|REMB counts 2 SSRCs, which need 28 bytes, but has 24",
        "more SSRCs than counted|8f ce 00 05 00 00 00 01 00 00 00 00 52 45 4d 42 00 0b d0 90 1a 2b 3c 4d"
                + "|REMB counts 0 SSRCs, which need 20 bytes, but has 24",
        "no bitrate|8f ce 00 03 00 00 00 01 00 00 00 00 52 45 4d 42"
                + "|REMB of 16 bytes is shorter than the 20 bytes before its SSRC list",
        "bitrate past 63 bits|8f ce 00 04 00 00 00 01 00 00 00 00 52 45 4d 42 00 fc 00 01"
                + "|REMB bitrate 1 x 2^63 does not fit 63 bits",
    })
    void shouldRejectAMalformedRemb(String variant, String hex, String message) {
        byte[] bytes = Hex.bytes(hex);

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseANegativeBitrate() {
        assertThatThrownBy(() -> new ReceiverEstimatedMaxBitrate(1, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
