package org.telehealth.media.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtcp.SourceDescription;
import org.telehealth.media.srtp.SrtpPacketBuffer;
import org.telehealth.media.srtp.SrtpSession;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * A connected synthetic participant of {@link SfuVisits} as its caller sees it: what to send is the
 * caller's (payloads, sequence numbers, timestamps, when), and this writes it as the participant's
 * browser would: RTP with the participant's SSRC, payload type and {@code sdes:mid} header
 * extension, sender reports with its CNAME, all SRTP-protected, and consent checks. One thread
 * sends; the media the SFU forwards to the participant arrives on {@link #channel()}, which the
 * caller reads (non-blocking).
 *
 * <pre>
 *  | RTP fixed header (12), X=1 | 0xBEDE, length 1 | mid element: id 1, 1 byte, "0" or "1", 2 padding |
 *  | payload | SRTP tag |
 *
 *  | SR (28, no report blocks) | SDES: CNAME of the SSRC | SRTCP index and tag |
 * </pre>
 */
public final class SfuPublisher {

    /** The participant's two published tracks, as its offer numbers them (mid 0 and mid 1). */
    public enum Track {
        MICROPHONE(SyntheticOffer.OPUS, '0'),
        CAMERA(SyntheticOffer.VP8, '1');

        private final int payloadType;
        private final char mid;

        Track(int payloadType, char mid) {
            this.payloadType = payloadType;
            this.mid = mid;
        }

        /** Opus 111 for the microphone, VP8 96 for the camera. */
        public int payloadType() {
            return payloadType;
        }
    }

    private static final int HEADER_LENGTH = OutboundStream.HEADER_LENGTH;
    private static final int MAX_PACKET = 1500;

    private final SyntheticParticipant participant;
    private final LoadEndpoint endpoint;
    private final SrtpSession srtp;
    private final byte[] packet = new byte[MAX_PACKET + SrtpPacketBuffer.TRAILER_ROOM];
    private final SrtpPacketBuffer view = new SrtpPacketBuffer(packet, 0, 0);

    SfuPublisher(SyntheticParticipant participant) throws IOException {
        this.participant = participant;
        this.endpoint = participant.endpoint();
        this.srtp = endpoint.srtp().orElseThrow();
    }

    /** Room and participant, for logs. */
    public String name() {
        return participant.name();
    }

    public long ssrc(Track track) {
        return track == Track.MICROPHONE ? participant.ssrcs().audio() : participant.ssrcs().video();
    }

    /** Where the SFU sends the participant what others publish (SRTP); non-blocking. */
    public DatagramChannel channel() {
        return endpoint.channel();
    }

    /**
     * Sends one RTP packet of {@code track}.
     *
     * @return false if it was not sent (socket buffer full, SRTP refused, the SFU gone)
     */
    public boolean sendRtp(Track track, int sequenceNumber, long timestamp, boolean marker, byte[] payload) {
        int length = HEADER_LENGTH + payload.length;
        if (length > MAX_PACKET) {
            throw new IllegalArgumentException("an RTP payload of " + payload.length + " bytes does not fit a datagram");
        }
        packet[0] = (byte) 0x90; // version 2, header extension
        packet[1] = (byte) ((marker ? 0x80 : 0) | track.payloadType);
        NetworkByteOrder.writeUint16(packet, 2, sequenceNumber & 0xFFFF);
        NetworkByteOrder.writeUint32(packet, 4, timestamp & 0xFFFF_FFFFL);
        NetworkByteOrder.writeUint32(packet, 8, ssrc(track));
        NetworkByteOrder.writeUint16(packet, 12, 0xBEDE);
        NetworkByteOrder.writeUint16(packet, 14, 1);
        packet[16] = (byte) (SyntheticOffer.MID_EXTENSION_ID << 4);
        packet[17] = (byte) track.mid;
        packet[18] = 0;
        packet[19] = 0;
        System.arraycopy(payload, 0, packet, HEADER_LENGTH, payload.length);
        view.setOffset(0);
        view.setLength(length);
        return srtp.encryptRtp(view) && write(view.getLength());
    }

    /** Sends a sender report of {@code track} (and the participant's CNAME for it), as browsers do about once a second. */
    public boolean sendSenderReport(Track track, long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {
        long ssrc = ssrc(track);
        SenderReport report = new SenderReport(ssrc, ntpTimestamp, rtpTimestamp & 0xFFFF_FFFFL, packetCount & 0xFFFF_FFFFL,
                octetCount & 0xFFFF_FFFFL, List.of());
        int length = report.writeTo(packet, 0);
        length += SourceDescription.cname(ssrc, participant.cname()).writeTo(packet, length);
        view.setOffset(0);
        view.setLength(length);
        return srtp.encryptRtcp(view) && write(view.getLength());
    }

    /** A connectivity check, which keeps the SFU's consent (browsers send one about every 5 s; the SFU waits 30 s). */
    public void checkConsent() {
        try {
            endpoint.channel().write(ByteBuffer.wrap(endpoint.consent().orElseThrow().request().bytes()));
        } catch (IOException e) {
            // the next check tries again
        }
    }

    private boolean write(int length) {
        try {
            return endpoint.channel().write(ByteBuffer.wrap(packet, 0, length)) > 0;
        } catch (IOException e) {
            return false; // the SFU is gone (ICMP port unreachable)
        }
    }
}
