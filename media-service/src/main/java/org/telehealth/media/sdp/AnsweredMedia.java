package org.telehealth.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the SFU's answer settled for one m-section, in the SFU's own terms: the direction it
 * answered, the codecs and header extension ids both sides now use, the simulcast layers it
 * receives and the track it sends. The media pipeline is configured from this, the browser from the
 * SDP written from the same values.
 */
public record AnsweredMedia(String mid, MediaKind kind, boolean accepted, Direction direction, List<Codec> codecs,
        List<HeaderExtension> headerExtensions, List<Rid> rids, Optional<Simulcast> simulcast,
        Optional<OutgoingTrack> sentTrack) {

    public AnsweredMedia {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        codecs = List.copyOf(codecs);
        headerExtensions = List.copyOf(headerExtensions);
        rids = List.copyOf(rids);
        Objects.requireNonNull(simulcast, "simulcast");
        Objects.requireNonNull(sentTrack, "sentTrack");
        if (!accepted && (direction != Direction.INACTIVE || !codecs.isEmpty() || sentTrack.isPresent())) {
            throw new IllegalArgumentException("a rejected m-section is inactive and carries nothing");
        }
    }

    static AnsweredMedia rejected(OfferedMedia offered) {
        return new AnsweredMedia(offered.mid(), offered.kind(), false, Direction.INACTIVE, List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty());
    }

    public Optional<HeaderExtension> headerExtension(String uri) {
        return headerExtensions.stream().filter(e -> e.uri().equals(uri)).findFirst();
    }
}
