package org.telehealth.media.control.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.telehealth.media.payload.VideoPayloadFormat;
import org.telehealth.media.rtcp.Goodbye;
import org.telehealth.media.rtcp.MalformedRtcpException;
import org.telehealth.media.rtcp.RtcpCompoundParser;
import org.telehealth.media.rtcp.RtcpCompoundReader;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.RtcpPacketType;
import org.telehealth.media.rtcp.RtcpPacketView;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A stand-in recorder for browser tests: a UDP socket on loopback that tallies what a room's
 * recording fork sends it, per SSRC: RTP packets and their payload types, VP8 keyframes, sender
 * reports, the in-band track descriptions and BYEs.
 */
final class ForkReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What arrived on one SSRC. */
    static final class Stream {
        final Set<Integer> payloadTypes = new HashSet<>();
        long packets;
        long keyframes;
        long senderReports;
        int lastSequenceNumber = -1;
        long sequenceJumps;
    }

    private final DatagramSocket socket;
    private final Thread reader;
    private final Map<Long, Stream> streams = new HashMap<>();
    private final List<JsonNode> descriptions = new CopyOnWriteArrayList<>();
    private final Set<Long> goodbyes = new HashSet<>();
    private volatile boolean running = true;

    ForkReceiver() throws SocketException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(200);
        reader = new Thread(this::read, "fork-receiver");
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    synchronized Stream stream(long ssrc) {
        return streams.computeIfAbsent(ssrc, key -> new Stream());
    }

    synchronized Map<Long, Stream> streams() {
        return Map.copyOf(streams);
    }

    List<JsonNode> descriptions() {
        return List.copyOf(descriptions);
    }

    synchronized Set<Long> goodbyes() {
        return Set.copyOf(goodbyes);
    }

    private void read() {
        byte[] buffer = new byte[2048];
        while (running) {
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            int type = buffer[1] & 0xFF;
            try {
                if (type >= 192 && type <= 223) {
                    onRtcp(buffer, datagram.getLength());
                } else {
                    onRtp(RtpPacket.parse(buffer, 0, datagram.getLength()));
                }
            } catch (MalformedRtpException | MalformedRtcpException | IOException e) {
                throw new AssertionError("the fork sent a malformed packet", e);
            }
        }
    }

    private synchronized void onRtp(RtpPacket rtp) {
        Stream stream = stream(rtp.ssrc());
        stream.packets++;
        stream.payloadTypes.add(rtp.payloadType());
        if (stream.lastSequenceNumber >= 0 && ((rtp.sequenceNumber() - stream.lastSequenceNumber) & 0xFFFF) > 100) {
            stream.sequenceJumps++;
        }
        stream.lastSequenceNumber = rtp.sequenceNumber();
        if (VideoPayloadFormat.VP8.startsKeyframe(rtp.buffer(), rtp.payloadOffset(), rtp.payloadLength())) {
            stream.keyframes++;
        }
    }

    private synchronized void onRtcp(byte[] buffer, int length) throws MalformedRtcpException, IOException {
        for (RtcpPacket packet : RtcpCompoundParser.parse(buffer, 0, length)) {
            if (packet instanceof SenderReport report) {
                stream(report.senderSsrc()).senderReports++;
            } else if (packet instanceof Goodbye bye) {
                goodbyes.addAll(bye.ssrcs());
            }
        }
        RtcpCompoundReader reader = new RtcpCompoundReader(buffer, 0, length);
        while (reader.hasNext()) {
            RtcpPacketView view = reader.next();
            if (view.packetType() == RtcpPacketType.APPLICATION_DEFINED
                    && new String(view.buffer(), view.offset() + 8, 4, StandardCharsets.US_ASCII).equals("TRCK")) {
                JsonNode description = JSON.readTree(new String(view.buffer(), view.offset() + 12, view.contentLength() - 12,
                        StandardCharsets.UTF_8).strip());
                if (description.path("ssrc").asLong() != NetworkByteOrder.uint32(view.buffer(), view.offset() + 4)) {
                    throw new AssertionError("a description from another SSRC than it describes: " + description);
                }
                descriptions.add(description);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(2000);
        socket.close();
    }
}
