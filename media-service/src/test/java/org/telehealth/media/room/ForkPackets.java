package org.telehealth.media.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.telehealth.media.rtcp.MalformedRtcpException;
import org.telehealth.media.rtcp.RtcpCompoundParser;
import org.telehealth.media.rtcp.RtcpCompoundReader;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.RtcpPacketType;
import org.telehealth.media.rtcp.RtcpPacketView;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.wire.NetworkByteOrder;

/** Keeps what a recording fork sends, for tests to read back: RTP, RTCP and the in-band track descriptions. */
final class ForkPackets implements ForkOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<byte[]> sent = new ArrayList<>();
    private boolean closed;

    @Override
    public void send(byte[] packet, int offset, int length) {
        if (closed) {
            throw new IllegalStateException("sent on a closed fork output");
        }
        sent.add(Arrays.copyOfRange(packet, offset, offset + length));
    }

    @Override
    public long failures() {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }

    void clear() {
        sent.clear();
    }

    /** RTCP by RFC 5761's rule: packet types 192 to 223 in the second byte. */
    private static boolean isRtcp(byte[] packet) {
        int type = packet[1] & 0xFF;
        return type >= 192 && type <= 223;
    }

    List<RtpPacket> rtp() {
        return sent.stream().filter(p -> !isRtcp(p)).map(SimulcastPackets::parse).toList();
    }

    /** Every RTCP packet the parser knows (SR, SDES, BYE ...), compound packets flattened. */
    List<RtcpPacket> rtcp() {
        List<RtcpPacket> packets = new ArrayList<>();
        for (byte[] packet : sent) {
            if (isRtcp(packet)) {
                try {
                    packets.addAll(RtcpCompoundParser.parse(packet, 0, packet.length));
                } catch (MalformedRtcpException e) {
                    throw new AssertionError("the fork sent malformed RTCP", e);
                }
            }
        }
        return packets;
    }

    /** The in-band track descriptions (APP "TRCK"), in the order sent, as JSON with the packet's SSRC added as "appSsrc". */
    List<JsonNode> descriptions() {
        List<JsonNode> descriptions = new ArrayList<>();
        for (byte[] packet : sent) {
            if (!isRtcp(packet)) {
                continue;
            }
            try {
                RtcpCompoundReader reader = new RtcpCompoundReader(packet, 0, packet.length);
                while (reader.hasNext()) {
                    RtcpPacketView view = reader.next();
                    if (view.packetType() == RtcpPacketType.APPLICATION_DEFINED) {
                        String name = new String(view.buffer(), view.offset() + 8, 4, StandardCharsets.US_ASCII);
                        String data = new String(view.buffer(), view.offset() + 12, view.contentLength() - 12,
                                StandardCharsets.UTF_8);
                        if (name.equals(ForkedTrack.DESCRIPTION_NAME)) {
                            com.fasterxml.jackson.databind.node.ObjectNode json =
                                    (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(data.strip());
                            json.put("appSsrc", NetworkByteOrder.uint32(view.buffer(), view.offset() + 4));
                            descriptions.add(json);
                        }
                    }
                }
            } catch (MalformedRtcpException | IOException e) {
                throw new AssertionError("the fork sent a malformed description", e);
            }
        }
        return descriptions;
    }

    /** The kinds of what was sent, in order: "rtp", "app", "sr", "bye", ... (first packet of each compound). */
    List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (byte[] packet : sent) {
            kinds.add(switch (packet[1] & 0xFF) {
                case RtcpPacketType.APPLICATION_DEFINED -> "app";
                case RtcpPacketType.SENDER_REPORT -> "sr";
                case RtcpPacketType.GOODBYE -> "bye";
                default -> isRtcp(packet) ? "rtcp" : "rtp";
            });
        }
        return kinds;
    }
}
