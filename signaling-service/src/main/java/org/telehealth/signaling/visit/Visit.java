package org.telehealth.signaling.visit;

import java.time.Instant;
import java.util.UUID;

/**
 * What signaling knows of an appointment to admit people to its visit: who may join, the current
 * join link generation, and whether it was cancelled. Ids only: no names, no reason (PHI).
 */
public record Visit(UUID visitId, String doctorId, UUID patientId, int linkGeneration, boolean cancelled,
        Instant startsAt, Instant endsAt) {
}
