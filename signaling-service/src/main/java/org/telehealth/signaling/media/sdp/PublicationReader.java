package org.telehealth.signaling.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.telehealth.signaling.room.Publication;

/**
 * What a participant publishes after an offer/answer: the audio and video sections of their offer
 * that send ({@code sendonly}/{@code sendrecv}) and that media-service's answer accepted (same mid,
 * port not 0; by position when a section has no mid).
 */
public final class PublicationReader {

    private PublicationReader() {
    }

    public static Publication read(String offer, String answer) {
        List<SdpSection> offered = SdpSections.read(offer);
        List<SdpSection> answered = SdpSections.read(answer);
        List<Publication.Track> tracks = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            SdpSection section = offered.get(i);
            Publication.Kind kind = kindOf(section.kind());
            if (kind != null && section.sends() && accepted(section, i, answered)) {
                tracks.add(new Publication.Track(kind, section.streamId(), section.screen()));
            }
        }
        return new Publication(tracks);
    }

    private static boolean accepted(SdpSection offered, int index, List<SdpSection> answered) {
        if (offered.mid() != null) {
            return answered.stream().anyMatch(section -> Objects.equals(section.mid(), offered.mid()) && section.accepted());
        }
        return index < answered.size() && answered.get(index).accepted();
    }

    private static Publication.Kind kindOf(String kind) {
        return switch (kind) {
            case "audio" -> Publication.Kind.AUDIO;
            case "video" -> Publication.Kind.VIDEO;
            default -> null;
        };
    }
}
