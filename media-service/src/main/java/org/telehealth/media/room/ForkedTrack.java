package org.telehealth.media.room;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import org.telehealth.media.rtcp.ApplicationDefined;
import org.telehealth.media.sdp.Codec;

/**
 * One participant's track as a room's {@link RecordingFork} forwards it, from its first packet after
 * the fork started. A track sent whole goes on its own SSRC, sequence numbers and timestamps; a
 * simulcast track goes through a {@link LayerSwitcher} of the fork's, which forwards the highest
 * layer being sent, renumbered onto the track's SSRC as for any receiver. Either way the SSRC the
 * recorder sees is the one receivers know the track by, {@link PublishedTrack#ssrc()}.
 */
final class ForkedTrack {

    /** The APP packet name of a track description: TRaCK. */
    static final String DESCRIPTION_NAME = "TRCK";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Participant publisher;
    private final PublishedTrack track;
    private final LayerSwitcher switcher;
    private volatile boolean ended;

    ForkedTrack(Participant publisher, PublishedTrack track) {
        this.publisher = publisher;
        this.track = track;
        this.switcher = track.isSimulcast() ? new LayerSwitcher(track.ssrc(), track.rids().size() - 1) : null;
    }

    Participant publisher() {
        return publisher;
    }

    PublishedTrack track() {
        return track;
    }

    long ssrc() {
        return track.ssrc();
    }

    /** The fork's layer switcher of a simulcast track, or null for a track sent whole. */
    LayerSwitcher switcher() {
        return switcher;
    }

    boolean ended() {
        return ended;
    }

    void ended(boolean ended) {
        this.ended = ended;
    }

    boolean isOf(Participant participant, long trackSsrc) {
        return publisher == participant && track.ssrc() == trackSsrc;
    }

    /** The track as the control API and the in-band description tell it. */
    RecordingDescription.Track describe() {
        return describe(publisher, track, !ended);
    }

    static RecordingDescription.Track describe(Participant publisher, PublishedTrack track, boolean active) {
        List<RecordingDescription.Codec> codecs = publisher.negotiated().codecsByMid().getOrDefault(track.mid(), List.of())
                .stream().filter(codec -> !codec.isRtx()).map(ForkedTrack::describe).toList();
        return new RecordingDescription.Track(publisher.id(), track.kind().name().toLowerCase(Locale.ROOT),
                track.ssrc(), track.mid(), track.isSimulcast(), track.screenShare(), active, codecs);
    }

    private static RecordingDescription.Codec describe(Codec codec) {
        return new RecordingDescription.Codec(codec.payloadType(), codec.name(), codec.clockRate(), codec.channels());
    }

    /**
     * The track's description in-band: an RTCP APP packet named {@value #DESCRIPTION_NAME} from the
     * track's SSRC whose data is the JSON of {@link RecordingDescription.Track}, padded with spaces.
     */
    ApplicationDefined descriptionPacket() {
        try {
            return ApplicationDefined.withText(0, track.ssrc(), DESCRIPTION_NAME, JSON.writeValueAsString(describe()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a track description did not serialize", e);
        }
    }
}
