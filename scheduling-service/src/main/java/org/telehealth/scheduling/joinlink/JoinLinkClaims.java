package org.telehealth.scheduling.joinlink;

import java.time.Instant;
import java.util.UUID;

/**
 * What a verified join link grants: the patient may join this visit, between these instants, as long
 * as {@code generation} is still the appointment's current link generation.
 */
public record JoinLinkClaims(UUID visit, UUID patient, int generation, Instant validFrom, Instant validUntil) {
}
