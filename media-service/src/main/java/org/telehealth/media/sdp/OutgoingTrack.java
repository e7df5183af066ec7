package org.telehealth.media.sdp;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A track the SFU forwards to a participant on one of the {@code recvonly} transceivers the
 * participant offered: the SSRC (and RTX SSRC) the SFU rewrites the sender's packets to, and the
 * CNAME and msid that let the receiving browser group and synchronize that participant's tracks.
 */
public record OutgoingTrack(long ssrc, OptionalLong rtxSsrc, String cname, String streamId, String trackId) {

    private static final int MAX_CNAME_LENGTH = 255;

    public OutgoingTrack {
        Ssrc.requireSsrc(ssrc);
        Objects.requireNonNull(rtxSsrc, "rtxSsrc");
        rtxSsrc.ifPresent(Ssrc::requireSsrc);
        if (rtxSsrc.isPresent() && rtxSsrc.getAsLong() == ssrc) {
            throw new IllegalArgumentException("the RTX SSRC must differ from the SSRC " + ssrc);
        }
        if (!SdpGrammar.isNonWhitespace(Objects.requireNonNull(cname, "cname")) || cname.length() > MAX_CNAME_LENGTH) {
            throw new IllegalArgumentException("a CNAME is 1 to " + MAX_CNAME_LENGTH + " non-blank characters, got "
                    + SdpLine.quoted(cname));
        }
        Msid.requireId(Objects.requireNonNull(streamId, "streamId"));
        Msid.requireId(Objects.requireNonNull(trackId, "trackId"));
    }

    public static OutgoingTrack withoutRtx(long ssrc, String cname, String streamId, String trackId) {
        return new OutgoingTrack(ssrc, OptionalLong.empty(), cname, streamId, trackId);
    }

    public static OutgoingTrack withRtx(long ssrc, long rtxSsrc, String cname, String streamId, String trackId) {
        return new OutgoingTrack(ssrc, OptionalLong.of(rtxSsrc), cname, streamId, trackId);
    }

    OutgoingTrack dropRtx() {
        return new OutgoingTrack(ssrc, OptionalLong.empty(), cname, streamId, trackId);
    }

    Msid msid() {
        return Msid.of(streamId, trackId);
    }
}
