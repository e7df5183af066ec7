package org.telehealth.media.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.telehealth.media.sdp.MediaKind;

/**
 * Chooses one receiver's simulcast layers on the feedback timer's tick: tells its
 * {@link LayerSelector} what each video track it receives costs (the publishers' measured media
 * bitrate of each layer, which layers are being sent, the cap of the receiver's section) and what
 * its {@link ReceiverBandwidth} allows, sets the targets it returns on the receiver's
 * {@link LayerSwitcher}s, and asks the publisher for a keyframe of each new target layer, where the
 * switch will happen. A receiver whose DTLS is not done yet is not asked for: the keyframe would
 * reach the SFU before the receiver can be sent anything and be lost, and the request would hold
 * the next one back for {@link PublisherFeedback#KEYFRAME_REQUEST_INTERVAL_NANOS} (its first frame
 * came 300 ms late in half of the joins measured); the request made when its media connects
 * ({@link Forwarder#requestKeyframes}) asks for the target layer instead.
 */
final class LayerSelection {

    private final PublisherFeedback feedback;
    private final LongAdder targetsSet = new LongAdder();

    LayerSelection(PublisherFeedback feedback) {
        this.feedback = feedback;
    }

    /** Target layers set, the first of each receiver's simulcast tracks included. */
    long targetsSet() {
        return targetsSet.sum();
    }

    void select(Participant receiver, long nowNanos) {
        Participant.Negotiated negotiated = receiver.negotiated();
        List<String> mids = new ArrayList<>(negotiated.receivedByMid().keySet());
        mids.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        List<LayerSelector.VideoTrack> tracks = new ArrayList<>();
        Map<Long, Participant> publishers = new HashMap<>();
        Map<Long, PublishedTrack> published = new HashMap<>();
        for (String mid : mids) {
            PublishedTrack received = negotiated.receivedByMid().get(mid);
            Participant publisher = received.kind() == MediaKind.VIDEO ? receiver.room().publisherOf(received.ssrc(), receiver)
                    : null;
            PublishedTrack track = publisher == null ? null : publisher.publishedTrack(received.ssrc()).orElse(null);
            if (track != null) {
                publishers.put(track.ssrc(), publisher);
                published.put(track.ssrc(), track);
                tracks.add(videoTrack(receiver, publisher, track,
                        negotiated.receiveCapsByMid().getOrDefault(mid, Long.MAX_VALUE), nowNanos));
            }
        }
        ReceiverBandwidth bandwidth = receiver.bandwidth();
        Map<Long, Integer> targets = receiver.layerSelector().select(nowNanos, bandwidth.limit(),
                bandwidth.estimate(nowNanos), bandwidth.forwardedVideoBps(nowNanos), tracks);
        boolean canReceive = receiver.canReceive();
        targets.forEach((ssrc, layer) -> {
            receiver.targetLayer(ssrc, layer);
            targetsSet.increment();
            SimulcastLayers layers = publishers.get(ssrc).simulcastLayers(published.get(ssrc));
            if (canReceive && layers != null && layers.mediaSsrc(layer) != PublishedStream.NO_SSRC) {
                feedback.requestKeyframe(publishers.get(ssrc), layers.mediaSsrc(layer), nowNanos);
            }
        });
    }

    private static LayerSelector.VideoTrack videoTrack(Participant receiver, Participant publisher, PublishedTrack track,
            long capBps, long nowNanos) {
        if (!track.isSimulcast()) {
            InboundStream stream = publisher.inboundStream(track.ssrc());
            return new LayerSelector.VideoTrack(track.ssrc(), track.screenShare(), false, capBps,
                    new long[] {stream == null ? 0 : stream.mediaBitsPerSecond(nowNanos)},
                    new boolean[] {stream != null && stream.active(nowNanos)}, 0);
        }
        SimulcastLayers layers = publisher.simulcastLayers(track);
        int count = track.rids().size();
        long[] bitrates = new long[count];
        boolean[] active = new boolean[count];
        for (int layer = 0; layers != null && layer < count; layer++) {
            InboundStream stream = layers.mediaSsrc(layer) == PublishedStream.NO_SSRC ? null
                    : publisher.inboundStream(layers.mediaSsrc(layer));
            bitrates[layer] = stream == null ? 0 : stream.mediaBitsPerSecond(nowNanos);
            active[layer] = stream != null && stream.active(nowNanos);
        }
        LayerSwitcher switcher = receiver.layerSwitcher(track.ssrc());
        return new LayerSelector.VideoTrack(track.ssrc(), track.screenShare(), true, capBps, bitrates, active,
                switcher == null ? BandwidthAllocation.NONE : switcher.target());
    }
}
