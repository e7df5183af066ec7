package org.telehealth.recording.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the request being served, from the verified Keycloak token. */
@ApplicationScoped
public class CurrentCaller {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller get() {
        return new Caller(token.getSubject(), identity.getRoles());
    }
}
