package org.telehealth.scheduling.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * What the doctor portal's pages need to know at run time, handed to the browser by
 * {@link PortalResource}: where to log in, as whom, and where a visit opens. Nothing secret: the
 * portal is a public OIDC client.
 */
@ConfigMapping(prefix = "scheduling.portal")
public interface PortalConfig {

    /**
     * Keycloak realm URL as the doctor's browser reaches it (login, token and logout endpoints live
     * under it); by default the service's own {@code quarkus.oidc.auth-server-url}.
     */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    URI authServerUrl();

    /** The realm's public client of the portal (authorization code flow with PKCE S256). */
    @WithDefault("telehealth-portal")
    String clientId();

    /** The doctor's visit page on signaling-service; the portal opens {@code <visit-url><appointment id>}. */
    @WithDefault("${scheduling.join-link.base-url}")
    URI visitUrl();

    /** How often the portal reloads its visit lists, so that a patient entering the waiting room shows up. */
    @WithDefault("10s")
    Duration refreshInterval();
}
