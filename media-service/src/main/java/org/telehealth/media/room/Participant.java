package org.telehealth.media.room;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.telehealth.media.retransmission.NackRetransmitter;
import org.telehealth.media.retransmission.RetransmissionBuffer;
import org.telehealth.media.retransmission.RtxPayloadTypes;
import org.telehealth.media.sdp.Codec;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.session.MediaSession;

/**
 * A participant of a room as the SFU knows them: their media session, the tracks they publish, the
 * tracks of others they receive (by the mid of the browser's receiving section), and the header
 * extension ids whose values name the browser's own sections and must not reach other browsers.
 * The negotiation state is replaced as a whole at each offer/answer.
 *
 * <p>It also keeps the participant's share of the media path's state, so that it goes when they
 * leave: as a publisher, a {@link PublishedVideoStream} per video track (packet repair), an
 * {@link InboundStream} per track (reception statistics) and their {@link TransportWideArrivals}
 * (transport-cc); as a receiver, a {@link NackRetransmitter} per video stream it NACKed, the
 * {@link RelayedSenderReports} that time the round trip to them and {@link OutboundCounters}. Per-track
 * state is dropped for tracks a renegotiation removes; a room drops its other participants'
 * retransmitters of a leaving publisher's streams.
 */
public final class Participant {

    private final String id;
    private final Room room;
    private final MediaSession session;
    private static final PublishedVideoStream[] NO_STREAMS = new PublishedVideoStream[0];
    private static final InboundStream[] NO_INBOUND_STREAMS = new InboundStream[0];

    private final Map<Long, Long> lastKeyframeRequestNanos = new ConcurrentHashMap<>();
    private final Map<Long, NackRetransmitter> retransmitters = new ConcurrentHashMap<>();
    private volatile Negotiated negotiated = new Negotiated(List.of(), Map.of(), List.of());
    private volatile RtxPayloadTypes rtxPayloadTypes = RtxPayloadTypes.NONE_NEGOTIATED;
    private volatile PublishedVideoStream[] videoStreams = NO_STREAMS;
    private volatile InboundStream[] inboundStreams = NO_INBOUND_STREAMS;
    private volatile TransportWideArrivals transportWideArrivals;
    private final RelayedSenderReports relayedSenderReports = new RelayedSenderReports();
    private final OutboundCounters outbound = new OutboundCounters();

