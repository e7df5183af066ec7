package org.telehealth.media.room;

/**
 * One RTP stream a participant sends for one of its tracks, with the SSRCs of its media and of its
 * retransmissions as the publisher numbers them: the only stream of a track sent whole, or one
 * simulcast layer. What the SFU keeps per stream (repair state, reception statistics, traffic) is
 * keyed by its media SSRC.
 *
 * @param layer the index of the layer in the track's rids, lowest first; 0 for a track sent whole
 * @param rtxSsrc {@link #NO_SSRC} while none is known
 */
public record PublishedStream(PublishedTrack track, int layer, long ssrc, long rtxSsrc) {

    /** An SSRC not (yet) known. */
    public static final long NO_SSRC = -1;

    /** The stream of a track sent whole, on the SSRCs its offer announced. */
    static PublishedStream of(PublishedTrack track) {
        return new PublishedStream(track, 0, track.ssrc(), track.rtxSsrc().orElse(NO_SSRC));
    }

    /** Whether a packet of {@code packetSsrc} belongs to this stream, its media or its RTX. Runs per packet. */
    boolean carries(long packetSsrc) {
        return packetSsrc == ssrc || packetSsrc == rtxSsrc;
    }

    /** The rid of the layer, or null for a track sent whole. */
    public String rid() {
        return track.isSimulcast() ? track.rids().get(layer) : null;
    }
}
