package org.telehealth.scheduling.identity;

import java.util.Objects;
import java.util.Set;

/**
 * Who is asking, as the authorization rules need it: the Keycloak user id (the token's subject) and
 * the platform roles. Service methods that read or change data take the caller and decide from it
 * alone, so the rules are plain code that unit tests can walk; the REST layer only checks that a
 * role is present at all.
 */
public record Caller(String userId, Set<String> roles) {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isDoctor() {
        return roles.contains(Role.DOCTOR);
    }

    public boolean isPatient() {
        return roles.contains(Role.PATIENT);
    }
}
