package org.telehealth.media.room;

import java.util.OptionalLong;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.sdp.OutgoingTrack;

/**
 * A track a participant sends to the SFU (camera, microphone, screen), as its SDP offer announced
 * it: the SSRC of its media and of its retransmissions, and the ids subscribers' browsers use to
 * attach it to the right stream.
 */
public record PublishedTrack(MediaKind kind, long ssrc, OptionalLong rtxSsrc, String cname, String streamId, String trackId) {

    public boolean carries(long packetSsrc) {
        return packetSsrc == ssrc || (rtxSsrc.isPresent() && rtxSsrc.getAsLong() == packetSsrc);
    }

    /** How a subscriber's answer announces this track: same SSRCs, so packets need no rewriting. */
    public OutgoingTrack asOutgoing() {
        return rtxSsrc.isPresent()
                ? OutgoingTrack.withRtx(ssrc, rtxSsrc.getAsLong(), cname, streamId, trackId)
                : OutgoingTrack.withoutRtx(ssrc, cname, streamId, trackId);
    }
}
