package org.telehealth.signaling.visit;

import java.time.Instant;
import java.util.UUID;

/**
 * What signaling knows of an appointment to admit people to its visit: who may join, the current
 * join link generation, and whether it was cancelled. Ids only: no names, no reason (PHI).
 *
 * @param patientAccountId the Keycloak user id the patient signs in as, or null when they have no
 *     account (or scheduling did not say): then the patient joins with the link only
 */
public record Visit(UUID visitId, String doctorId, UUID patientId, int linkGeneration, boolean cancelled,
        Instant startsAt, Instant endsAt, String patientAccountId) {

    /** A visit whose patient has no account known. */
    public Visit(UUID visitId, String doctorId, UUID patientId, int linkGeneration, boolean cancelled,
            Instant startsAt, Instant endsAt) {
        this(visitId, doctorId, patientId, linkGeneration, cancelled, startsAt, endsAt, null);
    }
}
