package org.telehealth.signaling.visit;

import java.time.Instant;
import java.util.UUID;

/**
 * What signaling knows of an appointment to admit people to its visit: who may join, the current
 * join link generation, whether it was cancelled, and whether the visit is over (a host ended it, or
 * scheduling completed the appointment). Ids only: no names, no reason (PHI). A visit known only to
 * be over (it ended before its appointment was read) has no doctor, patient or times.
 *
 * @param patientAccountId the Keycloak user id the patient signs in as, or null when they have no
 *     account (or scheduling did not say): then the patient joins with the link only
 */
public record Visit(UUID visitId, String doctorId, UUID patientId, int linkGeneration, boolean cancelled,
        boolean ended, Instant startsAt, Instant endsAt, String patientAccountId) {

    /** A visit whose patient has no account known. */
    public Visit(UUID visitId, String doctorId, UUID patientId, int linkGeneration, boolean cancelled, boolean ended,
            Instant startsAt, Instant endsAt) {
        this(visitId, doctorId, patientId, linkGeneration, cancelled, ended, startsAt, endsAt, null);
    }
}
