package org.telehealth.events.recording;

import java.util.Objects;
import org.telehealth.events.visit.ParticipantRole;

/**
 * One person in the visit whose consent a recording needs, as signaling knows them when the doctor
 * asks to record. {@code participantId} is the visit participant id (a patient's patient id, a
 * doctor's Keycloak user id, a guest's id chosen by signaling); {@code accountId} is the Keycloak
 * user id when the participant signed in with an account (a patient with an account, the doctor),
 * null otherwise. recording-service lets patients view recordings by that account id alone.
 */
public record ExpectedParticipant(String participantId, ParticipantRole role, String accountId) {

    public ExpectedParticipant {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(role, "role");
    }
}
