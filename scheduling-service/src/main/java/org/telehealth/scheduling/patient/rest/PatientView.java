package org.telehealth.scheduling.patient.rest;

import java.time.LocalDate;
import java.util.UUID;
import org.telehealth.scheduling.patient.repository.Patient;

/** A patient as doctors and admins see them in the portal. */
public record PatientView(UUID id, String fullName, LocalDate dateOfBirth, String email, String phone, boolean hasAccount) {

    static PatientView of(Patient patient) {
        return new PatientView(patient.id, patient.fullName, patient.dateOfBirth, patient.email, patient.phone,
                patient.keycloakUserId != null);
    }
}
