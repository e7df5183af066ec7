package org.telehealth.recording.identity;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is asking: the Keycloak user id (the token's subject) and the platform roles. The access rules
 * decide from this alone, so they are plain code that unit tests can walk.
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

    /** The platform roles, sorted and comma-separated, as the audit log keeps them. */
    public String platformRoles() {
        Set<String> platform = new TreeSet<>(roles);
        platform.retainAll(Set.of(Role.ADMIN, Role.DOCTOR, Role.PATIENT));
        return String.join(",", platform);
    }
}
