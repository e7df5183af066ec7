package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;

import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

class PictureLossIndicationTest {

    @Test
    void shouldReadWhoAsksWhichSourceForAKeyframe() throws Exception {
        assertThat(parseOne(RtcpVectors.PLI)).isEqualTo(new PictureLossIndication(1, 0x1A2B3C4DL));
    }

    @Test
    void shouldWriteTheSameBytes() {
        assertThat(new PictureLossIndication(1, 0x1A2B3C4DL).toBytes()).isEqualTo(RtcpVectors.PLI);
    }

    @Test
    void shouldRejectAPliWithoutTheMediaSource() {
        byte[] bytes = Hex.bytes("81 ce 00 01", "00 00 00 01");

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining("PLI of 8 bytes is shorter than the 12-byte feedback header");
    }
}
