package org.telehealth.media.room;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.telehealth.media.payload.VideoPayloadFormat;
import org.telehealth.media.rtcp.Goodbye;
import org.telehealth.media.rtcp.RtcpPacket;
import org.telehealth.media.rtcp.SenderReport;
import org.telehealth.media.rtcp.SourceDescription;
import org.telehealth.media.rtp.MalformedRtpException;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.srtp.SrtpPacketBuffer;

/**
 * The copy of a room's media that goes to the recording-service while the room is recorded: every
 * published track once, as plain RTP with its sender reports over RTCP, to one UDP address. The
 * recorder needs nothing from the SFU but these packets:
 *
 * <ul>
 *   <li>a track joins the fork at its first packet after the fork started (participants who join
 *       later included): the fork sends its description in-band, an RTCP APP packet
 *       ({@link ForkedTrack#descriptionPacket}) repeated every second while the track lasts, and
 *       asks the publisher for a keyframe, where the recorder can start;
 *   <li>packets keep the track's SSRC ({@link PublishedTrack#ssrc()}), lose their header
 *       extensions, and of a simulcast track only the highest layer being sent goes, renumbered
 *       onto one sequence and clock by the fork's own {@link LayerSwitcher} (a layer that stops is
 *       left for the next one down; the publisher is asked for a keyframe of the new layer);
 *   <li>video comes after the SFU's upstream repair (RTX unwrapped, duplicates dropped); the
 *       publisher's RTX is never forked;
 *   <li>the publishers' sender reports follow, on the forked SSRC (rewritten for a simulcast
 *       track), with their CNAME: the recorder puts every track on one timeline with them;
 *   <li>a track its publisher stops, or whose publisher leaves, ends with an RTCP BYE; so do all
 *       at {@link #stop()}.
 * </ul>
 *
 * <p>Held by the {@link Room} while it is recorded; the media path looks it up per packet with one
 * null check, so rooms that are not recorded pay nothing else. The media thread forwards through
 * it, the feedback timer {@link #tick ticks} it, the control API describes and stops it.
 */
public final class RecordingFork {

    /** How often each track's description is sent again (the first one may be lost: UDP). */
    static final long DESCRIPTION_INTERVAL_NANOS = 1_000_000_000L;
    /** Tracks one fork follows: three per participant (microphone, camera, screen) in a full room. */
    static final int MAX_TRACKS = 3 * Room.MAX_PARTICIPANTS;

    /** Asks a publisher for a keyframe of one of its streams (media SSRC), at most so often. */
    @FunctionalInterface
    interface KeyframeRequester {
        void request(Participant publisher, long mediaSsrc, long nowNanos);
    }

    private final Room room;
    private final InetSocketAddress target;
    private final String host;
    private final ForkOutput output;
    private final KeyframeRequester keyframes;
    private final LongAdder packets = new LongAdder();
    private volatile ForkedTrack[] tracks = new ForkedTrack[0];
    private volatile boolean stopped;
    private long lastDescriptionsNanos;

    /**
     * @param host the recorder's host as the control API was given it (for the description)
     * @param target its resolved address
     */
    RecordingFork(Room room, String host, InetSocketAddress target, ForkOutput output, KeyframeRequester keyframes) {
        this.room = room;
        this.host = host;
        this.target = target;
        this.output = output;
        this.keyframes = keyframes;
    }

    public InetSocketAddress target() {
        return target;
    }

    /** RTP packets sent to the recorder. */
    public long packetsSent() {
        return packets.sum();
    }

    /** The tracks forked so far, and those published and still to send their first packet. */
    public RecordingDescription describe() {
        List<RecordingDescription.Track> described = new ArrayList<>();
        ForkedTrack[] forked = tracks;
        for (ForkedTrack track : forked) {
            described.add(track.describe());
        }
        for (Participant participant : room.participants()) {
            for (PublishedTrack track : participant.negotiated().published()) {
                if (find(forked, participant, track.ssrc()) == null) {
                    described.add(ForkedTrack.describe(participant, track, true));
                }
            }
        }
        return new RecordingDescription(room.id(), host, target.getPort(), described);
    }

