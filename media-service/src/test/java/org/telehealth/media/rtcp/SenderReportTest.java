package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.CHROME_SENDER_REPORT;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

class SenderReportTest {

    private static final SenderReport EXPECTED = new SenderReport(0x5EF6A7B1L, 0xE8D3F2A18B439581L, 0x4A2B9C10L, 1234,
            987_654, List.of(new ReportBlock(0x1A2B3C4DL, 25, -2, 0x0001_2345L, 33, 0xF2A18B43L, 0x0001_8000L)));

    @Test
    void shouldReadEveryFieldOfABrowserSenderReport() throws Exception {
        SenderReport report = (SenderReport) parseOne(CHROME_SENDER_REPORT);

        assertThat(report.senderSsrc()).isEqualTo(0x5EF6A7B1L);
        assertThat(report.ntpTimestamp()).isEqualTo(0xE8D3F2A18B439581L);
        assertThat(report.compactNtpTimestamp()).isEqualTo(0xF2A18B43L);
        assertThat(report.rtpTimestamp()).isEqualTo(0x4A2B9C10L);
        assertThat(report.packetCount()).isEqualTo(1234);
        assertThat(report.octetCount()).isEqualTo(987_654);
        assertThat(report.reportBlocks()).hasSize(1);
        ReportBlock block = report.reportBlocks().get(0);
        assertThat(block.ssrc()).isEqualTo(0x1A2B3C4DL);
        assertThat(block.fractionLost()).isEqualTo(25);
        assertThat(block.cumulativeLost()).isEqualTo(-2);
        assertThat(block.extendedHighestSequenceNumber()).isEqualTo(74_565);
        assertThat(block.jitter()).isEqualTo(33);
        assertThat(block.lastSenderReport()).isEqualTo(0xF2A18B43L);
        assertThat(block.delaySinceLastSenderReport()).isEqualTo(98_304);
        assertThat(report).isEqualTo(EXPECTED);
    }

    @Test
    void shouldWriteTheSameBytesAsTheBrowser() {
        assertThat(EXPECTED.toBytes()).isEqualTo(CHROME_SENDER_REPORT);
        assertThat(EXPECTED.length()).isEqualTo(52);
    }

    @Test
    void shouldReadAndWriteASenderReportWithoutReportBlocks() throws Exception {
        byte[] bytes = Hex.bytes("80 c8 00 06", "00 00 00 07", "00 00 00 01 80 00 00 00", "00 00 00 00",
                "ff ff ff ff", "ff ff ff ff");
        SenderReport report = new SenderReport(7, 0x0000_0001_8000_0000L, 0, 0xFFFF_FFFFL, 0xFFFF_FFFFL, List.of());

        assertThat(parseOne(bytes)).isEqualTo(report);
        assertThat(report.toBytes()).isEqualTo(bytes);
    }

    @Test
    void shouldIgnoreProfileSpecificExtensionsAfterTheReportBlocks() throws Exception {
        byte[] extended = RtcpVectors.concat(CHROME_SENDER_REPORT, Hex.bytes("ca fe ba be"));
        extended[3] = 0x0d;

        assertThat(parseOne(extended)).isEqualTo(EXPECTED);
    }

    @Test
    void shouldRejectAReportCountingMoreBlocksThanItHolds() {
        byte[] bytes = CHROME_SENDER_REPORT.clone();
        bytes[0] = (byte) 0x82;

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining("sender report counts 2 report blocks, which need 76 bytes, but has 52");
    }

    @Test
    void shouldRejectASenderReportOfZeroLengthInsteadOfLooping() {
        byte[] bytes = Hex.bytes("80 c8 00 00");

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining("which need 28 bytes, but has 4");
    }

    @Test
    void shouldRefuseToBuildAReportWithValuesItsFieldsCannotHold() {
        assertThatThrownBy(() -> new SenderReport(1L << 32, 0, 0, 0, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportBlock(1, 256, 0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportBlock(1, 0, 1 << 23, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SenderReport(1, 0, 0, 0, 0,
                Collections.nCopies(32, new ReportBlock(1, 0, 0, 0, 0, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 report blocks");
    }
}
