package org.telehealth.scheduling.joinlink;

import java.time.Instant;
import java.util.UUID;

/**
 * What a verified join link grants: its bearer may join this visit in this role (the patient, or a
 * guest the doctor invited), between these instants, as long as {@code generation} is still the
 * appointment's current link generation.
 *
 * @param participant the patient's id for a patient link; a fresh id per invitation for a guest link
 */
public record JoinLinkClaims(UUID visit, UUID participant, JoinLinkRole role, int generation, Instant validFrom,
        Instant validUntil) {
}
