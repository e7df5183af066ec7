package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

class RtcpCompoundParserTest {

    @Test
    void shouldParseTheCompoundPacketABrowserSendsEverySecond() throws Exception {
        byte[] compound = RtcpVectors.concat(RtcpVectors.CHROME_SENDER_REPORT, RtcpVectors.CHROME_SOURCE_DESCRIPTION);

        List<RtcpPacket> packets = RtcpCompoundParser.parse(compound, 0, compound.length);

        assertThat(packets).hasSize(2);
        assertThat(packets.get(0)).isInstanceOf(SenderReport.class);
        assertThat(((SenderReport) packets.get(0)).senderSsrc()).isEqualTo(0x5EF6A7B1L);
        assertThat(((SourceDescription) packets.get(1)).cnameOf(0x5EF6A7B1L)).contains("Xz8+KqW1tYv3Lm0p");
    }

    @Test
    void shouldSkipPacketTypesItDoesNotParse() throws Exception {
        byte[] tmmbr = Hex.bytes("83 cd 00 04 00 00 00 01 00 00 00 00 1a 2b 3c 4d 04 0b d0 90"); // RTPFB, FMT=3
        byte[] compound = RtcpVectors.concat(RtcpVectors.RECEIVER_REPORT, RtcpVectors.APPLICATION_DEFINED, tmmbr,
                Hex.bytes("80 cf 00 01 00 00 00 01"), RtcpVectors.NACK, RtcpVectors.FIR);

        List<RtcpPacket> packets = RtcpCompoundParser.parse(compound, 0, compound.length);

        assertThat(packets).hasExactlyElementsOfTypes(ReceiverReport.class, GenericNack.class, FullIntraRequest.class);
    }

    @Test
    void shouldTellTransportCcFeedbackFromAGenericNackByItsFormat() throws Exception {
        byte[] compound = RtcpVectors.concat(RtcpVectors.RECEIVER_REPORT, RtcpVectors.TRANSPORT_CC, RtcpVectors.NACK);

        List<RtcpPacket> packets = RtcpCompoundParser.parse(compound, 0, compound.length);

        assertThat(packets).hasExactlyElementsOfTypes(ReceiverReport.class, TransportCcFeedback.class,
                GenericNack.class);
    }

    @Test
    void shouldRejectTheWholeCompoundPacketIfAnyPacketIsMalformed() {
        byte[] truncatedFir = Hex.bytes("84 ce 00 03 00 00 00 01 00 00 00 00 11 11 11 11");
        byte[] compound = RtcpVectors.concat(RtcpVectors.CHROME_SENDER_REPORT, truncatedFir);

        assertThatThrownBy(() -> RtcpCompoundParser.parse(compound, 0, compound.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining("FIR FCI of 4 bytes");
    }

    @Test
    void shouldWriteACompoundPacketOfEveryKindAndReadItBack() throws Exception {
        List<RtcpPacket> packets = List.of(
                new ReceiverReport(1, List.of()),
                SourceDescription.cname(1, "sfu"),
                new GenericNack(1, 2, List.of(7, 9)),
                new TransportCcFeedback(1, 2, 65_535, -1, 0, List.of(TransportCcPacketStatus.received(4),
                        TransportCcPacketStatus.NOT_RECEIVED, TransportCcPacketStatus.received(-4))),
                new PictureLossIndication(1, 2),
                new FullIntraRequest(1, List.of(new FirEntry(2, 3))),
                new ReceiverEstimatedMaxBitrate(1, 300_000, List.of(2L)),
                Goodbye.of(1));

        byte[] compound = RtcpPacket.toCompoundBytes(packets);

        assertThat(RtcpCompoundParser.parse(compound, 0, compound.length)).isEqualTo(packets);
    }

    @Test
    void shouldWriteTheBrowsersCompoundPacketByteForByte() {
        byte[] expected = RtcpVectors.concat(RtcpVectors.CHROME_SENDER_REPORT, RtcpVectors.CHROME_SOURCE_DESCRIPTION);
        SenderReport report = new SenderReport(0x5EF6A7B1L, 0xE8D3F2A18B439581L, 0x4A2B9C10L, 1234, 987_654,
                List.of(new ReportBlock(0x1A2B3C4DL, 25, -2, 0x0001_2345L, 33, 0xF2A18B43L, 0x0001_8000L)));

        byte[] compound = RtcpPacket.toCompoundBytes(
                List.of(report, SourceDescription.cname(0x5EF6A7B1L, "Xz8+KqW1tYv3Lm0p")));

        assertThat(compound).isEqualTo(expected);
    }

    @Test
    void shouldWriteAtAnOffsetAndRefuseABufferTooSmall() {
        byte[] buffer = new byte[20];

        int written = new PictureLossIndication(1, 0x1A2B3C4DL).writeTo(buffer, 4);

        assertThat(written).isEqualTo(12);
        assertThat(Hex.of(buffer)).isEqualTo("00000000" + Hex.of(RtcpVectors.PLI) + "00000000");
        assertThatThrownBy(() -> new PictureLossIndication(1, 2).writeTo(buffer, 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not fit");
    }
}
