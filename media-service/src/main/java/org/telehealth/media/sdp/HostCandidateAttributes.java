package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the SFU's host candidates as {@code a=candidate} attributes (RFC 8839):
 * {@code <foundation> 1 udp <priority> <address> <port> typ host}. Per RFC 8445, section 5.1.1.3,
 * candidates share a foundation when they share their address (same type, base and transport);
 * per section 5.1.2 the priority is {@code 2^24 * 126 (host) + 2^8 * local preference + (256 - 1)}
 * with a distinct local preference for each candidate, the first listed preferred.
 */
final class HostCandidateAttributes {

    private static final long HOST_TYPE_PREFERENCE = 126;
    private static final int MAX_LOCAL_PREFERENCE = 65_535;
    private static final int COMPONENT_RTP = 1;

    private HostCandidateAttributes() {
    }

    static List<SdpAttribute> of(List<HostCandidate> candidates) {
        Map<String, String> foundations = new HashMap<>();
        List<SdpAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            HostCandidate candidate = candidates.get(i);
            String address = candidate.addressText();
            String foundation = foundations.computeIfAbsent(address, a -> Integer.toString(foundations.size() + 1));
            attributes.add(SdpAttribute.of("candidate", foundation + " " + COMPONENT_RTP + " udp "
                    + priority(MAX_LOCAL_PREFERENCE - i) + " " + address + " " + candidate.port() + " typ host"));
        }
        return attributes;
    }

    static long priority(int localPreference) {
        return (HOST_TYPE_PREFERENCE << 24) + ((long) localPreference << 8) + (256 - COMPONENT_RTP);
    }
}
