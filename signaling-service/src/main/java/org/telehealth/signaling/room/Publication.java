package org.telehealth.signaling.room;

import java.util.List;
import java.util.Objects;

/**
 * What one participant publishes to the call, as their latest accepted SDP offer says: one entry
 * per sending section media-service accepted. The others' pages size their receiving side from it
 * ({@code tracks}).
 */
public record Publication(List<Track> tracks) {

    public static final Publication NONE = new Publication(List.of());

    public Publication {
        tracks = List.copyOf(tracks);
    }

    public long count(Kind kind) {
        return tracks.stream().filter(track -> track.kind() == kind).count();
    }

    public enum Kind { AUDIO, VIDEO }

    /**
     * One published track.
     *
     * @param streamId the msid stream id the SFU keeps in its answers to receivers, or null when the
     *        section names none ({@code a=msid:-}): such a track reaches the others without a stream
     * @param screen the section is marked {@code a=content:slides}
     */
    public record Track(Kind kind, String streamId, boolean screen) {
        public Track {
            Objects.requireNonNull(kind, "kind");
        }
    }
}
