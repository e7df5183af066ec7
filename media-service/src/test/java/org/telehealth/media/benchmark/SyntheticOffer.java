package org.telehealth.media.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.telehealth.media.dtls.CertificateFingerprint;
import org.telehealth.media.stun.IceCredentials;

/**
 * The SDP offer a browser makes when it publishes its microphone (Opus) and camera (VP8 with RTX),
 * cut down to what the SFU reads: one bundled transport with rtcp-mux, SSRCs and msids of the
 * sending sections, and the mid header extension. {@link #withReceivers} adds the recvonly sections
 * a browser offers again to receive the others, as {@code SfuBrowserTest}'s page does.
 */
final class SyntheticOffer {

    /** The one-byte header extension id of urn:ietf:params:rtp-hdrext:sdes:mid in every section. */
    static final int MID_EXTENSION_ID = 1;
    static final int OPUS = 111;
    static final int VP8 = 96;
    private static final int VP8_RTX = 97;

    private final IceCredentials ice;
    private final CertificateFingerprint fingerprint;
    private final PublishedSsrcs ssrcs;
    private final String streamId;

    /** The SSRCs the participant sends from. */
    record PublishedSsrcs(long audio, long video, long videoRtx) {
    }

    SyntheticOffer(IceCredentials ice, CertificateFingerprint fingerprint, PublishedSsrcs ssrcs, String streamId) {
        this.ice = ice;
        this.fingerprint = fingerprint;
        this.ssrcs = ssrcs;
        this.streamId = streamId;
    }

    /** The first offer: mid 0 sends audio, mid 1 sends video. */
    String publishing() {
        return sdp(1, 0);
    }

    /** The next offer: the same sending sections and an audio and a video recvonly section per other participant. */
    String withReceivers(int others) {
        return sdp(2, others);
    }

    private String sdp(int version, int others) {
        List<String> mids = new ArrayList<>(List.of("0", "1"));
        for (int i = 0; i < 2 * others; i++) {
            mids.add(Integer.toString(2 + i));
        }
        StringBuilder sdp = new StringBuilder()
                .append("v=0\r\n")
                .append("o=- ").append(ssrcs.audio()).append(' ').append(version).append(" IN IP4 127.0.0.1\r\n")
                .append("s=-\r\n")
                .append("t=0 0\r\n")
                .append("a=group:BUNDLE ").append(String.join(" ", mids)).append("\r\n")
                .append("a=extmap-allow-mixed\r\n")
                .append("a=msid-semantic: WMS ").append(streamId).append("\r\n");
        audio(sdp, "0", "sendonly");
        ssrc(sdp, ssrcs.audio(), "audio-");
        video(sdp, "1", "sendonly");
        sdp.append("a=ssrc-group:FID ").append(ssrcs.video()).append(' ').append(ssrcs.videoRtx()).append("\r\n");
        ssrc(sdp, ssrcs.video(), "video-");
        ssrc(sdp, ssrcs.videoRtx(), "video-");
        for (int i = 0; i < others; i++) {
            audio(sdp, Integer.toString(2 + 2 * i), "recvonly");
            video(sdp, Integer.toString(3 + 2 * i), "recvonly");
        }
        return sdp.toString();
    }

    private void ssrc(StringBuilder sdp, long ssrc, String trackPrefix) {
        sdp.append("a=ssrc:").append(ssrc).append(" cname:").append(streamId).append("\r\n")
                .append("a=ssrc:").append(ssrc).append(" msid:").append(streamId).append(' ').append(trackPrefix).append(streamId)
                .append("\r\n");
    }

    private void audio(StringBuilder sdp, String mid, String direction) {
        sdp.append("m=audio 9 UDP/TLS/RTP/SAVPF ").append(OPUS).append("\r\n");
        transport(sdp, mid, direction);
        sdp.append("a=rtpmap:").append(OPUS).append(" opus/48000/2\r\n")
                .append("a=fmtp:").append(OPUS).append(" minptime=10;useinbandfec=1\r\n");
    }

    private void video(StringBuilder sdp, String mid, String direction) {
        sdp.append("m=video 9 UDP/TLS/RTP/SAVPF ").append(VP8).append(' ').append(VP8_RTX).append("\r\n");
        transport(sdp, mid, direction);
        sdp.append("a=rtcp-rsize\r\n")
                .append("a=rtpmap:").append(VP8).append(" VP8/90000\r\n")
                .append("a=rtcp-fb:").append(VP8).append(" ccm fir\r\n")
                .append("a=rtcp-fb:").append(VP8).append(" nack\r\n")
                .append("a=rtcp-fb:").append(VP8).append(" nack pli\r\n")
                .append("a=rtpmap:").append(VP8_RTX).append(" rtx/90000\r\n")
                .append("a=fmtp:").append(VP8_RTX).append(" apt=").append(VP8).append("\r\n");
    }

    private void transport(StringBuilder sdp, String mid, String direction) {
        sdp.append("c=IN IP4 0.0.0.0\r\n")
                .append("a=rtcp:9 IN IP4 0.0.0.0\r\n")
                .append("a=ice-ufrag:").append(ice.ufrag()).append("\r\n")
                .append("a=ice-pwd:").append(ice.password()).append("\r\n")
                .append("a=fingerprint:").append(fingerprint).append("\r\n")
                .append("a=setup:actpass\r\n")
                .append("a=mid:").append(mid).append("\r\n")
                .append("a=extmap:").append(MID_EXTENSION_ID).append(" urn:ietf:params:rtp-hdrext:sdes:mid\r\n")
                .append("a=").append(direction).append("\r\n")
                .append("a=rtcp-mux\r\n");
        if (direction.equals("sendonly")) {
            String kind = mid.equals("0") ? "audio-" : "video-";
            sdp.append("a=msid:").append(streamId).append(' ').append(kind).append(streamId).append("\r\n");
        }
    }
}
