package org.telehealth.signaling.auth;

import java.util.Set;
import java.util.UUID;

/** Who sent a valid {@code hello} token, before anything is known about their right to a visit. */
public sealed interface Caller {

    /**
     * A Keycloak user, staff or patient: their id ({@code sub}) and realm roles. Which visit they
     * may join, and as whom, is {@link VisitAdmission}'s to decide.
     */
    record KeycloakUser(String userId, Set<String> roles) implements Caller {
        public boolean hasRole(String role) {
            return roles.contains(role);
        }
    }

    /**
     * The holder of a join link: the participant it names (the patient, or an invited guest), the
     * visit and the link generation.
     */
    record LinkHolder(UUID participantId, boolean guest, UUID visitId, int linkGeneration) implements Caller {

        /** A patient's link. */
        public LinkHolder(UUID patientId, UUID visitId, int linkGeneration) {
            this(patientId, false, visitId, linkGeneration);
        }
    }
}
