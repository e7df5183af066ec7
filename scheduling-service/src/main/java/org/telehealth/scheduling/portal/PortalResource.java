package org.telehealth.scheduling.portal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The only server-side parts of the doctor portal, whose pages are static files under
 * {@code META-INF/resources/portal}: the settings the pages read before anything else (public, no
 * token: they are what the browser needs to get one), and the way in without a trailing slash.
 */
@Path("/portal")
public class PortalResource {

    private final PortalSettings settings;

    public PortalResource(PortalConfig config) {
        this.settings = PortalSettings.of(config);
    }

    @GET
    @Path("/config.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The portal's public settings: Keycloak realm URL, client id, visit page URL, refresh interval")
    public PortalSettings config() {
        return settings;
    }

    /** {@code /portal} to {@code /portal/}, so that the page's relative links resolve inside the portal. */
    @GET
    @Operation(hidden = true)
    public Response withoutSlash() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/portal/")).build();
    }
}
