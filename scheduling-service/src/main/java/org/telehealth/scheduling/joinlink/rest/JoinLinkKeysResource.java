package org.telehealth.scheduling.joinlink.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.telehealth.scheduling.joinlink.JoinLinkSigningKey;

/**
 * Publishes the public key of the join link tokens, so signaling-service verifies patients' links
 * without calling us per join. Outside {@code /api} and open to anyone: it holds public keys only.
 */
@Path("/.well-known/join-link-jwks.json")
@PermitAll
@Tag(name = "Patient join links")
public class JoinLinkKeysResource {

    /** Verifiers may cache the set this long; on an unknown {@code kid} they fetch it again. */
    private static final int MAX_AGE_SECONDS = 300;

    private final JoinLinkSigningKey signingKey;

    public JoinLinkKeysResource(JoinLinkSigningKey signingKey) {
        this.signingKey = signingKey;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The JWKS that verifies patient join link tokens (public keys only)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = JoinLinkKeySet.class)))
    public Response get() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(JoinLinkKeySet.of(signingKey.publicKey(), signingKey.keyId())).cacheControl(cache).build();
    }
}
