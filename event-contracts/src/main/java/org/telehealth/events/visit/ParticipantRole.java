package org.telehealth.events.visit;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who a visit participant is, as signaling admitted them; lower case on the wire. */
public enum ParticipantRole {
    /** The appointment's patient, admitted by a join link; {@code participantId} is the patient id. */
    @JsonProperty("patient")
    PATIENT,
    /** The appointment's doctor; {@code participantId} is their Keycloak user id. */
    @JsonProperty("doctor")
    DOCTOR,
    /** Anyone else the doctor let in (an interpreter, a relative); an id chosen by signaling. */
    @JsonProperty("guest")
    GUEST
}
