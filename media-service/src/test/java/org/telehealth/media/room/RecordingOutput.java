package org.telehealth.media.room;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.telehealth.media.rtcp.MalformedRtcpException;
import org.telehealth.media.rtcp.RtcpCompoundParser;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/** Keeps what the media path sends, as it would reach SRTP, for tests to read back. */
final class RecordingOutput implements ParticipantOutput {

    record Sent(Participant to, byte[] packet, boolean rtcp) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private final Set<Participant> disconnected = new HashSet<>();

    @Override
    public boolean isConnected(Participant participant) {
        return !disconnected.contains(participant);
    }

    @Override
    public boolean send(Participant to, SrtpPacketBuffer packet, boolean rtcp) {
        if (!isConnected(to)) {
            return false;
        }
        sent.add(new Sent(to, packet.toByteArray(), rtcp));
        return true;
    }

    void disconnect(Participant participant) {
        disconnected.add(participant);
    }

    List<Sent> sent() {
        return sent;
    }

    void clear() {
        sent.clear();
    }

    List<byte[]> rtpTo(Participant participant) {
        return sent.stream().filter(s -> s.to() == participant && !s.rtcp()).map(Sent::packet).toList();
    }

    /** The compound RTCP packets sent to {@code participant}, each parsed. */
    List<List<RtcpPacket>> rtcpTo(Participant participant) {
        List<List<RtcpPacket>> compounds = new ArrayList<>();
        for (Sent s : sent) {
            if (s.to() == participant && s.rtcp()) {
                try {
                    compounds.add(RtcpCompoundParser.parse(s.packet(), 0, s.packet().length));
                } catch (MalformedRtcpException e) {
                    throw new AssertionError("the SFU sent malformed RTCP", e);
                }
            }
        }
        return compounds;
    }
}
