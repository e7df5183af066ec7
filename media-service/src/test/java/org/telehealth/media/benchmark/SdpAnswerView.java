package org.telehealth.media.benchmark;

import java.net.InetSocketAddress;
import org.telehealth.media.sdp.MalformedSdpException;
import org.telehealth.media.sdp.MediaSection;
import org.telehealth.media.sdp.SdpParser;
import org.telehealth.media.sdp.SessionDescription;
import org.telehealth.media.stun.IceCredentials;

/**
 * What a synthetic participant needs from the SFU's SDP answer, read with the SFU's own parser: the
 * ICE credentials to sign its connectivity checks, the host candidate to send to, and how many of
 * its receiving sections the SFU gave a track.
 */
record SdpAnswerView(IceCredentials ice, InetSocketAddress candidate, int sectionsWithTrack) {

    static SdpAnswerView of(String answer) throws MalformedSdpException {
        SessionDescription sdp = SdpParser.parse(answer);
        MediaSection first = sdp.mediaSections().get(0);
        IceCredentials ice = new IceCredentials(first.attributeValues("ice-ufrag").get(0),
                first.attributeValues("ice-pwd").get(0));
        // candidate: <foundation> <component> udp <priority> <address> <port> typ host
        String[] candidate = first.attributeValues("candidate").get(0).split(" ");
        InetSocketAddress address = new InetSocketAddress(candidate[4], Integer.parseInt(candidate[5]));
        int withTrack = (int) sdp.mediaSections().stream()
                .filter(section -> section.hasAttribute("sendonly") && !section.attributeValues("ssrc").isEmpty())
                .count();
        return new SdpAnswerView(ice, address, withTrack);
    }
}
