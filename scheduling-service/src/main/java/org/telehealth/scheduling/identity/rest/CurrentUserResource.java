package org.telehealth.scheduling.identity.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Tells a signed-in user who the platform thinks they are: the portal shows the doctor's name and
 * picks its views from the roles. Identity comes from the Keycloak token alone; nothing is stored.
 */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CurrentUserResource {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentUserResource(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Operation(summary = "The caller's user id, user name and platform roles")
    public CurrentUser get() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(CurrentUser.PLATFORM_ROLES);
        return new CurrentUser(token.getSubject(), identity.getPrincipal().getName(), roles);
    }
}
