package org.telehealth.media.room;

import java.util.List;

/**
 * What a room's recording fork sends the recorder, as the control API answers it: where to, and
 * each track forked or about to be, with the SSRC its packets carry and the payload types they may
 * use. The same description of one track is sent in-band ({@link ForkedTrack#descriptionPacket}).
 *
 * @param host the recorder's address as the control API was given it
 */
public record RecordingDescription(String room, String host, int port, List<Track> tracks) {

    public RecordingDescription {
        tracks = List.copyOf(tracks);
    }

    /**
     * One track of a participant's.
     *
     * @param kind {@code audio} or {@code video}
     * @param ssrc the SSRC of the fork's packets and sender reports of the track
     * @param mid the participant's section that sends it
     * @param simulcast whether the participant sends it in layers (the fork forwards the highest one sent)
     * @param screenShare whether the participant marked it as a screen
     * @param active false once the participant stopped publishing it, or left (the fork sent a BYE)
     * @param codecs the payload types the participant may send it in; RTX is never forked
     */
    public record Track(String participant, String kind, long ssrc, String mid, boolean simulcast, boolean screenShare,
            boolean active, List<Codec> codecs) {

        public Track {
            codecs = List.copyOf(codecs);
        }
    }

    /** A payload type as the participant's browser numbered it. */
    public record Codec(int payloadType, String name, int clockRate, int channels) {
    }
}
