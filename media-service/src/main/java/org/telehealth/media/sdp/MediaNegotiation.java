package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the SFU's answer for one offered m-section. The SFU takes what a browser sends on the
 * browser's sendonly and sendrecv sections and answers them {@code recvonly}; it sends only on the
 * browser's {@code recvonly} sections, and only the track signaling assigned there. Sections it
 * cannot serve (data channels, sections outside the BUNDLE group or without a common codec) are
 * rejected.
 *
 * <p>What the SFU sends a browser is measured by the browser's receive-side estimator, which
 * answers with REMB: the SFU stamps abs-send-time on it, and its answer to a section the browser
 * receives on keeps {@code goog-remb} but neither transport-cc (the SFU does not number its
 * downlink packets) nor the rids, which only name the layers a browser sends.
 */
final class MediaNegotiation {

    /** At most this many simulcast layers are received, as many as browsers send. */
    static final int MAX_SIMULCAST_LAYERS = 3;

    private static final String PROTOCOL = "UDP/TLS/RTP/SAVPF";
    private static final String TRANSPORT_CC = "transport-cc";
    /** Extensions the SFU does not write on what it sends a browser. */
    private static final Set<String> NOT_SENT_EXTENSIONS = Set.of(HeaderExtension.TRANSPORT_WIDE_CC,
            HeaderExtension.RTP_STREAM_ID, HeaderExtension.REPAIRED_RTP_STREAM_ID);

    private MediaNegotiation() {
    }

    static AnsweredMedia negotiate(Offer offer, OfferedMedia offered, Optional<OutgoingTrack> assigned) {
        boolean servable = offered.enabled() && offered.kind() != MediaKind.OTHER && offer.isBundled(offered.mid())
                && offered.protocol().equals(PROTOCOL);
        List<Codec> codecs = servable ? SupportedCodecs.select(offered.kind(), offered.codecs()) : List.of();
        if (codecs.isEmpty()) {
            return AnsweredMedia.rejected(offered);
        }
        List<HeaderExtension> extensions = SupportedHeaderExtensions.select(offered.headerExtensions());
        if (offered.direction() == Direction.RECVONLY) {
            extensions = extensions.stream().filter(e -> !NOT_SENT_EXTENSIONS.contains(e.uri())).toList();
            codecs = codecs.stream().map(MediaNegotiation::withoutTransportCc).toList();
        }
        Direction direction = switch (offered.direction()) {
            case SENDRECV, SENDONLY -> Direction.RECVONLY;
            case RECVONLY -> assigned.isPresent() ? Direction.SENDONLY : Direction.INACTIVE;
            case INACTIVE -> Direction.INACTIVE;
        };
        Optional<OutgoingTrack> sent = direction == Direction.SENDONLY ? assigned : Optional.empty();
        if (codecs.stream().noneMatch(Codec::isRtx)) {
            sent = sent.map(OutgoingTrack::dropRtx);
        }
        Optional<Simulcast> simulcast = direction == Direction.RECVONLY ? receivedSimulcast(offered, extensions)
                : Optional.empty();
        List<Rid> rids = simulcast.stream()
                .flatMap(s -> s.receive().stream())
                .map(stream -> Rid.receive(stream.alternatives().get(0).rid()))
                .toList();
        return new AnsweredMedia(offered.mid(), offered.kind(), true, direction, codecs, extensions, rids, simulcast, sent);
    }

    private static Codec withoutTransportCc(Codec codec) {
        return codec.withFeedback(codec.feedback().stream().filter(f -> !f.type().equals(TRANSPORT_CC)).toList());
    }

    /**
     * The layers the SFU receives: the first {@value #MAX_SIMULCAST_LAYERS} streams of the offer's
     * send list, each by the first of its rids that has an {@code a=rid:<id> send} line, kept as
     * written (paused or not). Without the rtp-stream-id extension the layers cannot be told apart,
     * so the browser is then left to send one stream.
     */
    private static Optional<Simulcast> receivedSimulcast(OfferedMedia offered, List<HeaderExtension> extensions) {
        boolean ridsCanBeRead = extensions.stream().anyMatch(e -> e.uri().equals(HeaderExtension.RTP_STREAM_ID));
        if (offered.simulcast().isEmpty() || !ridsCanBeRead) {
            return Optional.empty();
        }
        Set<String> sendRids = new HashSet<>();
        offered.sendRids().forEach(rid -> sendRids.add(rid.id()));
        Set<String> taken = new HashSet<>();
        List<Simulcast.Stream> layers = new ArrayList<>();
        for (Simulcast.Stream stream : offered.simulcast().get().send()) {
            if (layers.size() == MAX_SIMULCAST_LAYERS) {
                break;
            }
            for (Simulcast.Alternative alternative : stream.alternatives()) {
                if (sendRids.contains(alternative.rid()) && taken.add(alternative.rid())) {
                    layers.add(new Simulcast.Stream(List.of(alternative)));
                    break;
                }
            }
        }
        return layers.isEmpty() ? Optional.empty() : Optional.of(new Simulcast(List.of(), layers));
    }
}
