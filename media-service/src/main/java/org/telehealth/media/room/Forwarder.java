package org.telehealth.media.room;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.telehealth.media.rtcp.FirEntry;
import org.telehealth.media.rtcp.FullIntraRequest;
import org.telehealth.media.rtcp.MalformedRtcpException;
import org.telehealth.media.rtcp.PictureLossIndication;
import org.telehealth.media.rtcp.ReceiverReport;
import org.telehealth.media.rtcp.RtcpCompoundParser;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.session.InboundDatagramRouter;
import org.telehealth.media.session.MediaSession;
import org.telehealth.media.session.MediaTransport;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * Forwards each participant's decrypted media to the other participants of the room who receive
 * that track, re-encrypted for each, and brings keyframe requests (PLI, FIR) from receivers back
 * to the publisher. SSRCs travel unchanged; header extensions that name the publisher's own SDP
 * sections (mid, rid) are blanked, so receivers demultiplex by the SSRCs their answer announced.
 */
@Startup
@ApplicationScoped
public class Forwarder implements InboundDatagramRouter.MediaSink {

    /** One keyframe request per track per this interval: receivers joining together cost one keyframe. */
    static final long KEYFRAME_REQUEST_INTERVAL_NANOS = 300_000_000L;

    private final RoomRegistry rooms;
    private final long sfuSsrc = new SecureRandom().nextInt() & 0xFFFFFFFFL;
    private final Map<Long, Long> lastKeyframeRequest = new ConcurrentHashMap<>();
    private final LongAdder forwarded = new LongAdder();
    private final LongAdder unknownStream = new LongAdder();
    private final LongAdder malformed = new LongAdder();

    public Forwarder(RoomRegistry rooms, MediaTransport transport) {
        this.rooms = rooms;
        transport.deliverMediaTo(this);
    }

    @Override
    public void accept(MediaSession from, SrtpPacketBuffer packet, boolean rtcp) {
        rooms.participantOf(from).ifPresent(sender -> {
            if (rtcp) {
                onRtcp(sender, packet);
            } else {
                onRtp(sender, packet);
            }
        });
    }

    /** Asks the publishers of every video track {@code receiver} gets for a keyframe. */
    public void requestKeyframes(Participant receiver) {
        for (PublishedTrack track : receiver.negotiated().receivedByMid().values()) {
            if (track.kind() == MediaKind.VIDEO) {
                requestKeyframe(receiver.room(), track.ssrc());
            }
        }
    }

    public long packetsForwarded() {
        return forwarded.sum();
    }

    private void onRtp(Participant sender, SrtpPacketBuffer packet) {
        RtpPacket rtp;
        try {
            rtp = RtpPacket.parse(packet.getBuffer(), packet.getOffset(), packet.getLength());
        } catch (MalformedRtpException e) {
            malformed.increment();
            return;
        }
        long ssrc = rtp.ssrc();
        if (sender.publishedTrack(ssrc).isEmpty()) {
            unknownStream.increment();
            return;
        }
        List<Integer> privateIds = sender.negotiated().privateExtensionIds();
        for (Participant receiver : sender.room().participants()) {
            if (receiver != sender && receiver.receives(ssrc) && receiver.session().isConnected()) {
                SrtpPacketBuffer copy = SrtpPacketBuffer.copyOf(packet.getBuffer(), packet.getOffset(), packet.getLength());
                blankExtensions(copy, privateIds);
                if (receiver.session().protectAndSend(copy, false)) {
                    forwarded.increment();
                }
            }
        }
    }

    private void onRtcp(Participant sender, SrtpPacketBuffer packet) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompoundParser.parse(packet.getBuffer(), packet.getOffset(), packet.getLength());
        } catch (MalformedRtcpException e) {
            malformed.increment();
            return;
        }
        for (RtcpPacket rtcp : packets) {
            if (rtcp instanceof PictureLossIndication pli && sender.receives(pli.mediaSsrc())) {
                requestKeyframe(sender.room(), pli.mediaSsrc());
            } else if (rtcp instanceof FullIntraRequest fir) {
                for (FirEntry entry : fir.entries()) {
                    if (sender.receives(entry.ssrc())) {
                        requestKeyframe(sender.room(), entry.ssrc());
                    }
                }
            }
        }
    }

    private void requestKeyframe(Room room, long mediaSsrc) {
        long now = System.nanoTime();
        Long last = lastKeyframeRequest.get(mediaSsrc);
        if (last != null && now - last < KEYFRAME_REQUEST_INTERVAL_NANOS) {
            return;
        }
        lastKeyframeRequest.put(mediaSsrc, now);
        for (Participant publisher : room.participants()) {
            if (publisher.publishedTrack(mediaSsrc).isPresent()) {
                byte[] request = RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(sfuSsrc, List.of()),
                        new PictureLossIndication(sfuSsrc, mediaSsrc)));
                publisher.session().protectAndSend(SrtpPacketBuffer.copyOf(request, 0, request.length), true);
            }
        }
    }

    /** Turns the elements with these ids into padding, which RFC 8285 parsers skip. */
    private static void blankExtensions(SrtpPacketBuffer packet, List<Integer> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            RtpPacket rtp = RtpPacket.parse(packet.getBuffer(), packet.getOffset(), packet.getLength());
            boolean oneByte = rtp.headerExtensionProfile() == 0xBEDE;
            for (int id : ids) {
                int data = rtp.findHeaderExtension(id);
                if (data != RtpPacket.NOT_FOUND) {
                    int start = data - (oneByte ? 1 : 2);
                    int end = data + rtp.headerExtensionLengthAt(data);
                    Arrays.fill(packet.getBuffer(), start, end, (byte) 0);
                }
            }
        } catch (MalformedRtpException e) {
            // parsed fine a moment ago; nothing to blank
        }
    }
}
