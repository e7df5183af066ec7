package org.telehealth.signaling.room;

import java.util.UUID;
import org.telehealth.signaling.cluster.MemberAnnounced;
import org.telehealth.signaling.cluster.PublishedTrack;

/** Turns a participant's view into the fact that announces it, and back. */
final class MemberFacts {

    private MemberFacts() {
    }

    static MemberAnnounced announced(UUID visitId, String origin, long seq, String seat, boolean claim, MemberView view) {
        return new MemberAnnounced(visitId, origin, seq, view.id(), view.role(), seat, claim,
                view.inCall() ? MemberAnnounced.IN_CALL : MemberAnnounced.WAITING, view.connected(), view.audio(),
                view.video(), view.media(), view.publication().tracks().stream()
                        .map(track -> new PublishedTrack(track.kind() == Publication.Kind.AUDIO ? PublishedTrack.AUDIO
                                : PublishedTrack.VIDEO, track.streamId(), track.screen()))
                        .toList());
    }

    static MemberView view(MemberAnnounced announced) {
        Publication publication = new Publication(announced.tracks().stream()
                .map(track -> new Publication.Track(PublishedTrack.AUDIO.equals(track.kind()) ? Publication.Kind.AUDIO
                        : Publication.Kind.VIDEO, track.streamId(), track.screen()))
                .toList());
        return new MemberView(announced.participantId(), announced.role(),
                announced.inCall() ? MemberView.Place.IN_CALL : MemberView.Place.WAITING, announced.connected(),
                announced.audio(), announced.video(), announced.media(), publication);
    }
}
