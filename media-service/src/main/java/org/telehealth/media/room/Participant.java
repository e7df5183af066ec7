package org.telehealth.media.room;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.telehealth.media.session.MediaSession;

/**
 * A participant of a room as the SFU knows them: their media session, the tracks they publish, the
 * tracks of others they receive (by the mid of the browser's receiving section), and the header
 * extension ids whose values name the browser's own sections and must not reach other browsers.
 * The negotiation state is replaced as a whole at each offer/answer.
 */
public final class Participant {

    private final String id;
    private final Room room;
    private final MediaSession session;
    private final Map<Long, Long> lastKeyframeRequestNanos = new ConcurrentHashMap<>();
    private volatile Negotiated negotiated = new Negotiated(List.of(), Map.of(), List.of());

    /** What the last offer/answer settled. */
    public record Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
            List<Integer> privateExtensionIds, List<PublishedTrack> receivedTracks) {

        public Negotiated {
            published = List.copyOf(published);
            receivedByMid = Map.copyOf(receivedByMid);
            privateExtensionIds = List.copyOf(privateExtensionIds);
            receivedTracks = List.copyOf(receivedTracks);
        }

        public Negotiated(List<PublishedTrack> published, Map<String, PublishedTrack> receivedByMid,
                List<Integer> privateExtensionIds) {
            this(published, receivedByMid, privateExtensionIds, List.copyOf(receivedByMid.values()));
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

    public void negotiated(Negotiated settled) {
        this.negotiated = settled;
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

    /** The published track a packet of this SSRC belongs to. Runs per packet: no streams, no allocation. */
    public Optional<PublishedTrack> publishedTrack(long ssrc) {
        for (PublishedTrack track : negotiated.published()) {
            if (track.carries(ssrc)) {
                return Optional.of(track);
            }
        }
        return Optional.empty();
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
