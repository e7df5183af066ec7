package org.telehealth.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a compound RTCP packet into the packets the SFU acts on: reports, descriptions, BYE,
 * NACK, transport-cc feedback, PLI, FIR and REMB. Other packet types and feedback formats (APP,
 * XR, TMMBR, ...) are skipped, as RFC 3550 asks, after their length has been checked; a caller
 * that needs them walks the packet with {@link RtcpCompoundReader} instead.
 */
public final class RtcpCompoundParser {

    private RtcpCompoundParser() {
    }

    /**
     * The known packets of the compound packet, in order.
     *
     * @throws MalformedRtcpException if any packet of the compound, known or not, is malformed
     */
    public static List<RtcpPacket> parse(byte[] buffer, int offset, int length) throws MalformedRtcpException {
        RtcpCompoundReader reader = new RtcpCompoundReader(buffer, offset, length);
        List<RtcpPacket> packets = new ArrayList<>();
        while (reader.hasNext()) {
            parse(reader.next()).ifPresent(packets::add);
        }
        return packets;
    }

    /** One packet found by {@link RtcpCompoundReader}; empty if it is of a type the SFU does not parse. */
    public static Optional<RtcpPacket> parse(RtcpPacketView packet) throws MalformedRtcpException {
        switch (packet.packetType()) {
            case RtcpPacketType.SENDER_REPORT:
                return Optional.of(SenderReport.parse(packet));
            case RtcpPacketType.RECEIVER_REPORT:
                return Optional.of(ReceiverReport.parse(packet));
            case RtcpPacketType.SOURCE_DESCRIPTION:
                return Optional.of(SourceDescription.parse(packet));
            case RtcpPacketType.GOODBYE:
                return Optional.of(Goodbye.parse(packet));
            case RtcpPacketType.TRANSPORT_LAYER_FEEDBACK:
                return parseTransportLayerFeedback(packet);
            case RtcpPacketType.PAYLOAD_SPECIFIC_FEEDBACK:
                return parsePayloadSpecificFeedback(packet);
            default:
                return Optional.empty();
        }
    }

    private static Optional<RtcpPacket> parseTransportLayerFeedback(RtcpPacketView packet)
            throws MalformedRtcpException {
        switch (packet.countOrFormat()) {
            case GenericNack.FORMAT:
                return Optional.of(GenericNack.parse(packet));
            case TransportCcFeedback.FORMAT:
                return Optional.of(TransportCcFeedback.parse(packet));
            default:
                return Optional.empty();
        }
    }

    private static Optional<RtcpPacket> parsePayloadSpecificFeedback(RtcpPacketView packet)
            throws MalformedRtcpException {
        switch (packet.countOrFormat()) {
            case PictureLossIndication.FORMAT:
                return Optional.of(PictureLossIndication.parse(packet));
            case FullIntraRequest.FORMAT:
                return Optional.of(FullIntraRequest.parse(packet));
            case ReceiverEstimatedMaxBitrate.FORMAT:
                return ReceiverEstimatedMaxBitrate.isRemb(packet)
                        ? Optional.of(ReceiverEstimatedMaxBitrate.parse(packet))
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
