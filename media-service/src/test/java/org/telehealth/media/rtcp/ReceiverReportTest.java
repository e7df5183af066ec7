package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

class ReceiverReportTest {

    private static final ReceiverReport EXPECTED = new ReceiverReport(1,
            List.of(new ReportBlock(0x5EF6A7B1L, 0, ReportBlock.MAX_CUMULATIVE_LOST, 0xFFFF, 256, 0, 0)));

    @Test
    void shouldReadEveryFieldOfAReceiverReport() throws Exception {
        ReceiverReport report = (ReceiverReport) parseOne(RtcpVectors.RECEIVER_REPORT);

        assertThat(report.senderSsrc()).isEqualTo(1);
        ReportBlock block = report.reportBlocks().get(0);
        assertThat(block.ssrc()).isEqualTo(0x5EF6A7B1L);
        assertThat(block.fractionLost()).isZero();
        assertThat(block.cumulativeLost()).isEqualTo(8_388_607);
        assertThat(block.extendedHighestSequenceNumber()).isEqualTo(65_535);
        assertThat(block.jitter()).isEqualTo(256);
        assertThat(block.lastSenderReport()).isZero();
        assertThat(block.delaySinceLastSenderReport()).isZero();
        assertThat(report).isEqualTo(EXPECTED);
    }

    @Test
    void shouldWriteTheSameBytes() {
        assertThat(EXPECTED.toBytes()).isEqualTo(RtcpVectors.RECEIVER_REPORT);
    }

    @Test
    void shouldReadAndWriteTheLowestCumulativeLoss() throws Exception {
        ReceiverReport report = new ReceiverReport(2,
                List.of(new ReportBlock(3, 255, ReportBlock.MIN_CUMULATIVE_LOST, 4, 5, 6, 7)));
        byte[] bytes = Hex.bytes("81 c9 00 07", "00 00 00 02", "00 00 00 03", "ff 80 00 00", "00 00 00 04",
                "00 00 00 05", "00 00 00 06", "00 00 00 07");

        assertThat(report.toBytes()).isEqualTo(bytes);
        assertThat(parseOne(bytes)).isEqualTo(report);
    }

    @Test
    void shouldReadAnEmptyReceiverReport() throws Exception {
        byte[] bytes = Hex.bytes("80 c9 00 01", "12 34 56 78");

        assertThat(parseOne(bytes)).isEqualTo(new ReceiverReport(0x12345678L, List.of()));
        assertThat(new ReceiverReport(0x12345678L, List.of()).toBytes()).isEqualTo(bytes);
    }

    @Test
    void shouldRejectAReportCountingMoreBlocksThanItHolds() {
        byte[] bytes = RtcpVectors.RECEIVER_REPORT.clone();
        bytes[0] = (byte) 0x82;

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining("receiver report counts 2 report blocks, which need 56 bytes, but has 32");
    }

    @Test
    void shouldRejectAReceiverReportOfZeroLength() {
        byte[] bytes = Hex.bytes("80 c9 00 00");

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining("which need 8 bytes, but has 4");
    }
}
