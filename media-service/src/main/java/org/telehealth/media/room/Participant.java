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
import org.telehealth.media.payload.VideoPayloadFormat;
import org.telehealth.media.retransmission.NackRetransmitter;
import org.telehealth.media.retransmission.RetransmissionSource;
import org.telehealth.media.retransmission.RtxPayloadTypes;
import org.telehealth.media.rtp.RtpPacket;
import org.telehealth.media.rtp.SdesItemExtension;
import org.telehealth.media.sdp.Codec;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.session.MediaSession;

/**
 * A participant of a room as the SFU knows them: their media session, the tracks they publish, the
 * tracks of others they receive (by the mid of the browser's receiving section), and the header
 * extension ids of their answer. The negotiation state is replaced as a whole at each offer/answer.
 *
 * <p>It also keeps the participant's share of the media path's state, so that it goes when they
 * leave. As a publisher: the {@link PublishedStream}s of their tracks (a simulcast track's learned
 * by its {@link SimulcastLayers}), a {@link PublishedVideoStream} per video stream (packet repair),
 * an {@link InboundStream} per stream (reception statistics) and their {@link TransportWideArrivals}
 * (transport-cc). As a receiver: a {@link LayerSwitcher} per simulcast track, the
 * {@link LayerSelector} and {@link ReceiverBandwidth} that drive them, a {@link NackRetransmitter}
 * per video track it NACKed, the {@link RelayedSenderReports} that time the round trip to them and
 * {@link OutboundCounters}. Per-track state is dropped for tracks a renegotiation removes; a room
 * drops its other participants' state about a leaving publisher's tracks.
 */
public final class Participant {

    private static final PublishedVideoStream[] NO_STREAMS = new PublishedVideoStream[0];
    private static final InboundStream[] NO_INBOUND_STREAMS = new InboundStream[0];
    private static final PublishedStream[] NO_PUBLISHED_STREAMS = new PublishedStream[0];
    private static final int PAYLOAD_TYPES = 128;

    private final String id;
    private final Room room;
    private final MediaSession session;
    private final Map<Long, Long> lastKeyframeRequestNanos = new ConcurrentHashMap<>();
    private final Map<Long, NackRetransmitter> retransmitters = new ConcurrentHashMap<>();
    private final Map<Long, LayerSwitcher> layerSwitchers = new ConcurrentHashMap<>();
    private final Map<String, SimulcastLayers> simulcastLayers = new ConcurrentHashMap<>();
    private volatile Negotiated negotiated = new Negotiated(List.of(), Map.of(), ExtensionIds.NONE);
    private volatile RtxPayloadTypes rtxPayloadTypes = RtxPayloadTypes.NONE_NEGOTIATED;
    private volatile VideoPayloadFormat[] payloadFormats = payloadFormats(Map.of());
    private volatile PayloadTypes payloadTypes = PayloadTypes.NONE;
    private volatile PublishedStream[] publishedStreams = NO_PUBLISHED_STREAMS;
    private volatile PublishedVideoStream[] videoStreams = NO_STREAMS;
    private volatile InboundStream[] inboundStreams = NO_INBOUND_STREAMS;
    private volatile TransportWideArrivals transportWideArrivals;
    private final RelayedSenderReports relayedSenderReports = new RelayedSenderReports();
    private final OutboundCounters outbound = new OutboundCounters();
    private final ReceiverBandwidth bandwidth = new ReceiverBandwidth();
    private final LayerSelector layerSelector = new LayerSelector();

