package org.telehealth.signaling.media.sdp;

/**
 * What signaling reads of one media section ({@code m=} line and its attributes); everything else
 * of the SDP is media-service's business.
 *
 * @param kind the media of the {@code m=} line: {@code audio}, {@code video}, {@code application}...
 * @param port the port of the {@code m=} line; 0 means rejected or disabled
 * @param mid the {@code a=mid} value, null without one
 * @param direction {@code sendrecv}, {@code sendonly}, {@code recvonly} or {@code inactive}
 * @param streamId the msid stream id of the section's track, null when absent or {@code -}
 * @param screen marked {@code a=content:slides} (RFC 4796)
 */
public record SdpSection(String kind, int port, String mid, String direction, String streamId, boolean screen) {

    public boolean sends() {
        return port != 0 && ("sendrecv".equals(direction) || "sendonly".equals(direction));
    }

    public boolean accepted() {
        return port != 0;
    }
}
