package org.telehealth.media.room;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
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

    private static final int[] NOTHING = new int[0];
    private static final int ONE_BYTE_PROFILE = 0xBEDE;

    private final RoomRegistry rooms;
    private final long sfuSsrc = new SecureRandom().nextInt() & 0xFFFFFFFFL;
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
        int[] blank = privateExtensionRanges(rtp, packet.getOffset(), sender.negotiated().privateExtensionIds());
        for (Participant receiver : sender.room().participants()) {
            if (receiver != sender && receiver.receives(ssrc) && receiver.session().isConnected()) {
                SrtpPacketBuffer copy = SrtpPacketBuffer.copyOf(packet.getBuffer(), packet.getOffset(), packet.getLength());
                for (int i = 0; i < blank.length; i += 2) {
                    Arrays.fill(copy.getBuffer(), blank[i], blank[i + 1], (byte) 0);
                }
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
        for (Participant publisher : room.participants()) {
            if (publisher.publishedTrack(mediaSsrc).isPresent()
                    && publisher.claimKeyframeRequest(mediaSsrc, now, KEYFRAME_REQUEST_INTERVAL_NANOS)) {
                byte[] request = RtcpPacket.toCompoundBytes(List.of(new ReceiverReport(sfuSsrc, List.of()),
                        new PictureLossIndication(sfuSsrc, mediaSsrc)));
                publisher.session().protectAndSend(SrtpPacketBuffer.copyOf(request, 0, request.length), true);
            }
        }
    }

    /**
     * Where the elements with these ids lie, as [start, end) pairs relative to the packet's start:
     * zeroing them turns them into padding, which RFC 8285 parsers skip. Found once per packet,
     * applied to each receiver's copy.
     */
    private static int[] privateExtensionRanges(RtpPacket rtp, int packetOffset, List<Integer> ids) {
        if (ids.isEmpty() || rtp.headerExtensionProfile() == RtpPacket.NO_HEADER_EXTENSION) {
            return NOTHING;
        }
        boolean oneByte = rtp.headerExtensionProfile() == ONE_BYTE_PROFILE;
        int[] ranges = new int[2 * ids.size()];
        int n = 0;
        for (int id : ids) {
            int data = rtp.findHeaderExtension(id);
            if (data != RtpPacket.NOT_FOUND) {
                ranges[n++] = data - (oneByte ? 1 : 2) - packetOffset;
                ranges[n++] = data + rtp.headerExtensionLengthAt(data) - packetOffset;
            }
        }
        return n == ranges.length ? ranges : Arrays.copyOf(ranges, n);
    }
}
