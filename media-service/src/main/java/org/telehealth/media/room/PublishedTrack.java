package org.telehealth.media.room;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.telehealth.media.sdp.MediaKind;
import org.telehealth.media.sdp.OutgoingTrack;

/**
 * A track a participant sends to the SFU (camera, microphone, screen), as its SDP offer announced
 * it, under the SSRCs its receivers know it by, and the ids subscribers' browsers use to attach it
 * to the right stream.
 *
 * <p>A track sent as one stream keeps the SSRCs of the offer's {@code a=ssrc} lines: its packets
 * reach receivers unchanged. A simulcast track ({@code rids} not empty) is sent as up to three
 * layers named by rid, lowest first, whose SSRCs the SFU learns from the packets
 * ({@link SimulcastLayers}); receivers get one layer at a time, renumbered onto the SSRC and RTX
 * SSRC the SFU chose for the track, which are the {@code ssrc} and {@code rtxSsrc} here.
 *
 * @param mid the publisher's section that sends it
 * @param rids the simulcast layers, lowest first, or empty
 * @param screenShare whether the publisher marked it as a screen ({@code a=content:slides}): it
 *        comes first when a receiver's bandwidth is shared out
 */
public record PublishedTrack(MediaKind kind, long ssrc, OptionalLong rtxSsrc, String cname, String streamId, String trackId,
        String mid, List<String> rids, boolean screenShare) {

    public PublishedTrack {
        Objects.requireNonNull(mid, "mid");
        rids = List.copyOf(rids);
    }

    /** A camera or microphone sent as one stream, from a section whose mid does not matter. */
    public PublishedTrack(MediaKind kind, long ssrc, OptionalLong rtxSsrc, String cname, String streamId, String trackId) {
        this(kind, ssrc, rtxSsrc, cname, streamId, trackId, "", List.of(), false);
    }

    public boolean isSimulcast() {
        return !rids.isEmpty();
    }

    /** Whether {@code packetSsrc} is one of the SSRCs receivers know this track by: its media or its RTX. */
    public boolean carries(long packetSsrc) {
        return packetSsrc == ssrc || (rtxSsrc.isPresent() && rtxSsrc.getAsLong() == packetSsrc);
    }

    /** How a subscriber's answer announces this track: the SSRCs its packets reach receivers with. */
    public OutgoingTrack asOutgoing() {
        return rtxSsrc.isPresent()
                ? OutgoingTrack.withRtx(ssrc, rtxSsrc.getAsLong(), cname, streamId, trackId)
                : OutgoingTrack.withoutRtx(ssrc, cname, streamId, trackId);
    }
}