    /**
     * What the last offer/answer settled.
     *
     * @param codecsByMid the codecs the answer accepted in each of the participant's sections, by
     *        mid, payload types as the browser numbered them
     * @param transportSequenceNumberId the id of the transport-wide sequence number extension in the
     *        participant's sending sections, if the answer kept it: the SFU then owes them
     *        transport-cc feedback
     */
    public record Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
            List<Integer> privateExtensionIds, List<PublishedTrack> receivedTracks, Map<String, List<Codec>> codecsByMid,
            OptionalInt transportSequenceNumberId) {

        public Negotiated {
            published = List.copyOf(published);
            receivedByMid = Map.copyOf(receivedByMid);
            privateExtensionIds = List.copyOf(privateExtensionIds);
            receivedTracks = List.copyOf(receivedTracks);
            Map<String, List<Codec>> codecs = new HashMap<>();
            codecsByMid.forEach((mid, list) -> codecs.put(mid, List.copyOf(list)));
            codecsByMid = Map.copyOf(codecs);
            Objects.requireNonNull(transportSequenceNumberId, "transportSequenceNumberId");
        }

        public Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
                List<Integer> privateExtensionIds, Map<String, List<Codec>> codecsByMid,
                OptionalInt transportSequenceNumberId) {
            this(published, receivedByMid, privateExtensionIds, List.copyOf(receivedByMid.values()), codecsByMid,
                    transportSequenceNumberId);
        }

        public Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
                List<Integer> privateExtensionIds, Map<String, List<Codec>> codecsByMid) {
            this(published, receivedByMid, privateExtensionIds, codecsByMid, OptionalInt.empty());
        }

        public Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
                List<Integer> privateExtensionIds) {
            this(published, receivedByMid, privateExtensionIds, Map.of());
        }

        /** The mid of the section that receives the track of media SSRC {@code mediaSsrc}. */
        public Optional<String> midReceiving(long mediaSsrc) {
            for (Map.Entry<String, PublishedTrack> received : receivedByMid.entrySet()) {
                if (received.getValue().ssrc() == mediaSsrc) {
                    return Optional.of(received.getKey());
                }
            }
            return Optional.empty();
        }
    }

    Participant(String id, Room room, MediaSession session) {
        this.id = id;
        this.room = room;
        this.session = session;
    }

    public String id() {
        return id;
    }

    public Room room() {
        return room;
    }

    public MediaSession session() {
        return session;
    }

    public Negotiated negotiated() {
        return negotiated;
    }

    /**
     * Replaces the negotiation state, and drops the repair state of the tracks it no longer
     * publishes or receives.
     */
    public void negotiated(Negotiated settled) {
        List<Codec> allCodecs = new ArrayList<>();
        settled.codecsByMid().values().forEach(allCodecs::addAll);
        this.rtxPayloadTypes = RtxPayloadTypes.of(allCodecs);
        this.transportWideArrivals = transportWideArrivals(settled.transportSequenceNumberId());
        this.negotiated = settled;
        retransmitters.keySet().removeIf(ssrc -> settled.midReceiving(ssrc).isEmpty());
        synchronized (this) {
            List<PublishedVideoStream> kept = new ArrayList<>();
            for (PublishedVideoStream stream : videoStreams) {
                for (PublishedTrack track : settled.published()) {
                    if (track.kind() == MediaKind.VIDEO && track.ssrc() == stream.mediaSsrc()) {
                        kept.add(stream);
                    }
                }
            }
            videoStreams = kept.toArray(NO_STREAMS);
            List<InboundStream> keptInbound = new ArrayList<>();
            for (InboundStream stream : inboundStreams) {
                for (PublishedTrack track : settled.published()) {
                    if (track.kind() == stream.track().kind() && track.ssrc() == stream.track().ssrc()) {
                        keptInbound.add(stream);
                    }
                }
            }
            inboundStreams = keptInbound.toArray(NO_INBOUND_STREAMS);
        }
    }

    /** The arrivals of the same transport as before, if the extension stays negotiated, read under its id. */
    private TransportWideArrivals transportWideArrivals(OptionalInt extensionId) {
        TransportWideArrivals kept = transportWideArrivals;
        if (extensionId.isEmpty()) {
            return null;
        }
        if (kept == null) {
            return new TransportWideArrivals(extensionId.getAsInt());
        }
        return kept.extensionId() == extensionId.getAsInt() ? kept : kept.withExtensionId(extensionId.getAsInt());
    }

    /**
     * Where the arrivals of this participant's packets are noted for transport-cc feedback, or null
     * if their answer did not keep the extension. Read per packet.
     */
    TransportWideArrivals transportWideArrivals() {
        return transportWideArrivals;
    }

    /** The publishers' sender reports the SFU relayed to this participant as a receiver. */
    RelayedSenderReports relayedSenderReports() {
        return relayedSenderReports;
    }

    /**
     * The round trip between the SFU and this participant, in milliseconds, from the latest of
     * their report blocks that answered a sender report the SFU relayed them; empty until one did
     * (a participant who receives nothing never does).
     */
    public OptionalDouble roundTripMillis() {
        long nanos = relayedSenderReports.roundTripNanos();
        return nanos == RelayedSenderReports.UNKNOWN ? OptionalDouble.empty() : OptionalDouble.of(nanos / 1e6);
    }

    /** What the SFU sent this participant as a receiver. */
    public OutboundCounters outbound() {
        return outbound;
    }

    /**
     * The RTX bindings of the payload types this participant's browser uses, all sections together:
     * bundled sections that share a payload type must give it the same codec (BUNDLE, RFC 9143), so
     * the union is what any packet of the browser means. Read per packet of the browser's RTX.
     */
    RtxPayloadTypes rtxPayloadTypes() {
        return rtxPayloadTypes;
    }

    /**
     * Whether a keyframe request for this participant's track {@code ssrc} may go out now: at most
     * one per {@code intervalNanos}, so receivers asking together cost the publisher one keyframe.
     * Kept with the participant, so it goes when they leave.
     */
    public boolean claimKeyframeRequest(long ssrc, long nowNanos, long intervalNanos) {
        boolean[] claimed = {false};
        lastKeyframeRequestNanos.compute(ssrc, (key, last) -> {
            if (last != null && nowNanos - last < intervalNanos) {
                return last;
            }
            claimed[0] = true;
            return nowNanos;
        });
        return claimed[0];
    }

    /** The published track a packet of this SSRC belongs to. */
    public Optional<PublishedTrack> publishedTrack(long ssrc) {
        for (PublishedTrack track : negotiated.published()) {
            if (track.carries(ssrc)) {
                return Optional.of(track);
            }
        }
        return Optional.empty();
    }

    /**
     * The published track that carries packets of {@code ssrc} (its media or its RTX), or null. Runs
     * per packet: no Optional, no allocation.
     */
    PublishedTrack publishedTrackCarrying(long ssrc) {
        for (PublishedTrack track : negotiated.published()) {
            if (track.carries(ssrc)) {
                return track;
            }
        }
        return null;
    }

    /** The repair state of this participant's video track {@code track}, made on its first packet. Runs per packet. */
    PublishedVideoStream videoStream(PublishedTrack track) {
        PublishedVideoStream stream = videoStream(track.ssrc());
        return stream != null ? stream : addVideoStream(track.ssrc());
    }

    /** The repair state of this participant's video track of media SSRC {@code mediaSsrc}, or null. */
    PublishedVideoStream videoStream(long mediaSsrc) {
        for (PublishedVideoStream stream : videoStreams) {
            if (stream.mediaSsrc() == mediaSsrc) {
                return stream;
            }
        }
        return null;
    }

    /** The repair state of all this participant's video tracks that sent a packet. Callers must not modify it. */
    PublishedVideoStream[] videoStreams() {
        return videoStreams;
    }

    private synchronized PublishedVideoStream addVideoStream(long mediaSsrc) {
        PublishedVideoStream existing = videoStream(mediaSsrc);
        if (existing != null) {
            return existing;
        }
        PublishedVideoStream stream = PublishedVideoStream.of(mediaSsrc);
        PublishedVideoStream[] grown = Arrays.copyOf(videoStreams, videoStreams.length + 1);
        grown[grown.length - 1] = stream;
        videoStreams = grown;
        return stream;
    }

    /** What the SFU measures of this participant's track {@code track}, made on its first packet. Runs per packet. */
    InboundStream inboundStream(PublishedTrack track) {
        for (InboundStream stream : inboundStreams) {
            if (stream.track().ssrc() == track.ssrc()) {
                return stream;
            }
        }
        return addInboundStream(track);
    }

    /** What the SFU measures of each track this participant published that sent a packet. Callers must not modify it. */
    InboundStream[] inboundStreamArray() {
        return inboundStreams;
    }

    /** What the SFU measures of each track this participant publishes, as of now. */
    public List<InboundStream> inboundStreams() {
        return List.of(inboundStreams);
    }

    private synchronized InboundStream addInboundStream(PublishedTrack track) {
        for (InboundStream stream : inboundStreams) {
            if (stream.track().ssrc() == track.ssrc()) {
                return stream;
            }
        }
        InboundStream stream = new InboundStream(track);
        InboundStream[] grown = Arrays.copyOf(inboundStreams, inboundStreams.length + 1);
        grown[grown.length - 1] = stream;
        inboundStreams = grown;
        return stream;
    }

    /**
     * The retransmitter that answers this receiver's NACKs for the stream of {@code mediaSsrc}: the
     * one kept, if it still serves that buffer and RTX SSRC, else a new one from {@code create}.
     */
    NackRetransmitter retransmitter(long mediaSsrc, RetransmissionBuffer buffer, OptionalLong rtxSsrc,
            Supplier<NackRetransmitter> create) {
        return retransmitters.compute(mediaSsrc,
                (ssrc, kept) -> kept != null && kept.serves(buffer, rtxSsrc) ? kept : create.get());
    }

    /** Whether this receiver keeps a retransmitter for the stream of {@code mediaSsrc}. */
    boolean hasRetransmitter(long mediaSsrc) {
        return retransmitters.containsKey(mediaSsrc);
    }

    /** Drops this receiver's retransmitters of the streams {@code publisher} published: they are leaving. */
    void forgetStreamsOf(Participant publisher) {
        retransmitters.keySet().removeIf(ssrc -> publisher.publishedTrackCarrying(ssrc) != null
                || publisher.videoStream(ssrc) != null);
    }

    /** Whether this participant receives the track that carries packets of {@code ssrc}. Runs per packet. */
    public boolean receives(long ssrc) {
        for (PublishedTrack track : negotiated.receivedTracks()) {
            if (track.carries(ssrc)) {
                return true;
            }
        }
        return false;
    }
}