    /**
     * Forwards {@code rtp}, a media packet of {@code sender}'s stream {@code stream}, to the recorder.
     * Runs per packet on the media thread, in recorded rooms only.
     *
     * @param scratch where the recorder's copy is written (over what it held) and sent from
     */
    void onRtp(Participant sender, PublishedStream stream, RtpPacket rtp, long nowNanos, SrtpPacketBuffer scratch) {
        if (stopped || rtp.ssrc() != stream.ssrc()) {
            return;
        }
        PublishedTrack published = stream.track();
        ForkedTrack track = find(tracks, sender, published.ssrc());
        if (track == null || track.ended()) {
            track = join(sender, published, nowNanos);
            if (track == null) {
                return;
            }
        }
        LayerSwitcher switcher = track.switcher();
        VideoPayloadFormat format = switcher == null ? null : sender.payloadFormat(rtp.payloadType());
        if (switcher != null && !switcher.accept(stream, sender.simulcastLayers(published), rtp, format, nowNanos)) {
            if (switcher.awaitsKeyframe() && stream.layer() == switcher.target()) {
                keyframes.request(sender, stream.ssrc(), nowNanos);
            }
            return;
        }
        DownstreamPacketWriter.write(rtp, published.kind(), sender.negotiated().extensionIds(), ExtensionIds.NONE, nowNanos,
                scratch);
        if (switcher != null) {
            switcher.rewrite(parse(scratch), format);
        }
        output.send(scratch.getBuffer(), scratch.getOffset(), scratch.getLength());
        packets.increment();
    }

    /**
     * Relays {@code report}, {@code publisher}'s sender report of its media stream {@code stream},
     * on the forked SSRC: as it is for a track sent whole, rewritten by the fork's switcher for the
     * layer of a simulcast track it forwards (and not at all for the other layers).
     *
     * @param cname the publisher's CNAME from the same compound packet, or null
     */
    void onSenderReport(Participant publisher, PublishedStream stream, SenderReport report, String cname) {
        ForkedTrack track = stopped ? null : find(tracks, publisher, stream.track().ssrc());
        if (track == null || track.ended()) {
            return;
        }
        SenderReport forked = track.switcher() == null
                ? new SenderReport(track.ssrc(), report.ntpTimestamp(), report.rtpTimestamp(), report.packetCount(),
                        report.octetCount(), List.of())
                : track.switcher().senderReport(stream.layer(), report);
        if (forked != null) {
            send(cname == null ? List.of(forked) : List.of(forked, SourceDescription.cname(track.ssrc(), cname)));
        }
    }

    /**
     * What the fork does on its own, on the feedback timer's tick: ends the tracks their publishers
     * stopped (BYE), chooses the layer of each simulcast track (the highest one sent; a keyframe of
     * a new one is asked for), and every second sends each track's description again.
     */
    void tick(long nowNanos) {
        if (stopped) {
            return;
        }
        boolean describe = nowNanos - lastDescriptionsNanos >= DESCRIPTION_INTERVAL_NANOS;
        if (describe) {
            lastDescriptionsNanos = nowNanos;
        }
        for (ForkedTrack track : tracks) {
            if (track.ended()) {
                continue;
            }
            Participant publisher = track.publisher();
            if (room.participant(publisher.id()).orElse(null) != publisher
                    || publisher.publishedTrack(track.ssrc()).filter(p -> p.equals(track.track())).isEmpty()) {
                track.ended(true);
                send(List.of(Goodbye.of(track.ssrc())));
                continue;
            }
            if (track.switcher() != null) {
                selectLayer(track, nowNanos);
            }
            if (describe) {
                sendDescription(track);
            }
        }
    }

