package org.telehealth.scheduling.joinlink;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whom a join link admits, as its {@code role} claim says: the appointment's patient, or a guest
 * (interpreter, family member) the doctor invited for this one visit. Signaling puts both in the
 * waiting room; only the claim's spelling is shared with it.
 */
public enum JoinLinkRole {
    PATIENT("patient"),
    GUEST("guest");

    private final String claim;

    JoinLinkRole(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<JoinLinkRole> ofClaim(String value) {
        return Arrays.stream(values()).filter(role -> role.claim.equals(value)).findFirst();
    }
}
