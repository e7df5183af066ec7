package org.telehealth.media.drain.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.telehealth.media.drain.DrainState;
import org.telehealth.media.drain.InstanceDrain;

/**
 * The instance's drain on the control API (service token with the {@code service} role): read it,
 * start it (an operator taking a node out by hand), call off one started here. The pod's own stop
 * drains through {@link org.telehealth.media.drain.DrainRequestFile}.
 */
@Path("/api/instance/drain")
@RolesAllowed("service")
@Produces(MediaType.APPLICATION_JSON)
public class DrainResource {

    private final InstanceDrain drain;

    public DrainResource(InstanceDrain drain) {
        this.drain = drain;
    }

    @GET
    @Operation(summary = "Whether the instance drains, since when, and the rooms and participants it still holds")
    public DrainState state() {
        return drain.state();
    }

    @POST
    @Operation(summary = "Start draining (idempotent): no new room opens here, open rooms carry on")
    public DrainState start() {
        return drain.start(InstanceDrain.Trigger.CONTROL_API);
    }

    @DELETE
    @Operation(summary = "Call off a drain started on the control API (idempotent); 409 when the pod's stop started it")
    public DrainState cancel() {
        return drain.cancel();
    }
}
