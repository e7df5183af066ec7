package org.telehealth.signaling.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * Verifies a Keycloak access token sent in {@code hello} with the service's own quarkus-oidc
 * configuration (issuer, keys, expiry), since a browser cannot put it in a header of the upgrade
 * request. Realm roles come from {@code realm_access.roles} as for REST calls.
 */
@ApplicationScoped
public class KeycloakTokenVerifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final TenantIdentityProvider identities;

    public KeycloakTokenVerifier(TenantIdentityProvider identities) {
        this.identities = identities;
    }

    /** Blocks (worker thread) until the token is verified; keys may have to be fetched first. */
    public Caller.KeycloakUser verify(String token) {
        SecurityIdentity identity;
        try {
            identity = identities.authenticate(new AccessTokenCredential(token)).await().atMost(TIMEOUT);
        } catch (AuthenticationFailedException e) {
            throw new SignalingException(ErrorCode.INVALID_TOKEN, "the access token is not valid");
        } catch (RuntimeException e) {
            throw new SignalingException(ErrorCode.INVALID_TOKEN, "the access token could not be verified");
        }
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
            throw new SignalingException(ErrorCode.INVALID_TOKEN, "the access token has no subject");
        }
        return new Caller.KeycloakUser(jwt.getSubject(), Set.copyOf(identity.getRoles()));
    }
}
