package org.telehealth.media.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.telehealth.media.room.Participant;
import org.telehealth.media.room.RoomRegistry;
import org.telehealth.media.sdp.Offer;

/**
 * Answers a participant's SDP offer after opening the room and adding the participant if they are
 * not there yet: what {@code PUT} room, {@code PUT} participant and {@code POST} offer do, in one
 * request. A call's first offer is on the path from a patient's admission to the doctor's first
 * frame; three requests in a row cost two more round trips through both services' HTTP stacks.
 *
 * <p>The offer is read before anything changes, so a malformed offer opens and adds nothing. One
 * that reads well but cannot be answered (rare: nothing the SFU can offer in a section) removes the
 * participant it added again; the room stays open, as after a {@code PUT} of it.
 */
@ApplicationScoped
public class JoinOnOffer {

    private final RoomRegistry rooms;
    private final NegotiationService negotiation;

    public JoinOnOffer(RoomRegistry rooms, NegotiationService negotiation) {
        this.rooms = rooms;
        this.negotiation = negotiation;
    }

    public String answer(String roomId, String participantId, String offerSdp) {
        Offer offer = negotiation.read(offerSdp);
        boolean wasThere = rooms.room(roomId).flatMap(room -> room.participant(participantId)).isPresent();
        rooms.open(roomId);
        Participant participant = rooms.join(roomId, participantId);
        try {
            return negotiation.answer(participant, offer);
        } catch (ControlException refused) {
            if (!wasThere) {
                rooms.leave(roomId, participantId);
            }
            throw refused;
        }
    }
}
