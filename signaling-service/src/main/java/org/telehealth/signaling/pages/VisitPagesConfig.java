package org.telehealth.signaling.pages;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.Optional;

/**
 * What the visit pages need to know at run time, handed to the browser by {@link VisitPageRoutes}
 * as {@code /visit/config.json}: where a doctor signs in and where the visit socket is. Nothing
 * secret: the pages are a public OIDC client.
 */
@ConfigMapping(prefix = "signaling.pages")
public interface VisitPagesConfig {

    /**
     * Keycloak realm URL as the doctor's browser reaches it (login and token endpoints live under
     * it); by default the service's own {@code quarkus.oidc.auth-server-url}.
     */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    URI authServerUrl();

    /** The realm's public client the doctor's page signs in with (authorization code flow with PKCE S256). */
    @WithDefault("telehealth-portal")
    String clientId();

    /**
     * Base URL of the visit socket, e.g. {@code wss://signal.example.org}, when the pages are served
     * from another origin than the socket; empty: the page's own origin.
     */
    Optional<URI> socketUrl();
}