    /**
     * What the last offer/answer settled.
     *
     * @param extensionIds the header extension ids of the answer
     * @param codecsByMid the codecs the answer accepted in each of the participant's sections, by
     *        mid, payload types as the browser numbered them
     * @param transportSequenceNumberId the id of the transport-wide sequence number extension in the
     *        participant's sending sections, if the answer kept it: the SFU then owes them
     *        transport-cc feedback
     * @param receiveCapsByMid the bitrate the browser's offer capped each receiving section at
     *        ({@code b=AS}, {@code b=TIAS}), bits per second, by mid
     */
    public record Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
            ExtensionIds extensionIds, List<PublishedTrack> receivedTracks, Map<String, List<Codec>> codecsByMid,
            OptionalInt transportSequenceNumberId, Map<String, Long> receiveCapsByMid) {

        public Negotiated {
            published = List.copyOf(published);
            receivedByMid = Map.copyOf(receivedByMid);
            Objects.requireNonNull(extensionIds, "extensionIds");
            receivedTracks = List.copyOf(receivedTracks);
            Map<String, List<Codec>> codecs = new HashMap<>();
            codecsByMid.forEach((mid, list) -> codecs.put(mid, List.copyOf(list)));
            codecsByMid = Map.copyOf(codecs);
            Objects.requireNonNull(transportSequenceNumberId, "transportSequenceNumberId");
            receiveCapsByMid = Map.copyOf(receiveCapsByMid);
        }

        public Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
                ExtensionIds extensionIds, Map<String, List<Codec>> codecsByMid,
                OptionalInt transportSequenceNumberId, Map<String, Long> receiveCapsByMid) {
            this(published, receivedByMid, extensionIds, List.copyOf(receivedByMid.values()), codecsByMid,
                    transportSequenceNumberId, receiveCapsByMid);
        }

        public Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
                ExtensionIds extensionIds, Map<String, List<Codec>> codecsByMid,
                OptionalInt transportSequenceNumberId) {
            this(published, receivedByMid, extensionIds, codecsByMid, transportSequenceNumberId, Map.of());
        }

        public Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
                ExtensionIds extensionIds, Map<String, List<Codec>> codecsByMid) {
            this(published, receivedByMid, extensionIds, codecsByMid, OptionalInt.empty());
        }

        public Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
                ExtensionIds extensionIds) {
            this(published, receivedByMid, extensionIds, Map.of());
        }

        /** The mid of the section that receives the track receivers know by SSRC {@code ssrc}. */
        public Optional<String> midReceiving(long ssrc) {
            for (Map.Entry<String, PublishedTrack> received : receivedByMid.entrySet()) {
                if (received.getValue().ssrc() == ssrc) {
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
     * Whether media sent to this participant now can reach them: their DTLS is done (SRTP keys
     * exist). A participant without a session (unit tests drive the forwarder without a transport)
     * always can.
     */
    boolean canReceive() {
        return session == null || session.isConnected();
    }

    /**
     * Replaces the negotiation state, and drops the state of the tracks it no longer publishes or
     * receives. A simulcast track that keeps its mid and rids keeps the layer SSRCs learned.
     */
    public void negotiated(Negotiated settled) {
        List<Codec> allCodecs = new ArrayList<>();
        settled.codecsByMid().values().forEach(allCodecs::addAll);
        this.rtxPayloadTypes = RtxPayloadTypes.of(allCodecs);
        this.payloadFormats = payloadFormats(settled.codecsByMid());
        this.payloadTypes = PayloadTypes.of(settled.codecsByMid());
        this.transportWideArrivals = transportWideArrivals(settled.transportSequenceNumberId());
        retransmitters.keySet().removeIf(ssrc -> settled.midReceiving(ssrc).isEmpty());
        layerSwitchers.keySet().removeIf(ssrc -> settled.midReceiving(ssrc).isEmpty());
        synchronized (this) {
            simulcastLayers.values().removeIf(layers -> settled.published().stream()
                    .noneMatch(track -> track.isSimulcast() && layers.describes(track.mid(), track.rids())));
            for (PublishedTrack track : settled.published()) {
                if (track.isSimulcast()) {
                    simulcastLayers.computeIfAbsent(track.mid(), mid -> new SimulcastLayers(mid, track.rids()));
                }
            }
            this.negotiated = settled;
            publishedStreams = streamsOf(settled.published());
            List<PublishedVideoStream> kept = new ArrayList<>();
            for (PublishedVideoStream stream : videoStreams) {
                PublishedStream published = publishedStream(stream.mediaSsrc());
                if (published != null && published.track().kind() == MediaKind.VIDEO && published.ssrc() == stream.mediaSsrc()) {
                    kept.add(stream);
                }
            }
            videoStreams = kept.toArray(NO_STREAMS);
            List<InboundStream> keptInbound = new ArrayList<>();
            for (InboundStream stream : inboundStreams) {
                PublishedStream published = publishedStream(stream.ssrc());
                if (published != null && published.ssrc() == stream.ssrc() && published.track().kind() == stream.track().kind()) {
                    keptInbound.add(stream.describing(published));
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

    /** How much video this participant can take as a receiver. */
    public ReceiverBandwidth bandwidth() {
        return bandwidth;
    }

    LayerSelector layerSelector() {
        return layerSelector;
    }

    /**
     * The RTX bindings of the payload types this participant's browser uses, all sections together:
     * bundled sections that share a payload type must give it the same codec (BUNDLE, RFC 9143), so
     * the union is what any packet of the browser means. Read per packet of the browser's RTX.
     */
    RtxPayloadTypes rtxPayloadTypes() {
        return rtxPayloadTypes;
    }

    /** The payload type numbers this participant's browser gave each format, which what is forwarded to it must carry. */
    PayloadTypes payloadTypes() {
        return payloadTypes;
    }

    /** The video payload format of payload type {@code payloadType} as this participant's browser numbers it. Runs per packet. */
    VideoPayloadFormat payloadFormat(int payloadType) {
        return payloadFormats[payloadType & 0x7F];
    }

    /**
     * Whether a keyframe request for this participant's stream {@code ssrc} may go out now: at most
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

    /** The published track receivers know by SSRC {@code ssrc} (its media or RTX). */
    public Optional<PublishedTrack> publishedTrack(long ssrc) {
        for (PublishedTrack track : negotiated.published()) {
            if (track.carries(ssrc)) {
                return Optional.of(track);
            }
        }
        return Optional.empty();
    }

    /**
     * The stream of this participant's that packets of {@code ssrc} belong to (its media or its
     * RTX), or null if no stream is known by it. Runs per packet: no Optional, no allocation.
     */
    PublishedStream publishedStream(long ssrc) {
        for (PublishedStream stream : publishedStreams) {
            if (stream.carries(ssrc)) {
                return stream;
            }
        }
        return null;
    }

    /** The streams this participant publishes, as far as they are known. Callers must not modify it. */
    PublishedStream[] publishedStreams() {
        return publishedStreams;
    }

    /** The layers of this participant's simulcast track {@code track}, or null if it is not one of theirs. */
    SimulcastLayers simulcastLayers(PublishedTrack track) {
        SimulcastLayers layers = simulcastLayers.get(track.mid());
        return layers != null && layers.describes(track.mid(), track.rids()) ? layers : null;
    }

    /**
     * The stream a packet of an SSRC not yet known belongs to, learned from the mid and rid (or
     * repaired rid) header extensions it carries: null if it names no layer of a simulcast track of
     * this participant's that is still to be learned (see {@link SimulcastLayers} for the bounds).
     * A learned RTX SSRC waits for its layer's media SSRC before a stream carries it.
     */
    PublishedStream learnStream(RtpPacket rtp) {
        ExtensionIds ids = negotiated.extensionIds();
        if (simulcastLayers.isEmpty() || ids.rtpStreamId() == ExtensionIds.ABSENT) {
            return null;
        }
        String rid = read(rtp, SdesItemExtension.RTP_STREAM_ID_URI, ids.rtpStreamId());
        boolean repaired = rid == null;
        if (repaired) {
            rid = read(rtp, SdesItemExtension.REPAIRED_RTP_STREAM_ID_URI, ids.repairedRtpStreamId());
        }
        String mid = read(rtp, SdesItemExtension.MID_URI, ids.mid());
        if (rid == null) {
            return null;
        }
        synchronized (this) {
            SimulcastLayers layers = layersOf(mid, rid);
            if (layers == null || !layers.learn(rtp.ssrc(), rid, repaired, this::sendsOn)) {
                return null;
            }
            publishedStreams = streamsOf(negotiated.published());
            return publishedStream(rtp.ssrc());
        }
    }

    /** The simulcast layers with that mid, or if the packet named none, the only ones that have that rid. */
    private SimulcastLayers layersOf(String mid, String rid) {
        if (mid != null) {
            return simulcastLayers.get(mid);
        }
        List<SimulcastLayers> withRid = simulcastLayers.values().stream().filter(l -> l.rids().contains(rid)).toList();
        return withRid.size() == 1 ? withRid.get(0) : null;
    }

    private boolean sendsOn(long ssrc) {
        if (publishedStream(ssrc) != null) {
            return true;
        }
        for (SimulcastLayers layers : simulcastLayers.values()) {
            if (layers.uses(ssrc)) {
                return true;
            }
        }
        return false;
    }

    private static String read(RtpPacket rtp, String uri, int id) {
        return id == ExtensionIds.ABSENT ? null : new SdesItemExtension(uri, id).read(rtp).orElse(null);
    }

    private PublishedStream[] streamsOf(List<PublishedTrack> tracks) {
        List<PublishedStream> streams = new ArrayList<>();
        for (PublishedTrack track : tracks) {
            if (!track.isSimulcast()) {
                streams.add(PublishedStream.of(track));
                continue;
            }
            SimulcastLayers layers = simulcastLayers(track);
            for (int layer = 0; layers != null && layer < track.rids().size(); layer++) {
                if (layers.mediaSsrc(layer) != PublishedStream.NO_SSRC) {
                    streams.add(new PublishedStream(track, layer, layers.mediaSsrc(layer), layers.rtxSsrc(layer)));
                }
            }
        }
        return streams.toArray(NO_PUBLISHED_STREAMS);
    }

    /** The repair state of this participant's video stream {@code stream}, made on its first packet. Runs per packet. */
    PublishedVideoStream videoStream(PublishedStream stream) {
        PublishedVideoStream repair = videoStream(stream.ssrc());
        return repair != null ? repair : addVideoStream(stream.ssrc());
    }

    /** The repair state of this participant's video stream of media SSRC {@code mediaSsrc}, or null. */
    PublishedVideoStream videoStream(long mediaSsrc) {
        for (PublishedVideoStream stream : videoStreams) {
            if (stream.mediaSsrc() == mediaSsrc) {
                return stream;
            }
        }
        return null;
    }

    /** The repair state of all this participant's video streams that sent a packet. Callers must not modify it. */
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

    /** What the SFU measures of this participant's stream {@code stream}, made on its first packet. Runs per packet. */
    InboundStream inboundStream(PublishedStream stream) {
        InboundStream inbound = inboundStream(stream.ssrc());
        return inbound != null ? inbound : addInboundStream(stream);
    }

    /** What the SFU measures of this participant's stream of media SSRC {@code mediaSsrc}, or null before its first packet. */
    InboundStream inboundStream(long mediaSsrc) {
        for (InboundStream stream : inboundStreams) {
            if (stream.ssrc() == mediaSsrc) {
                return stream;
            }
        }
        return null;
    }

    /** What the SFU measures of each stream this participant published that sent a packet. Callers must not modify it. */
    InboundStream[] inboundStreamArray() {
        return inboundStreams;
    }

    /** What the SFU measures of each stream this participant publishes, as of now. */
    public List<InboundStream> inboundStreams() {
        return List.of(inboundStreams);
    }

    private synchronized InboundStream addInboundStream(PublishedStream published) {
        InboundStream existing = inboundStream(published.ssrc());
        if (existing != null) {
            return existing;
        }
        InboundStream stream = new InboundStream(published);
        InboundStream[] grown = Arrays.copyOf(inboundStreams, inboundStreams.length + 1);
        grown[grown.length - 1] = stream;
        inboundStreams = grown;
        return stream;
    }

    /**
     * The retransmitter that answers this receiver's NACKs for the track it knows by SSRC
     * {@code ssrc}: the one kept, if it still serves that source and RTX SSRC, else a new one from
     * {@code create}.
     */
    NackRetransmitter retransmitter(long ssrc, RetransmissionSource source, OptionalLong rtxSsrc,
            Supplier<NackRetransmitter> create) {
        return retransmitters.compute(ssrc,
                (key, kept) -> kept != null && kept.serves(source, rtxSsrc) ? kept : create.get());
    }

    /** Whether this receiver keeps a retransmitter for the track it knows by SSRC {@code ssrc}. */
    boolean hasRetransmitter(long ssrc) {
        return retransmitters.containsKey(ssrc);
    }

    /** The layer switcher of the simulcast track this receiver knows by SSRC {@code ssrc}, or null before it was given a layer. Runs per packet. */
    LayerSwitcher layerSwitcher(long ssrc) {
        return layerSwitchers.get(ssrc);
    }

    /** Sets the target layer of the simulcast track this receiver knows by SSRC {@code ssrc}, making its switcher if need be. */
    LayerSwitcher targetLayer(long ssrc, int layer) {
        LayerSwitcher switcher = layerSwitchers.computeIfAbsent(ssrc, key -> new LayerSwitcher(key, layer));
        switcher.target(layer);
        return switcher;
    }

    /**
     * The rid of the layer this receiver gets of the simulcast track it knows by SSRC {@code ssrc},
     * or null (no layer yet, or not a simulcast track).
     */
    public String selectedLayer(long ssrc) {
        LayerSwitcher switcher = layerSwitchers.get(ssrc);
        return switcher == null ? null : ridOf(ssrc, switcher.selected());
    }

    /** The rid of the layer this receiver is to get of the simulcast track it knows by SSRC {@code ssrc}, or null. */
    public String targetLayer(long ssrc) {
        LayerSwitcher switcher = layerSwitchers.get(ssrc);
        return switcher == null ? null : ridOf(ssrc, switcher.target());
    }

    private String ridOf(long ssrc, int layer) {
        String mid = negotiated.midReceiving(ssrc).orElse(null);
        PublishedTrack track = mid == null ? null : negotiated.receivedByMid().get(mid);
        return track == null || layer < 0 || layer >= track.rids().size() ? null : track.rids().get(layer);
    }

    /** Drops this receiver's state about the tracks {@code publisher} published: they are leaving. */
    void forgetStreamsOf(Participant publisher) {
        retransmitters.keySet().removeIf(ssrc -> publisher.publishedTrack(ssrc).isPresent());
        layerSwitchers.keySet().removeIf(ssrc -> publisher.publishedTrack(ssrc).isPresent());
    }

    /** Whether this participant receives the track it knows by SSRC {@code ssrc} (media or RTX). Runs per packet. */
    public boolean receives(long ssrc) {
        List<PublishedTrack> received = negotiated.receivedTracks();
        for (int i = 0; i < received.size(); i++) { // no iterator: this runs per packet and receiver
            if (received.get(i).carries(ssrc)) {
                return true;
            }
        }
        return false;
    }

    private static VideoPayloadFormat[] payloadFormats(Map<String, List<Codec>> codecsByMid) {
        VideoPayloadFormat[] formats = new VideoPayloadFormat[PAYLOAD_TYPES];
        Arrays.fill(formats, VideoPayloadFormat.UNKNOWN);
        for (List<Codec> codecs : codecsByMid.values()) {
            for (Codec codec : codecs) {
                if (!codec.isRtx() && VideoPayloadFormat.of(codec.name()) != VideoPayloadFormat.UNKNOWN) {
                    formats[codec.payloadType()] = VideoPayloadFormat.of(codec.name());
                }
            }
        }
        return formats;
    }
}
