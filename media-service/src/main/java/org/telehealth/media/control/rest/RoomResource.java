package org.telehealth.media.control.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.telehealth.media.control.ControlException;
import org.telehealth.media.control.JoinOnOffer;
import org.telehealth.media.control.NegotiationService;
import org.telehealth.media.room.Participant;
import org.telehealth.media.room.RoomRegistry;

/**
 * The control interface signaling-service drives (service token with the {@code service} role):
 * open and close rooms, add and remove participants, answer a participant's SDP offer (opening
 * the room and adding the participant on the way if asked), and limit
 * what a participant receives. Room and participant ids are opaque to the SFU; they are checked
 * for shape only.
 */
@Path("/api/rooms/{roomId}")
@RolesAllowed("service")
public class RoomResource {

    static final String ID = "[A-Za-z0-9_-]{1,64}";
    static final String APPLICATION_SDP = "application/sdp";

    private final RoomRegistry rooms;
    private final NegotiationService negotiation;
    private final JoinOnOffer joinOnOffer;

    public RoomResource(RoomRegistry rooms, NegotiationService negotiation, JoinOnOffer joinOnOffer) {
        this.rooms = rooms;
        this.negotiation = negotiation;
        this.joinOnOffer = joinOnOffer;
    }

    @PUT
    @Operation(summary = "Open a room (idempotent)")
    public void open(@PathParam("roomId") @Pattern(regexp = ID) String roomId) {
        rooms.open(roomId);
    }

    @DELETE
    @Operation(summary = "Close a room and end every participant's media")
    public void close(@PathParam("roomId") @Pattern(regexp = ID) String roomId) {
        rooms.close(roomId);
    }

    @PUT
    @Path("/participants/{participantId}")
    @Operation(summary = "Add a participant to a room (idempotent)")
    public void join(@PathParam("roomId") @Pattern(regexp = ID) String roomId,
            @PathParam("participantId") @Pattern(regexp = ID) String participantId) {
        rooms.join(roomId, participantId);
    }

    @DELETE
    @Path("/participants/{participantId}")
    @Operation(summary = "Remove a participant and end their media")
    public void leave(@PathParam("roomId") @Pattern(regexp = ID) String roomId,
            @PathParam("participantId") @Pattern(regexp = ID) String participantId) {
        rooms.leave(roomId, participantId);
    }

    @POST
    @Path("/participants/{participantId}/sdp-offers")
    @Consumes(APPLICATION_SDP)
    @Produces(APPLICATION_SDP)
    @Operation(summary = "Answer the participant's SDP offer; the answer carries the SFU's ICE and DTLS parameters."
            + " With join=true the room is opened and the participant added first if they are not there (one request"
            + " instead of three for a first offer)")
    public String negotiate(@PathParam("roomId") @Pattern(regexp = ID) String roomId,
            @PathParam("participantId") @Pattern(regexp = ID) String participantId, @QueryParam("join") boolean join,
            String offer) {
        String sdp = offer == null ? "" : offer;
        return join ? joinOnOffer.answer(roomId, participantId, sdp) : negotiation.answer(participant(roomId, participantId), sdp);
    }

    /**
     * A cap on the bitrate of the video the SFU sends a participant.
     *
     * @param maxBitrateBps bits per second, positive
     */
    public record ReceiveLimit(Long maxBitrateBps) {
    }

    @PUT
    @Path("/participants/{participantId}/receive-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cap the video bitrate the SFU sends the participant: their simulcast layers are chosen to fit")
    public void limitReception(@PathParam("roomId") @Pattern(regexp = ID) String roomId,
            @PathParam("participantId") @Pattern(regexp = ID) String participantId, ReceiveLimit limit) {
        if (limit == null || limit.maxBitrateBps() == null || limit.maxBitrateBps() <= 0) {
            throw ControlException.badRequest("the body is {\"maxBitrateBps\": <positive bits per second>}");
        }
        participant(roomId, participantId).bandwidth().limit(OptionalLong.of(limit.maxBitrateBps()));
    }

    @DELETE
    @Path("/participants/{participantId}/receive-limit")
    @Operation(summary = "Lift the cap on the video bitrate the SFU sends the participant")
    public void liftReceptionLimit(@PathParam("roomId") @Pattern(regexp = ID) String roomId,
            @PathParam("participantId") @Pattern(regexp = ID) String participantId) {
        participant(roomId, participantId).bandwidth().limit(OptionalLong.empty());
    }

    @GET
    @Path("/participants/{participantId}/stats")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Transport counters, per-track reception, what was sent and the round trip of the participant's media")
    public ParticipantStats stats(@PathParam("roomId") @Pattern(regexp = ID) String roomId,
            @PathParam("participantId") @Pattern(regexp = ID) String participantId) {
        return ParticipantStats.of(participant(roomId, participantId), System.nanoTime());
    }

    private Participant participant(String roomId, String participantId) {
        return rooms.room(roomId).flatMap(room -> room.participant(participantId))
                .orElseThrow(() -> ControlException.notFound("no participant " + participantId + " in room " + roomId));
    }
}
