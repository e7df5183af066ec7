package org.telehealth.signaling.cluster;

import java.util.List;
import java.util.UUID;
import org.telehealth.events.EventType;
import org.telehealth.events.visit.ParticipantRole;

/**
 * The whole state of a participant whose socket the origin instance holds. A {@code claim} starts a
 * new seat: the participant joined there, or a socket of theirs there took them over from another
 * instance (the later claim in the partition wins). Without {@code claim} it updates the seat (a
 * change, or the periodic refresh that keeps the seat alive on the other instances).
 *
 * @param seat the seat's id, {@code <origin>/<number>}, unique across instances
 * @param state {@code waiting} or {@code in-call}
 * @param connected whether a socket speaks for them now (false while away, within the reconnection grace)
 * @param media whether they were added to the visit's media room
 */
@EventType(name = "signaling.member-announced", version = 1)
public record MemberAnnounced(UUID visitId, String origin, long seq, String participantId, ParticipantRole role,
        String seat, boolean claim, String state, boolean connected, boolean audio, boolean video, boolean media,
        List<PublishedTrack> tracks) implements VisitFact {

    public static final String WAITING = "waiting";
    public static final String IN_CALL = "in-call";

    public MemberAnnounced {
        RoomFact.check(visitId, origin, seq);
        RoomFact.participant(participantId);
        if (role == null) {
            throw new IllegalArgumentException("role is missing");
        }
        if (seat == null || seat.isBlank() || seat.length() > 128) {
            throw new IllegalArgumentException("seat is missing or too long");
        }
        if (!WAITING.equals(state) && !IN_CALL.equals(state)) {
            throw new IllegalArgumentException("state must be waiting or in-call");
        }
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    public boolean inCall() {
        return IN_CALL.equals(state);
    }
}
