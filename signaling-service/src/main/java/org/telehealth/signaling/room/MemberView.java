package org.telehealth.signaling.room;

import java.util.Objects;
import org.telehealth.events.visit.ParticipantRole;

/**
 * A participant as everyone in a visit should see them, wherever their socket is: the common form
 * of a local {@link Member} and a {@link RemoteMember}, compared before and after a change to know
 * what to tell the participants of this instance.
 */
record MemberView(String id, ParticipantRole role, Place place, boolean connected, boolean audio, boolean video,
        boolean media, Publication publication) {

    enum Place { WAITING, IN_CALL }

    MemberView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(publication, "publication");
    }

    boolean inCall() {
        return place == Place.IN_CALL;
    }

    boolean isHost() {
        return role == ParticipantRole.DOCTOR;
    }
}
