package org.telehealth.scheduling.identity.rest;

import java.util.Set;

/** The caller as the portal sees them: Keycloak user id, user name, and their platform roles. */
public record CurrentUser(String id, String username, Set<String> roles) {

    /** Realm roles that mean something to the platform; Keycloak's own defaults are left out. */
    static final Set<String> PLATFORM_ROLES = Set.of("doctor", "patient", "admin");
}
