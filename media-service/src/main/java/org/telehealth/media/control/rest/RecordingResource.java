package org.telehealth.media.control.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.telehealth.media.control.ControlException;
import org.telehealth.media.control.RecordingService;
import org.telehealth.media.room.RecordingDescription;

/**
 * The recording fork of a room, for the recording-service's orchestration (service token with the
 * {@code service} role): start copying the room's media to a recorder's UDP address, read what is
 * being copied, stop.
 */
@Path("/api/rooms/{roomId}/recording")
@RolesAllowed("service")
public class RecordingResource {

    private final RecordingService recordings;

    public RecordingResource(RecordingService recordings) {
        this.recordings = recordings;
    }

    /**
     * Where to send a room's media: plain RTP and RTCP, multiplexed on one UDP port.
     *
     * @param host host name or IP literal, inside {@code media.recording.allowed-targets}
     */
    public record Target(String host, Integer port) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Fork the room's media to a recorder's UDP address (idempotent for the same address); answers the forked tracks")
    public RecordingDescription start(@PathParam("roomId") @Pattern(regexp = RoomResource.ID) String roomId, Target target) {
        if (target == null) {
            throw ControlException.badRequest("the body is {\"host\": \"<host>\", \"port\": <1..65535>}");
        }
        return recordings.start(roomId, target.host(), target.port());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The tracks the room's recording fork sends, and their SSRCs and payload types")
    public RecordingDescription describe(@PathParam("roomId") @Pattern(regexp = RoomResource.ID) String roomId) {
        return recordings.describe(roomId);
    }

    @DELETE
    @Operation(summary = "Stop forking the room's media (idempotent): the recorder gets a BYE for every track")
    public void stop(@PathParam("roomId") @Pattern(regexp = RoomResource.ID) String roomId) {
        recordings.stop(roomId);
    }
}