    /** Ends every track (BYE) and closes the socket; packets after it are dropped. */
    void stop() {
        stopped = true;
        List<Long> active = Arrays.stream(tracks).filter(track -> !track.ended()).map(ForkedTrack::ssrc).toList();
        for (int from = 0; from < active.size(); from += 31) {
            send(List.of(new Goodbye(active.subList(from, Math.min(active.size(), from + 31)), "recording stopped")));
        }
        output.close();
    }

    /**
     * Makes {@code published} a track of the fork (again, if it ended and its publisher sends it
     * anew), sends its description and asks for a keyframe; null if the fork follows
     * {@link #MAX_TRACKS} already. Ended tracks stay described until twice that many were kept.
     */
    private synchronized ForkedTrack join(Participant sender, PublishedTrack published, long nowNanos) {
        ForkedTrack track = find(tracks, sender, published.ssrc());
        if (track == null || track.ended()) {
            if (Arrays.stream(tracks).filter(t -> !t.ended()).count() >= MAX_TRACKS) {
                return null;
            }
            List<ForkedTrack> kept = new ArrayList<>();
            for (ForkedTrack other : tracks) {
                if (!other.isOf(sender, published.ssrc())) {
                    kept.add(other);
                }
            }
            while (kept.size() >= 2 * MAX_TRACKS) {
                kept.remove(kept.stream().filter(ForkedTrack::ended).findFirst().orElseThrow());
            }
            track = new ForkedTrack(sender, published);
            kept.add(track);
            tracks = kept.toArray(new ForkedTrack[0]);
        }
        sendDescription(track);
        if (published.kind() == MediaKind.VIDEO) {
            requestKeyframe(track, nowNanos);
        }
        return track;
    }

    /** Targets the highest layer the publisher sends now; a change asks for a keyframe of it, as does waiting for one. */
    private void selectLayer(ForkedTrack track, long nowNanos) {
        Participant publisher = track.publisher();
        SimulcastLayers layers = publisher.simulcastLayers(track.track());
        if (layers == null) {
            return;
        }
        for (int layer = track.track().rids().size() - 1; layer >= 0; layer--) {
            long ssrc = layers.mediaSsrc(layer);
            InboundStream stream = ssrc == PublishedStream.NO_SSRC ? null : publisher.inboundStream(ssrc);
            if (stream != null && stream.active(nowNanos)) {
                track.switcher().target(layer);
                break;
            }
        }
        if (track.switcher().awaitsKeyframe()) {
            requestKeyframe(track, nowNanos);
        }
    }

    private void requestKeyframe(ForkedTrack track, long nowNanos) {
        Participant publisher = track.publisher();
        if (track.switcher() == null) {
            keyframes.request(publisher, track.ssrc(), nowNanos);
            return;
        }
        SimulcastLayers layers = publisher.simulcastLayers(track.track());
        long ssrc = layers == null ? PublishedStream.NO_SSRC : layers.mediaSsrc(track.switcher().target());
        if (ssrc != PublishedStream.NO_SSRC) {
            keyframes.request(publisher, ssrc, nowNanos);
        }
    }

    private void sendDescription(ForkedTrack track) {
        byte[] bytes = track.descriptionPacket().toBytes();
        output.send(bytes, 0, bytes.length);
    }

    private void send(List<? extends RtcpPacket> compound) {
        byte[] bytes = RtcpPacket.toCompoundBytes(compound);
        output.send(bytes, 0, bytes.length);
    }

    private static ForkedTrack find(ForkedTrack[] tracks, Participant publisher, long trackSsrc) {
        for (ForkedTrack track : tracks) {
            if (track.isOf(publisher, trackSsrc)) {
                return track;
            }
        }
        return null;
    }

    private static RtpPacket parse(SrtpPacketBuffer copy) {
        try {
            return RtpPacket.parse(copy.getBuffer(), copy.getOffset(), copy.getLength());
        } catch (MalformedRtpException e) {
            throw new IllegalStateException("the SFU wrote a packet that does not parse", e);
        }
    }

}
