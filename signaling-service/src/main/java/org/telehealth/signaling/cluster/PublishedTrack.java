package org.telehealth.signaling.cluster;

/**
 * One track a participant publishes, as {@link MemberAnnounced} carries it.
 *
 * @param kind {@code audio} or {@code video}
 * @param streamId msid stream id, or null when the section names none
 * @param screen a screen share ({@code a=content:slides})
 */
public record PublishedTrack(String kind, String streamId, boolean screen) {

    public static final String AUDIO = "audio";
    public static final String VIDEO = "video";

    public PublishedTrack {
        if (!AUDIO.equals(kind) && !VIDEO.equals(kind)) {
            throw new IllegalArgumentException("kind must be audio or video");
        }
        if (streamId != null && streamId.length() > 256) {
            throw new IllegalArgumentException("streamId is too long");
        }
    }
}
